// The SVE gallery (issue 20): the machines, depth and options SVE bugs are searched with, each SVE
// historic variant's own search (its fixed base and machine, fixedBase.ts) and the eras claimed clean.
// The gallery (gallery.ts), `fpsimd-viz gallery`, the bench and the tests all read it.
import { switchableFixes, withReleaseFixes } from './fixedBase';
import type { HistoricFix } from './history/types';
import { C398E, C49CE } from './history/fpsimd_v6';
import { D52D } from './history/kvm_sve';
import type { Scenario } from './types';
import { ERAS, VARIANTS, type Variant } from './variants';

/**
 * The SVE gallery machine: two CPUs with SVE; a VMM thread running an SVE vcpu (on CPU0), a user task
 * (on CPU1) and a kernel thread. Eras before guest SVE (v5.2: v4.17, v4.18) refuse an SVE vcpu: for
 * them the vcpu is a plain one (sveGalleryMachine()), which is what those kernels ran.
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
 * The SVE gallery machine without its vcpu (`qemu` a plain user task): no KVM op is legal on it. The
 * host-side SVE bugs of v6.13 are searched here, away from fbc7e61195e2, a bug of v6.13's own vcpu
 * load path that no fixed base can remove (its fix is a new load path, v6.15's).
 */
export const SVE_HOST_MACHINE: Scenario = {
  ...SVE_GALLERY_MACHINE,
  title: 'SVE host machine: the SVE gallery machine without its vcpu (qemu a plain user task)',
  description:
    'The SVE gallery machine minus its KVM ops (src/engine/sveGallery.ts): the host-side SVE bugs of v6.13 are searched on it.',
  tasks: [{ id: 'qemu' }, { id: 'app' }, { id: 'kworker', kthread: true }],
};

/**
 * The SVE one-CPU machine: one SVE CPU, `qemu` running the SVE vcpu and a user task `app` waiting. v4.18's
 * two 2018 KVM fixes are searched here (with a plain vcpu: v4.18 has no guest SVE): their bugs need 12
 * and 13 events, which the two-CPU machine cannot reach in a gallery run (1.9 and 8.0 million states
 * there; here 0.16 and 0.39 million, under a second each).
 */
export const SVE_UP_MACHINE: Scenario = {
  ...SVE_GALLERY_MACHINE,
  title: 'SVE one-CPU machine: 1 SVE CPU, an SVE vcpu thread and a user task',
  description:
    'A smaller SVE gallery machine (src/engine/sveGallery.ts): the bugs that need 12 or more events are searched on it.',
  cpus: 1,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0', vcpuSve: true }, { id: 'app' }],
  start: { '0': 'qemu' },
};

/**
 * The SVE one-CPU machine with a kernel thread instead of the user task: v6.13/pre-d52d165d67c5 is
 * searched here, by the differential search against v6.13 (exploreUnlike, explore/differential.ts).
 */
export const SVE_UP_KTHREAD_MACHINE: Scenario = {
  ...SVE_UP_MACHINE,
  title: 'SVE one-CPU kthread machine: 1 SVE CPU, an SVE vcpu thread and a kernel thread',
  tasks: [
    { id: 'qemu', vcpu: 'vcpu0', vcpuSve: true },
    { id: 'kworker', kthread: true },
  ],
};

/**
 * The depth the SVE gallery's claims are made to (bugs found within it unless their search says
 * otherwise, clean eras clean to it). The SVE state space grows about 2.5 times per event with the
 * reductions below (v6.16 with its release bugs fixed: 193,074 states at 8).
 */
export const SVE_GALLERY_DEPTH = 8;

/**
 * The SVE gallery's search options: dead-variable reduction and CPU renamings, both exact for the
 * violations and their shortest lengths (docs/explorer.md), since the SVE state space is larger.
 */
export const sveGalleryOptions = (bug: boolean, depth = SVE_GALLERY_DEPTH) =>
  ({ depth, stopAtViolation: bug, dead: true, symmetry: 'cpus' }) as const;

/** An SVE machine as `variant` can run it: with a plain vcpu on eras without guest SVE. */
export function sveMachineFor(machine: Scenario, variant: Variant): Scenario {
  if (variant.era.guestSve || !machine.tasks.some((t) => t.vcpuSve)) return machine;
  return {
    ...machine,
    title: `${machine.title} (vcpu without SVE: ${variant.era.id} has no guest SVE)`,
    tasks: machine.tasks.map((t) => (t.vcpuSve ? { id: t.id, vcpu: t.vcpu } : t)),
  };
}

/** The SVE gallery machine as `variant` can run it: with a plain vcpu on eras without guest SVE. */
export const sveGalleryMachine = (variant: Variant): Scenario => sveMachineFor(SVE_GALLERY_MACHINE, variant);

/** The historic variants of SVE bugs (HistoricFix.sve), oldest era first. */
export const sveGalleryVariants = (): Variant[] => VARIANTS.filter((v) => v.historic?.sve === true);

