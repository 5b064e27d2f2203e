// One line saying what kind of gallery entry this is: a historic variant, a bug of the release itself,
// and whether it is an SVE bug (shown on a machine with SVE).
import { isSveEntry, type GalleryEntry } from '../../state/viewmodels/galleryModel';

export function entryKind(e: GalleryEntry): string {
  const sve = isSveEntry(e)
    ? ' An SVE bug: its example runs on a machine with SVE, and the diagram shows each context’s upper state (H).'
    : '';
  if (e.releaseBug)
    return `This release itself: ${e.variant.era.id} as released had this bug, fixed later by ${e.fix.commit}${e.fixedIn ? ` (${e.fixedIn.id} has the fix)` : ''}.${sve}`;
  return `A historic variant: ${e.variant.era.id} with the code as it stood before ${e.fix.commit}.${sve}`;
}
