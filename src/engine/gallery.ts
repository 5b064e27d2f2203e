// The bug gallery: every historic variant (a real kernel fix undone, see history.ts), searched by the
// explorer on one stated machine to one stated depth. The gallery view, `fpsimd-viz gallery`, the
// bench and the tests all read this module, so the configuration a claim is made for is stated once.
import type { Scenario } from './types';
import { VARIANTS, type Variant } from './variants';

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

/** The gallery's entries, in the engine's variant order (oldest era first). */
export const galleryVariants = (): Variant[] =>
  // SVE bugs (HistoricFix.sve) need an SVE machine: they are searched on the SVE gallery machine.
  VARIANTS.filter((v) => v.historic !== null && !v.historic.sve);
