// The comparison: which variants (two, up to every era at once) the compare view runs the scenario
// under. The scenario and the shared cursor stay in the scenario store; this store holds only the
// chosen variant ids.
import { create } from 'zustand';
import { ERAS, VARIANTS, findVariant, resolveVariantId } from '../../engine';
import { linkVariantId } from '../links/linkFields';

export const MIN_COMPARED = 2;

/** Every era of the engine, oldest first: "Compare the eras" (derived, so a new era joins it). */
export const ALL_ERAS: readonly string[] = ERAS.map((e) => e.id);

/** Every era at once, or three variants when there are fewer eras. */
export const MAX_COMPARED = Math.max(3, ALL_ERAS.length);

/**
 * The comparison a link means when it names none (links keep their meaning: it never grows with the
 * eras): the patch's story, before it, the patch itself, today's kernel.
 */
export const DEFAULT_COMPARE: readonly string[] = ['v4.17', 'v4.18', resolveVariantId('mainline')];

export interface CompareState {
  /** MIN_COMPARED to MAX_COMPARED distinct, known variant ids, in the order shown. */
  variants: string[];
  setVariants(ids: readonly string[]): void;
  /** Puts `id` in slot `slot`; a variant already shown elsewhere swaps places with the old one. */
  setSlot(slot: number, id: string): void;
  /** Adds a variant (the first era, then the first known variant, not yet shown). */
  addSlot(): void;
  removeSlot(slot: number): void;
}

export interface CheckedCompare {
  ids: string[];
  /** What was changed, in words for a notice (empty when the ids were fine as they were). */
  problems: string[];
}

/**
 * Makes a usable comparison of a list from a link or elsewhere: unknown ids and repeats are dropped,
 * extra ids cut, and a list left too short is filled from the default comparison. Each change is named.
 */
export function checkCompareIds(ids: readonly string[] | undefined): CheckedCompare {
  if (ids === undefined) return { ids: [...DEFAULT_COMPARE], problems: [] };
  const problems: string[] = [];
  // Aliases (`mainline`) are compared as the concrete variant they name, and links written name that.
  ids = ids.filter((id) => id !== '').map((id) => resolveVariantId(linkVariantId(id)));
  const unknown = ids.filter((id) => !findVariant(id));
  if (unknown.length)
    problems.push(
      `the comparison names ${unknown.length === 1 ? 'a variant' : 'variants'} this version does not know (${unknown
        .map((id) => `"${id}"`)
        .join(', ')}); ${unknown.length === 1 ? 'it is' : 'they are'} left out`,
    );
  let out = [...new Set(ids.filter((id) => findVariant(id)))];
  if (out.length < ids.length - unknown.length)
    problems.push('a variant named twice in the comparison is shown once');
  if (out.length > MAX_COMPARED) {
    problems.push(
      `the comparison shows at most ${MAX_COMPARED} variants; ${out.slice(MAX_COMPARED).join(', ')} left out`,
    );
    out = out.slice(0, MAX_COMPARED);
  }
  if (out.length < MIN_COMPARED) {
    const before = out.length;
    for (const id of [...DEFAULT_COMPARE, ...VARIANTS.map((v) => v.id)])
      if (out.length < MIN_COMPARED && !out.includes(id)) out.push(id);
    problems.push(
      `a comparison needs at least ${MIN_COMPARED} variants; ${out.slice(before).join(' and ')} ${
        out.length - before === 1 ? 'was' : 'were'
      } added`,
    );
  }
  return { ids: out, problems };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The comparison as a link carries it: always in the compare view, elsewhere only when it differs from
 * the default (so links to the other views stay as they were, and a chosen comparison is not lost).
 */
export function compareForLink(view: string, variants: readonly string[]): string[] | undefined {
  if (view === 'compare' || !sameList(variants, DEFAULT_COMPARE)) return [...variants];
  return undefined;
}

/** Example scenarios that come with a comparison worth opening (e.g. "Compare eras" on the exit storm). */
export function comparePreset(exampleId: string, scenarioVariant: string | undefined): string[] | null {
  if (exampleId === 'exit-storm') return [...ALL_ERAS];
  if (exampleId === 'lazy-vs-eager-host-save') return ['v6.13', 'v6.15'];
  if (exampleId === 'signal-round-trip-eras') return ['v6.15', 'v6.16'];
  // An ablation's demonstration: the patch as written against the patch without that statement.
  const v = scenarioVariant ? findVariant(scenarioVariant) : undefined;
  if (v?.ablation) return [v.era.id, v.id];
  return null;
}

export const useCompareStore = create<CompareState>()((set, get) => ({
  variants: [...DEFAULT_COMPARE],
  setVariants(ids) {
    const next = checkCompareIds(ids).ids;
    if (!sameList(next, get().variants)) set({ variants: next });
  },
  setSlot(slot, alias) {
    const cur = get().variants;
    const id = resolveVariantId(alias);
    if (!findVariant(id) || slot < 0 || slot >= cur.length || cur[slot] === id) return;
    const next = [...cur];
    const other = next.indexOf(id);
    if (other >= 0) next[other] = next[slot];
    next[slot] = id;
    set({ variants: next });
  },
  addSlot() {
    const cur = get().variants;
    if (cur.length >= MAX_COMPARED) return;
    const id = [...ALL_ERAS, ...VARIANTS.map((v) => v.id)].find((x) => !cur.includes(x));
    if (id) set({ variants: [...cur, id] });
  },
  removeSlot(slot) {
    const cur = get().variants;
    if (cur.length <= MIN_COMPARED || slot < 0 || slot >= cur.length) return;
    set({ variants: cur.filter((_, i) => i !== slot) });
  },
}));
