// The bug gallery: every historic variant (a real kernel fix undone, see history/types.ts), searched by the
// explorer on one stated machine to one stated depth. The gallery view, `fpsimd-viz gallery`, the
// bench and the tests all read this module, so the configuration a claim is made for is stated once.
import type { HistoricFix } from './history/types';
import type { Counterexample } from './explore/findings';
import { createMachine } from './machine';
import { replay } from './replay';
import {
  fixed,
  sveCleanEras,
  sveGalleryMachine,
  sveGalleryOptions,
  sveMachineFor,
  sveSearch,
  type SveSearch,
} from './sveGallery';
import type { Scenario } from './types';
import { ERAS, VARIANTS, type Variant } from './variants';

export {
  SVE_GALLERY_DEPTH,
  SVE_GALLERY_MACHINE,
  SVE_HOST_MACHINE,
  SVE_UP_MACHINE,
  SVE_UP_KTHREAD_MACHINE,
  sveCleanEras,
  sveGalleryMachine,
  sveGalleryOptions,
  sveGalleryVariants,
  sveMachineFor,
  sveSearch,
  type SveSearch,
} from './sveGallery';

/**
 * Two CPUs; a VMM thread running vcpu0 (on CPU0), two user tasks (app on CPU1, editor waiting) and a
 * kernel thread: enough for preemption and migration of a task, a guest beside host tasks, and
 * kernel-mode NEON in a kernel thread.
 */
export const GALLERY_MACHINE: Scenario = {
  format: 'fpsimd-scenario/1',
  title: 'Bug gallery machine: 2 CPUs, a vcpu thread, two user tasks and a kernel thread',
  description:
    'The configuration every historic variant of the gallery is searched on (src/engine/gallery.ts). Open it in the explorer, or run `fpsimd-viz check FILE --variant ID --depth N` on it.',
  cpus: 2,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'app' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'app' },
  events: [],
};

/**
 * Every historic bug is found within this many events, and every era is clean to it, with every op
 * (one pending signal frame per task). The shortest counterexamples are 3 to 7 events (pre-e92bee9f861b:
 * 7); at 8 the five era searches hold 0.1 to 0.6 million states each (a few seconds in all).
 */
export const GALLERY_DEPTH = 8;

/** The search options of the gallery: a bug's search stops at its first (shortest) violation. */
export const galleryOptions = (bug: boolean) => ({ depth: GALLERY_DEPTH, stopAtViolation: bug });

/**
 * The FPSIMD gallery's entries (historic variants searched on GALLERY_MACHINE), in the engine's variant
 * order (oldest era first). SVE bugs are in galleryEntries() with their own machine.
 */
export const galleryVariants = (): Variant[] =>
  VARIANTS.filter((v) => v.historic !== null && v.historic.sve !== true);

/** One gallery entry: a bug, the variant that has it, and the machine and depth it is searched on. */
export interface GalleryEntry {
  /**
   * The variant searched: a historic variant (an SVE one with its search's release fixes applied,
   * sveSearch()), or (releaseBug) the era itself.
   */
  variant: Variant;
  fix: HistoricFix;
  /** A bug of the release itself (Era.releaseBugs): the variant is the era, `fix` names the fixing commit. */
  releaseBug: boolean;
  /** Searched on an SVE machine. */
  sve: boolean;
  /**
   * What a historic entry's counterexamples are judged against (entryVerdict): its era with the same
   * release fixes, on the same machine; null for a release's own bug.
   */
  base: Variant | null;
  /** An SVE historic entry's search (fixed base, machine, depth and why); null otherwise. */
  search: SveSearch | null;
  machine: Scenario;
  /** The depth it is searched to ("searched to depth N"; it stops at its first violating depth). */
  depth: number;
  /**
   * Searched by the differential search against `base` (explore/differential.ts): only violations the
   * base does not report on the same sequence stop it.
   */
  unlike: boolean;
  /** The explorer options of its search (depth included; stops at the first violating depth). */
  options: ReturnType<typeof galleryOptions> | ReturnType<typeof sveGalleryOptions>;
}

