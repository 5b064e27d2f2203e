// Fixed bases: a variant run with some of its release's own bugs (Era.releaseBugs) fixed, so that a
// search of a historic variant stops at the variant's own bug rather than at one the release shipped
// with, and a release can be claimed clean but for its known bugs. Only fixes whose later code the
// model keeps inside the release's own code paths can be applied: the kernel functions test
// released_with(k, COMMIT12) (src/engine/kernel/fpsimd_v6.ts), which is false once the era's copy no
// longer lists the bug. Others (fbc7e61195e2, 59419f10045b: a new vcpu load path) cannot.
import type { Era } from './era';
import { C128A, C398E, C49CE, C5CBB } from './history/fpsimd_v6';
import type { Variant } from './variants';

/** The release bugs a fixed base can have fixed: each is a released_with() test in the kernel code. */
export const SWITCHABLE_RELEASE_FIXES: readonly string[] = [C398E, C49CE, C128A, C5CBB];

/** `v6.13/pre-751ecf6afd65+398edaa12f9c+49ce484187f7`: the variant, then each release fix applied. */
export const fixedBaseId = (variantId: string, fixes: readonly string[]): string =>
  [variantId, ...fixes].join('+');

/** The release bugs of `era` a fixed base can fix, in the era's order. */
export const switchableFixes = (era: Era): string[] =>
  (era.releaseBugs ?? []).map((b) => b.commit).filter((c) => SWITCHABLE_RELEASE_FIXES.includes(c));

const cache = new Map<string, Variant>();

/**
 * `variant` with the release bugs `fixes` fixed (each one of its era's switchable release bugs), or an
 * error message. The era is a copy whose releaseBugs omit them; everything else is the era's.
 */
export function withReleaseFixes(variant: Variant, fixes: readonly string[]): Variant | string {
  if (fixes.length === 0) return variant;
  const can = switchableFixes(variant.era);
  const bad = fixes.find((c) => !can.includes(c));
  if (bad !== undefined)
    return `"+${bad}": ${variant.era.id} can be run with these of its release bugs fixed: ${can.join(', ') || 'none'}`;
  const ordered = can.filter((c) => fixes.includes(c));
  const id = fixedBaseId(variant.id, ordered);
  const known = cache.get(id);
  if (known) return known;
  const era: Era = {
    ...variant.era,
    releaseBugs: (variant.era.releaseBugs ?? []).filter((b) => !ordered.includes(b.commit)),
  };
  const v: Variant = {
    ...variant,
    id,
    era,
    description: `${variant.description} Run with the later fix${ordered.length > 1 ? 'es' : ''} ${ordered.join(', ')} of ${variant.era.id}'s own bug${ordered.length > 1 ? 's' : ''} applied (a fixed base).`,
  };
  cache.set(id, v);
  return v;
}

/** The release fixes an id names after its variant (`ID+C1+C2`), or null when it names none. */
export function splitFixedBaseId(id: string): { variantId: string; fixes: string[] } | null {
  const parts = id.split('+');
  if (parts.length < 2) return null;
  return { variantId: parts[0], fixes: parts.slice(1) };
}
