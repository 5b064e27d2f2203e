// The bug gallery: every historic variant (a real kernel fix undone, see history/types.ts), searched by the
// explorer on one stated machine to one stated depth. The gallery view, `fpsimd-viz gallery`, the
// bench and the tests all read this module, so the configuration a claim is made for is stated once.
import type { HistoricFix } from './history/types';
import type { Counterexample } from './explore/findings';
import { createMachine } from './machine';
import { replay } from './replay';
import type { Scenario } from './types';
import { ERAS, VARIANTS, type Variant } from './variants';

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

/**
 * The SVE gallery machine (issue 20): two CPUs with SVE; a VMM thread running an SVE vcpu (on CPU0), a
 * user task (on CPU1) and a kernel thread. The SVE historic variants and the releases' own SVE bugs are
 * searched on it. Eras before guest SVE (v5.2: v4.17, v4.18) refuse an SVE vcpu: for them the vcpu is
 * a plain one (sveGalleryMachine()), which is what those kernels ran (host SVE, FPSIMD-only guests).
 */
export const SVE_GALLERY_MACHINE: Scenario = {
  format: 'fpsimd-scenario/1',
  title: 'SVE gallery machine: 2 SVE CPUs, an SVE vcpu thread, a user task and a kernel thread',
  description:
    'The configuration every SVE bug of the gallery is searched on (src/engine/gallery.ts). Open it in the explorer, or run `fpsimd-viz check FILE --variant ID --depth N` on it.',
  cpus: 2,
  sve: true,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0', vcpuSve: true }, { id: 'app' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'app' },
  events: [],
};

/**
 * The depth the SVE gallery's claims are made to (bugs found within it, v6.16 clean to it). The SVE
 * state space grows about 2.5 times per event with the reductions below (v6.16, before the eras' SVE
 * code: 0.13 million states at 8, 0.9 million at 10, 2.3 million at 11).
 */
export const SVE_GALLERY_DEPTH = 8;

/**
 * The SVE gallery's search options: dead-variable reduction and CPU renamings, both exact for the
 * violations and their shortest lengths (docs/explorer.md), since the SVE state space is larger.
 */
export const sveGalleryOptions = (bug: boolean) =>
  ({ depth: SVE_GALLERY_DEPTH, stopAtViolation: bug, dead: true, symmetry: 'cpus' }) as const;

/** The SVE gallery machine as `variant` can run it: with a plain vcpu on eras without guest SVE. */
export function sveGalleryMachine(variant: Variant): Scenario {
  if (variant.era.guestSve) return SVE_GALLERY_MACHINE;
  return {
    ...SVE_GALLERY_MACHINE,
    title: `${SVE_GALLERY_MACHINE.title} (vcpu without SVE: ${variant.era.id} has no guest SVE)`,
    tasks: SVE_GALLERY_MACHINE.tasks.map((t) => (t.vcpuSve ? { id: t.id, vcpu: t.vcpu } : t)),
  };
}

/** The historic variants of SVE bugs (HistoricFix.sve), oldest era first. */
export const sveGalleryVariants = (): Variant[] => VARIANTS.filter((v) => v.historic?.sve === true);

/** One gallery entry: a bug, the variant that has it, and the machine and depth it is searched on. */
export interface GalleryEntry {
  /** The variant searched: a historic variant, or (releaseBug) the era itself. */
  variant: Variant;
  fix: HistoricFix;
  /** A bug of the release itself (Era.releaseBugs): the variant is the era, `fix` names the fixing commit. */
  releaseBug: boolean;
  /** Searched on the SVE gallery machine. */
  sve: boolean;
  machine: Scenario;
  depth: number;
  /** The explorer options of its search (depth included; stops at the first violation). */
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

function entry(variant: Variant, fix: HistoricFix, releaseBug: boolean): GalleryEntry {
  const sve = fix.sve === true;
  return {
    variant,
    fix,
    releaseBug,
    sve,
    machine: sve ? sveGalleryMachine(variant) : GALLERY_MACHINE,
    depth: sve ? SVE_GALLERY_DEPTH : GALLERY_DEPTH,
    options: sve ? sveGalleryOptions(true) : galleryOptions(true),
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
 * The eras the SVE gallery claims clean on the SVE gallery machine to SVE_GALLERY_DEPTH: every era
 * without a bug of its own (Era.releaseBugs), each on the machine it can run.
 */
export const sveCleanEras = (): Variant[] =>
  ERAS.filter((e) => !e.releaseBugs?.length).map((e) => {
    const v = VARIANTS.find((x) => x.id === e.id);
    if (!v) throw new Error(`gallery: no variant for era ${e.id}`);
    return v;
  });

/**
 * What a bug entry's search found: `found`, a violation its fixed era does not report on the same
 * events (for a release's own bug: any violation, there being no fixed era to compare with);
 * `era-bug-only`, a violation the era as fixed reports too (the era's own bug, not this fix's: the
 * search stops at the shortest violation of any kind); `not-found`, nothing within the depth.
 */
export type EntryVerdict = 'found' | 'era-bug-only' | 'not-found';

export function entryVerdict(entry: GalleryEntry, found: Counterexample | undefined): EntryVerdict {
  if (!found) return 'not-found';
  if (entry.releaseBug) return 'found';
  const era = VARIANTS.find((v) => v.id === entry.variant.era.id);
  if (!era) throw new Error(`gallery: no variant for era ${entry.variant.era.id}`);
  const r = replay(createMachine(entry.machine, era), found.events);
  const last = found.events.length - 1;
  const same = r.violations.some(
    (v) => v.kind === found.kind && v.context === found.context && v.step === last,
  );
  return same ? 'era-bug-only' : 'found';
}
