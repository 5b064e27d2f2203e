// The SVE gallery (issue 20): the machines, depth and options SVE bugs are searched with, each SVE
// historic variant's own search (its fixed base and machine, fixedBase.ts) and the eras claimed clean.
// The gallery (gallery.ts), `fpsimd-viz gallery`, the bench and the tests all read it.
import { switchableFixes, withReleaseFixes } from './fixedBase';
import type { HistoricFix } from './history/types';
import { C398E, C49CE } from './history/fpsimd_v6';
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

/**
 * How one SVE historic variant is searched so that what is found is its own bug: its era's release
 * bugs it is run with fixed (`fixes`, fixedBase.ts; the same era with the same fixes is its base, and
 * is clean on the same machine to the same depth), the machine and the depth.
 */
export interface SveSearch {
  fixes: readonly string[];
  /** The host machine (SVE_HOST_MACHINE) instead of the SVE gallery machine. */
  host: boolean;
  depth: number;
  /** Why this search, in one sentence (shown by the gallery). */
  why: string;
}

const DEFAULT_SEARCH: SveSearch = { fixes: [], host: false, depth: SVE_GALLERY_DEPTH, why: '' };

/**
 * The SVE historic variants whose search differs from the default, by the fix's commit. Not here:
 * v6.13/pre-d52d165d67c5, whose lost update runs through the same vcpu load and put as v6.13's own
 * fbc7e61195e2 (found first, at 7 or 9 events, with or without fixes); v4.18's two, whose shortest
 * sequences (12 and 14 events) are beyond the SVE depth (docs/explorer.md, "The SVE gallery").
 */
const SVE_SEARCHES: Readonly<Record<string, SveSearch>> = {
  '751ecf6afd65': {
    fixes: [C398E, C49CE],
    host: true,
    depth: 10,
    why: 'v6.13 as released loses H on the 7-event in-syscall save (398edaa12f9c, 49ce484187f7: fixed here) and on its vcpu load path at 9 (fbc7e61195e2: left out with the vcpu); the base is clean to 10',
  },
  '61da7c8e2a60': {
    fixes: [C49CE],
    host: true,
    depth: 7,
    why: "the signal frame's bug needs the in-syscall FPSIMD-only save that 398edaa12f9c removed (kept here); 49ce484187f7 is fixed and the vcpu left out (fbc7e61195e2), so the base is clean to the depth",
  },
  b017a0cea627: {
    fixes: [C49CE],
    host: true,
    depth: 9,
    why: "the regset read's bug needs the in-syscall FPSIMD-only save that 398edaa12f9c removed (kept here); 49ce484187f7 is fixed and the vcpu left out (fbc7e61195e2), so the base is clean to the depth",
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
