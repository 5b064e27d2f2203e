// The bug gallery as data: one entry per historic variant (src/engine/gallery.ts), with its example
// scenario and the step where the pre-fix code first goes wrong, computed by replaying the example
// under the historic variant (so the button opens the step the engine reports, not a number copied).
import {
  createMachine,
  galleryVariants,
  resolveVariantId,
  replay,
  type HistoricFix,
  type Scenario,
  type Variant,
  type Violation,
} from '../engine';
import { EXAMPLES } from '../scenarios';

export const GALLERY_VIEW = 'gallery';

export interface GalleryEntry {
  /** The historic variant's id, `ERA/pre-COMMIT12`: the entry's id in links. */
  id: string;
  variant: Variant;
  fix: HistoricFix;
  /** The example scenario `history-COMMIT12`, or null when it is missing. */
  exampleId: string;
  example: Scenario | null;
  /** The example's first violation under the historic variant (null: none, or no example). */
  violation: Violation | null;
  /** The cursor that shows the violating step: the state after the violating event. */
  violatingCursor: number | null;
  commitUrl: string;
}

/** The commit's page on kernel.org (Linus's tree). */
export const commitUrl = (commit: string): string => `https://git.kernel.org/torvalds/c/${commit}`;

function entryOf(v: Variant, fix: HistoricFix): GalleryEntry {
  // history-COMMIT12, or history-COMMIT12-* when two variants undo one commit (the SVE bug of
  // 751ecf6afd65 beside its FPSIMD analogue): the example whose variant is this one.
  const exampleId =
    EXAMPLES.find((e) => e.id.startsWith(`history-${fix.commit}-`) && e.scenario.variant === v.id)?.id ??
    `history-${fix.commit}`;
  const example = EXAMPLES.find((e) => e.id === exampleId)?.scenario ?? null;
  const violation = example
    ? (replay(createMachine(example, v), example.events).violations[0] ?? null)
    : null;
  return {
    id: v.id,
    variant: v,
    fix,
    exampleId,
    example,
    violation,
    violatingCursor: violation ? violation.step + 1 : null,
    commitUrl: commitUrl(fix.commit),
  };
}

let cache: GalleryEntry[] | null = null;

/** Every historic variant's entry, in the engine's order (oldest era first). */
export function galleryEntries(): GalleryEntry[] {
  cache ??= galleryVariants().flatMap((v) => (v.historic ? [entryOf(v, v.historic)] : []));
  return cache;
}

/** The entry of a historic variant's id or alias (`mainline/pre-...`, its id before the eras' rename). */
export function findEntry(id: string | null | undefined): GalleryEntry | null {
  const concrete = id ? resolveVariantId(id) : id;
  return galleryEntries().find((e) => e.id === concrete) ?? null;
}
