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
