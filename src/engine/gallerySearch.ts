// A gallery entry's search, as the entry states it: the explorer on its machine to its depth, or for an
// entry searched against its base (GalleryEntry.unlike) the differential search. Kept apart from
// gallery.ts so that the gallery's data (read by the app's main bundle) does not pull in the explorer.
import { explore, type ExploreResult } from './explore';
import { exploreUnlike } from './explore/differential';
import type { GalleryEntry } from './gallery';

/** Runs the entry's search (the same options the gallery states). */
export function searchEntry(e: GalleryEntry): ExploreResult {
  if (e.unlike && e.base) return exploreUnlike(e.machine, e.variant, e.base, e.options);
  return explore(e.machine, e.variant, e.options);
}

/** A key naming an entry's search: entries with equal keys run the same search (a release's bugs). */
export const searchKey = (e: GalleryEntry): string =>
  JSON.stringify([e.variant.id, e.machine, e.options, e.unlike ? (e.base?.id ?? null) : null]);
