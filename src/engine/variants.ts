// Every variant the tools accept: the eras, and each era with one ablated statement.
import type { Era } from './era';
import { mainline } from './eras/mainline';
import { v4_17 } from './eras/v4_17';
import { v4_18 } from './eras/v4_18';
import { v6_13 } from './eras/v6_13';

export interface Variant {
  /** `v4.18`, or `v4.18/no-put-save` for an ablation. */
  id: string;
  era: Era;
  /** The ablated statement's name (see Era.ablatable), or null. */
  ablation: string | null;
  /** One line for `fpsimd-viz variants` and the app. */
  description: string;
}

/** The eras, oldest first. Adding an era is adding its module here. */
export const ERAS: readonly Era[] = [v4_17, v4_18, v6_13, mainline];

export const DEFAULT_VARIANT = 'v4.18';

export const VARIANTS: readonly Variant[] = ERAS.flatMap((era) => [
  { id: era.id, era, ablation: null, description: era.summary },
  ...era.ablatable.map((a) => ({
    id: `${era.id}/no-${a.name}`,
    era,
    ablation: a.name,
    description: `${era.id} without one statement: ${a.description}.`,
  })),
]);

const byId = new Map(VARIANTS.map((v) => [v.id, v]));

export function findVariant(id: string): Variant | undefined {
  return byId.get(id);
}

/** The variant, or an error message listing the known ids. */
export function variantOrError(id: string): Variant | string {
  return byId.get(id) ?? `unknown variant "${id}"; known: ${VARIANTS.map((v) => v.id).join(', ')}`;
}
