// The machines the explorer benchmarks search (one definition for every group).
import type { Scenario } from '../src/engine/index.ts';

export type Machine = Pick<Scenario, 'cpus' | 'tasks' | 'start'>;

/** 2 CPUs; one vcpu thread, one ordinary user task, one kernel thread (the issues' reference). */
export const REFERENCE: Machine = {
  cpus: 2,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'editor' },
};

/** 3 CPUs; two vcpu threads, a user task, a kernel thread; the first vcpu thread on CPU 0, the task on 1. */
export const C3: Machine = {
  cpus: 3,
  tasks: [
    { id: 'qemu', vcpu: 'vcpu0' },
    { id: 'qemu2', vcpu: 'vcpu1' },
    { id: 'editor' },
    { id: 'kworker', kthread: true },
  ],
  start: { '0': 'qemu', '1': 'editor' },
};

/** 4 CPUs; two vcpu threads, two user tasks, a kernel thread; same start. */
export const C4: Machine = {
  ...C3,
  cpus: 4,
  tasks: [
    { id: 'qemu', vcpu: 'vcpu0' },
    { id: 'qemu2', vcpu: 'vcpu1' },
    { id: 'editor' },
    { id: 'editor2' },
    { id: 'kworker', kthread: true },
  ],
};

/** The reference plus a second vcpu thread (C3 on 2 CPUs): searches long enough to time. */
export const THROUGHPUT: Machine = { ...C3, cpus: 2 };

/**
 * The largest machine a scenario may describe: 8 CPUs, 32 tasks (8 vcpu threads, 20 user tasks, 4
 * kernel threads); vcpu threads on CPUs 0-3, user tasks on 4-7. The memory figures' machine.
 */
export const BIG: Machine = {
  cpus: 8,
  tasks: [
    ...Array.from({ length: 8 }, (_, i) => ({ id: `qemu${i}`, vcpu: `vcpu${i}` })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `app${i}` })),
    ...Array.from({ length: 4 }, (_, i) => ({ id: `kworker${i}`, kthread: true })),
  ],
  start: Object.fromEntries(Array.from({ length: 8 }, (_, c) => [String(c), c < 4 ? `qemu${c}` : `app${c}`])),
};
