// Which variant a scenario's notes were written for, and whether the screen shows another one. Old
// files and links have no `notesVariant`: their notes belong to the scenario's own `variant`; with
// neither, the notes claim no variant and no notice is shown.
import type { Scenario } from '../../engine';

export function notesVariantOf(sc: Scenario): string | null {
  return sc.notesVariant ?? sc.variant ?? null;
}

/** The variant the notes were written for when it is not the one on screen, else null. */
export function notesMismatch(sc: Scenario, variantId: string): string | null {
  const written = notesVariantOf(sc);
  return written !== null && written !== variantId ? written : null;
}
