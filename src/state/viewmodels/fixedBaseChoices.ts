// The fixed bases the app's variant pickers offer (`ID+COMMIT12...`: a variant with some of its
// release's own bugs fixed, src/engine/fixedBase.ts): the gallery's, and the one on screen when it is
// another. Each labelled as a fixed base, naming the fixes.
import { findVariant, fixedBaseVariants, splitFixedBaseId, type Variant } from '../../engine';

export interface FixedBaseChoice {
  id: string;
  /** `ID (fixed base: C1, C2 fixed)`. */
  label: string;
  /** The variant's description (what it runs, and the fixes applied). */
  title: string;
}

/** Whether an id names a fixed base (a known variant with release fixes applied). */
export const isFixedBase = (id: string): boolean =>
  splitFixedBaseId(id) !== null && findVariant(id) !== undefined;

/** A fixed base's label: its variant and the fixes applied. */
export function fixedBaseLabel(v: Variant): string {
  const fixes = splitFixedBaseId(v.id)?.fixes ?? [];
  return `${v.id.split('+')[0]} (fixed base: ${fixes.join(', ')} fixed)`;
}

/** The fixed bases to offer: the gallery's, then `current` when it is a fixed base not among them. */
export function fixedBaseChoices(current?: string | null): FixedBaseChoice[] {
  const vs = fixedBaseVariants();
  const cur = current ? findVariant(current) : undefined;
  if (cur && splitFixedBaseId(cur.id) && !vs.some((v) => v.id === cur.id)) vs.push(cur);
  return vs.map((v) => ({ id: v.id, label: fixedBaseLabel(v), title: v.description }));
}