/** The bugs of releases themselves (Era.releaseBugs), each with its era's variant. */
export function galleryReleaseBugs(): GalleryEntry[] {
  return ERAS.flatMap((era) => {
    const variant = VARIANTS.find((v) => v.id === era.id);
    if (!variant) throw new Error(`gallery: no variant for era ${era.id}`);
    return (era.releaseBugs ?? []).map((fix) => entry(variant, fix, true));
  });
}

const eraOf = (variant: Variant): Variant => {
  const era = VARIANTS.find((v) => v.id === variant.era.id);
  if (!era) throw new Error(`gallery: no variant for era ${variant.era.id}`);
  return era;
};

function entry(variant: Variant, fix: HistoricFix, releaseBug: boolean): GalleryEntry {
  const sve = fix.sve === true;
  if (!sve) {
    const base = releaseBug ? null : eraOf(variant);
    const options = galleryOptions(true);
    return {
      variant,
      fix,
      releaseBug,
      sve,
      base,
      search: null,
      machine: GALLERY_MACHINE,
      depth: options.depth,
      unlike: false,
      options,
    };
  }
  if (releaseBug) {
    const options = sveGalleryOptions(true);
    const machine = sveGalleryMachine(variant);
    return {
      variant,
      fix,
      releaseBug,
      sve,
      base: null,
      search: null,
      machine,
      depth: options.depth,
      unlike: false,
      options,
    };
  }
  const search = sveSearch(fix);
  const options = sveGalleryOptions(true, search.depth);
  return {
    variant: fixed(variant, search.fixes),
    fix,
    releaseBug,
    sve,
    base: fixed(eraOf(variant), search.fixes),
    search,
    machine: sveMachineFor(search.machine, variant),
    depth: options.depth,
    unlike: search.unlike,
    options,
  };
}

/**
 * Every entry of the gallery: the FPSIMD historic variants (gallery machine), the SVE ones (SVE
 * gallery machine), then the releases' own bugs.
 */
export function galleryEntries(): GalleryEntry[] {
  const historic = VARIANTS.filter((v) => v.historic !== null).map((v) =>
    entry(v, v.historic as HistoricFix, false),
  );
  return [...historic, ...galleryReleaseBugs()];
}

/**
 * What a bug entry's search found: `found`, a violation its base (the era with the same release fixes,
 * on the same machine) does not report on the same events (for a release's own bug: any violation,
 * there being no base to compare with); `era-bug-only`, only violations the base reports too (the
 * base's own bug, not this fix's: the search stops at the shortest violating depth); `not-found`,
 * nothing within the depth. Every counterexample of the stopping depth is judged, not only the first.
 */
export type EntryVerdict = 'found' | 'era-bug-only' | 'not-found';

/** The first of `found` that is the entry's own bug (its base does not report it), or undefined. */
export function ownViolation(
  entry: GalleryEntry,
  found: readonly Counterexample[],
): Counterexample | undefined {
  if (entry.releaseBug || !entry.base) return found[0];
  const base = entry.base;
  return found.find((c) => {
    const r = replay(createMachine(entry.machine, base), c.events);
    const last = c.events.length - 1;
    return !r.violations.some((v) => v.kind === c.kind && v.context === c.context && v.step === last);
  });
}

export function entryVerdict(entry: GalleryEntry, found: readonly Counterexample[]): EntryVerdict {
  if (found.length === 0) return 'not-found';
  return ownViolation(entry, found) ? 'found' : 'era-bug-only';
}

/**
 * The fixed bases the gallery names (`ID+COMMIT12...`: a variant run with some of its release's own
 * bugs fixed, fixedBase.ts): its SVE entries' searched variants and bases and the fixed eras it claims
 * clean, each once, in the gallery's order. The app's variant pickers offer them.
 */
export function fixedBaseVariants(): Variant[] {
  const all = [
    ...galleryEntries().flatMap((e) => [e.variant, ...(e.base ? [e.base] : [])]),
    ...sveCleanEras(),
  ];
  const seen = new Set<string>();
  return all.filter((v) => v.id.includes('+') && !seen.has(v.id) && seen.add(v.id) !== undefined);
}
