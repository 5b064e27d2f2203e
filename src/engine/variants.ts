// Every variant the tools accept: the eras, and each era with one ablated statement.
import type { Era } from './era';
import { preFix, type HistoricFix } from './history';
import { mainline } from './eras/mainline';
import { v4_17 } from './eras/v4_17';
import { v4_18 } from './eras/v4_18';
import { v6_13 } from './eras/v6_13';

export interface Variant {
  /** `v4.18`, or `v4.18/no-put-save` for an ablation. */
  id: string;
  era: Era;
  /** The ablated statement's name (see Era.ablatable), `pre-COMMIT12` for a historic variant, or null. */
  ablation: string | null;
  /** The kernel fix a historic variant undoes (`ERA/pre-COMMIT12`), or null. */
  historic: HistoricFix | null;
  /** One line for `fpsimd-viz variants` and the app. */
  description: string;
}

/** The eras, oldest first. Adding an era is adding its module here. */
export const ERAS: readonly Era[] = [v4_17, v4_18, v6_13, mainline];

export const DEFAULT_VARIANT = 'v4.18';

export const VARIANTS: readonly Variant[] = ERAS.flatMap((era) => [
  { id: era.id, era, ablation: null, historic: null, description: era.summary },
  ...era.ablatable.map((a) => ({
    id: `${era.id}/no-${a.name}`,
    era,
    ablation: a.name,
    historic: null,
    description: `${era.id} without one statement: ${a.description}.`,
  })),
  ...(era.historic ?? []).map((h) => ({
    id: `${era.id}/${preFix(h.commit)}`,
    era,
    ablation: preFix(h.commit),
    historic: h,
    description: `${era.id} before ${h.commit} "${h.subject}" (${h.date})${h.analogue ? ', an analogue' : ''}: ${h.before}`,
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
