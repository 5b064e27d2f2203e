// The SVE machine of the v4.17 and v4.18 SVE tests.
import type { Scenario } from '../../../src/engine';

/** qemu runs vcpu0; app is an SVE user; gdb a tracer; kw a kernel thread. app on CPU0, gdb on CPU1. */
export const SVE_MACHINE: Pick<Scenario, 'cpus' | 'tasks' | 'start' | 'sve'> = {
  cpus: 2,
  sve: true,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'app' }, { id: 'gdb' }, { id: 'kw', kthread: true }],
  start: { '0': 'app', '1': 'gdb' },
};
