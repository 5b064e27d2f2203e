// Every variant the tools accept: the eras, and each era with one ablated statement; and the aliases
// (`mainline`, the old ids of historic variants) that are accepted in their place.
import type { Era } from './era';
import { splitFixedBaseId, withReleaseFixes } from './fixedBase';
import { preFix, type HistoricFix } from './history/types';
import { v4_17 } from './eras/v4_17';
import { v4_18 } from './eras/v4_18';
import { v6_13 } from './eras/v6_13';
import { v6_15 } from './eras/v6_15';
import { v6_16 } from './eras/v6_16';

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
export const ERAS: readonly Era[] = [v4_17, v4_18, v6_13, v6_15, v6_16];

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

/** An id accepted in place of a variant's; every output names the variant it resolves to. */
export interface VariantAlias {
  id: string;
  resolvesTo: string;
  /** Why the alias exists, in one line. */
  why: string;
}

/** `mainline`: the newest era the model has read (v6.16 now). */
export const MAINLINE_ALIAS = 'mainline';

/**
 * What `mainline` named in everything made before eras were named by release (links of format v1
 * and v2, scenario files' `variant` and `notesVariant`): the era now called v6.15.
 */
export const LEGACY_MAINLINE_ERA = 'v6.15';

const newest = ERAS[ERAS.length - 1];

export const VARIANT_ALIASES: readonly VariantAlias[] = [
  {
    id: MAINLINE_ALIAS,
    resolvesTo: newest.id,
    why: `the newest era the model has read (${newest.id})`,
  },
  // Historic variants under the era whose code they undo, known by their ids of before the rename.
  ...VARIANTS.filter((v) => v.historic && v.era.id === LEGACY_MAINLINE_ERA).map((v) => ({
    id: `${MAINLINE_ALIAS}/${v.ablation}`,
    resolvesTo: v.id,
    why: `its id when ${LEGACY_MAINLINE_ERA} was called ${MAINLINE_ALIAS}`,
  })),
];

const byId = new Map(VARIANTS.map((v) => [v.id, v]));
const aliasOf = new Map(VARIANT_ALIASES.map((a) => [a.id, a.resolvesTo]));

/**
 * The variant an id or alias names (`mainline` is the newest era), or undefined. `ID+COMMIT12...`
 * names ID run with those of its release's own bugs fixed (a fixed base, fixedBase.ts).
 */
export function findVariant(id: string): Variant | undefined {
  const found = byId.get(id) ?? byId.get(aliasOf.get(id) ?? '');
  if (found) return found;
  const v = fixedBaseOrError(id);
  return typeof v === 'string' ? undefined : v;
}

/** A fixed-base id's variant, or why it is not one (undefined: not a fixed-base id). */
function fixedBaseOrError(id: string): Variant | string | undefined {
  const split = splitFixedBaseId(id);
  if (!split) return undefined;
  const base = byId.get(split.variantId) ?? byId.get(aliasOf.get(split.variantId) ?? '');
  if (!base) return undefined;
  return withReleaseFixes(base, split.fixes);
}

/** The concrete id an id or alias names; an unknown id is returned as it is. */
export function resolveVariantId(id: string): string {
  return findVariant(id)?.id ?? id;
}

/**
 * The concrete id of a variant named in something made before eras were named by release (a link of
 * format v1 or v2, a scenario file): there `mainline` and `mainline/...` meant today's v6.15. Any other
 * id is resolved as findVariant does; an unknown one is returned as it is.
 */
export function legacyVariantId(id: string): string {
  if (id === MAINLINE_ALIAS) return LEGACY_MAINLINE_ERA;
  if (id.startsWith(`${MAINLINE_ALIAS}/`)) {
    const old = `${LEGACY_MAINLINE_ERA}${id.slice(MAINLINE_ALIAS.length)}`;
    if (byId.has(old)) return old;
  }
  return resolveVariantId(id);
}

/** The variant, or an error message listing the known ids and aliases. */
export function variantOrError(id: string): Variant | string {
  const fixed = fixedBaseOrError(id);
  if (typeof fixed === 'string') return `variant "${id}": ${fixed}`;
  return (
    findVariant(id) ??
    `unknown variant "${id}"; known: ${VARIANTS.map((v) => v.id).join(', ')}; aliases: ${VARIANT_ALIASES.map((a) => `${a.id} (${a.resolvesTo})`).join(', ')}`
  );
}
