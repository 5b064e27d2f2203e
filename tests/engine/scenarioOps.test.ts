// The scenario format takes the nine section and lifecycle ops; ptrace_setfp names its tracee.
import { describe, expect, it } from 'vitest';
import { OPS, validateScenario } from '../../src/engine';
import { TASK_OPS } from '../../src/engine/types';

const base = {
  format: 'fpsimd-scenario/1',
  title: 't',
  cpus: 1,
  tasks: [{ id: 'gdb' }, { id: 'app' }],
  start: { '0': 'gdb' },
};

describe('scenario files with the new ops', () => {
  it('accept every op, with a task exactly where one is needed', () => {
    const events = OPS.map((op) => (TASK_OPS.includes(op) ? { cpu: 0, op, task: 'app' } : { cpu: 0, op }));
    expect(validateScenario({ ...base, sve: true, events }).ok).toBe(true);
  });

  it('refuse an SVE op, or an SVE vcpu, on a machine without SVE, saying where', () => {
    const res = validateScenario({
      ...base,
      tasks: [...base.tasks, { id: 'qemu', vcpu: 'vcpu0', vcpuSve: true }],
      events: [{ cpu: 0, op: 'user_sve' }],
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toEqual([
      {
        where: `tasks[${base.tasks.length}].vcpuSve`,
        message: 'an SVE vcpu needs a machine with SVE ("sve": true)',
      },
      {
        where: 'events[0].op',
        message: 'user_sve is an SVE op: the machine needs SVE ("sve": true at the top level)',
      },
    ]);
  });

  it('say where a tracee is missing, unknown, or given to an op that takes none', () => {
    const res = validateScenario({
      ...base,
      events: [
        { cpu: 0, op: 'ptrace_setfp' },
        { cpu: 0, op: 'ptrace_setfp', task: 'nobody' },
        { cpu: 0, op: 'exec', task: 'app' },
      ],
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toEqual([
      { where: 'events[0]', message: 'ptrace_setfp needs a "task"' },
      { where: 'events[1].task', message: 'no task "nobody"' },
      {
        where: 'events[2].task',
        message: 'only schedule, ptrace_setfp, ptrace_setsve and ptrace_getsve take a "task" (op is exec)',
      },
    ]);
  });
});