/**
 * How one SVE historic variant is searched so that what is found is its own bug: its era's release
 * bugs it is run with fixed (`fixes`, fixedBase.ts; the same era with the same fixes is its base, and
 * is clean on the same machine to the same depth), the machine and the depth.
 */
export interface SveSearch {
  fixes: readonly string[];
  /** The machine (before sveMachineFor): SVE_GALLERY_MACHINE, SVE_HOST_MACHINE or a one-CPU one. */
  machine: Scenario;
  /** The depth it is searched to (its stopping depth at most): stated with the entry. */
  depth: number;
  /**
   * Searched by the differential search against its base (exploreUnlike): the shortest sequences on
   * which the variant reports a violation the base does not, the base's own violations no stop.
   */
  unlike: boolean;
  /** Why this search, in one sentence (shown by the gallery). */
  why: string;
}

const DEFAULT_SEARCH: SveSearch = {
  fixes: [],
  machine: SVE_GALLERY_MACHINE,
  depth: SVE_GALLERY_DEPTH,
  unlike: false,
  why: '',
};

/**
 * The SVE historic variants whose search differs from the default, by the fix's commit (docs/explorer.md,
 * "The SVE gallery's verdicts"). Each depth covers the entry's example (its violating step).
 */
const SVE_SEARCHES: Readonly<Record<string, SveSearch>> = {
  '2955bcc8c309': {
    fixes: [],
    machine: SVE_UP_MACHINE,
    depth: 12,
    unlike: false,
    why: "the tracer must write qemu's SVE registers at a syscall stop before KVM_RUN: 12 events, one CPU is enough (v4.18 is clean there to 15)",
  },
  b3eb56b629d1: {
    fixes: [],
    machine: SVE_UP_MACHINE,
    depth: 15,
    unlike: false,
    why: 'an SVE task preempted by the vcpu thread must come back after a guest run without FP: 13 events, one CPU is enough (v4.18 is clean there to 15); 15 covers the example',
  },
  '751ecf6afd65': {
    fixes: [C398E, C49CE],
    machine: SVE_HOST_MACHINE,
    unlike: false,
    depth: 10,
    why: 'v6.13 as released loses H on the 7-event in-syscall save (398edaa12f9c, 49ce484187f7: fixed here) and on its vcpu load path at 9 (fbc7e61195e2: left out with the vcpu); the base is clean to 10',
  },
  '61da7c8e2a60': {
    fixes: [C49CE],
    machine: SVE_HOST_MACHINE,
    unlike: false,
    depth: 7,
    why: "the signal frame's bug needs the in-syscall FPSIMD-only save that 398edaa12f9c removed (kept here); 49ce484187f7 is fixed and the vcpu left out (fbc7e61195e2), so the base is clean to the depth",
  },
  b017a0cea627: {
    fixes: [C49CE],
    machine: SVE_HOST_MACHINE,
    unlike: false,
    depth: 9,
    why: "the regset read's bug needs the in-syscall FPSIMD-only save that 398edaa12f9c removed (kept here); 49ce484187f7 is fixed and the vcpu left out (fbc7e61195e2), so the base is clean to the depth",
  },
  [D52D]: {
    fixes: [],
    machine: SVE_UP_KTHREAD_MACHINE,
    depth: 13,
    unlike: true,
    why: "v6.13's own fbc7e61195e2 runs through the same vcpu load and put and shows first (7 to 9 events), and its fix removes the code this bug lives in, so no fixed base separates them; 13 covers the example",
  },
};

/** The search of an SVE historic fix's variant (the default: the SVE gallery machine, no fix). */
export const sveSearch = (fix: HistoricFix): SveSearch => SVE_SEARCHES[fix.commit] ?? DEFAULT_SEARCH;

/** `variant` with release fixes applied; throws on a fix its era cannot apply (a bug in this table). */
export function fixed(variant: Variant, fixes: readonly string[]): Variant {
  const v = withReleaseFixes(variant, fixes);
  if (typeof v === 'string') throw new Error(`sve gallery: ${v}`);
  return v;
}

const eraVariant = (id: string): Variant => {
  const v = VARIANTS.find((x) => x.id === id);
  if (!v) throw new Error(`gallery: no variant for era ${id}`);
  return v;
};

/**
 * The eras the SVE gallery claims clean on the SVE gallery machine to SVE_GALLERY_DEPTH, each on the
 * machine it can run: every era without a bug of its own, and every era whose own bugs all have a
 * fix the model can apply, with them fixed (v6.16: 128a7494a9f1, 5cbb61bf4168).
 */
export const sveCleanEras = (): Variant[] =>
  ERAS.filter((e) => switchableFixes(e).length === (e.releaseBugs?.length ?? 0)).map((e) =>
    fixed(eraVariant(e.id), switchableFixes(e)),
  );
