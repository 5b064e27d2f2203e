// The palette's SVE ops: offered on SVE machines only, each with the engine's reason when not legal;
// the ptrace ones with a choice of tracee; the event editor's op list follows the same rule.
import { describe, expect, it } from 'vitest';
import {
  createMachine,
  findVariant,
  OPS,
  replay,
  stateAt,
  SVE_OPS,
  type Scenario,
} from '../../../src/engine';
import { machineOps, paletteModel } from '../../../src/state/viewmodels/paletteModel';
import { guestScenario } from '../fixtures';

const sve: Scenario = {
  format: 'fpsimd-scenario/1',
  title: 'SVE',
  variant: 'v6.13',
  sve: true,
  cpus: 1,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0', vcpuSve: true }, { id: 'gdb' }],
  start: { '0': 'gdb' },
  events: [
    { cpu: 0, op: 'ret_to_user' },
    { cpu: 0, op: 'syscall' },
  ],
};

const palette = (sc: Scenario, at: number) => {
  const r = replay(createMachine(sc, findVariant(sc.variant ?? 'v4.18')!), sc.events);
  return paletteModel(r, stateAt(r, at), 0);
};

describe('SVE ops in the palette', () => {
  it('offers no SVE op on an FPSIMD-only machine, the same ops as before in the same order', () => {
    const ops = palette(guestScenario(), 0).map((p) => p.op);
    expect(ops).toEqual(OPS.filter((op) => !SVE_OPS.includes(op)));
    expect(machineOps(false)).toEqual(ops);
  });

  it('offers the six SVE ops on an SVE machine, with the engine’s reason when not legal', () => {
    const items = palette(sve, 0);
    expect(items.map((p) => p.op)).toEqual([...OPS]);
    const why = (op: string) => items.find((p) => p.op === op)!.reason;
    // gdb is in the kernel at step 0: user SVE needs user space, ptrace needs a syscall.
    expect(why('user_sve')).toMatch(/not running a task in user space/);
    expect(why('do_sve_acc')).toMatch(/no trapped SVE access pending/);
    expect(why('prctl_set_vl')).toMatch(/not in a syscall/);
    expect(why('ptrace_setsve')).toMatch(/not in a syscall/);
    expect(why('ptrace_getsve')).toMatch(/not in a syscall/);
    expect(why('guest_zcr')).toMatch(/not in a guest/);
  });

  it('makes them legal where the engine says so; the ptrace ones pick a tracee', () => {
    const items = palette(sve, 2); // gdb inside a syscall
    const item = (op: string) => items.find((p) => p.op === op)!;
    expect(item('prctl_set_vl').reason).toBeNull();
    const set = item('ptrace_setsve');
    expect(set.reason).toBeNull();
    expect(set.choices.map((c) => c.event.task)).toEqual(['qemu', 'gdb']);
    expect(set.choices.find((c) => c.event.task === 'qemu')?.reason).toBeNull();
    expect(set.choices.find((c) => c.event.task === 'gdb')?.reason).not.toBeNull();
    expect(item('ptrace_getsve').choices.map((c) => c.event)).toContainEqual({
      cpu: 0,
      op: 'ptrace_getsve',
      task: 'qemu',
    });
    const user = palette(sve, 1); // gdb in user space, EL0 SVE trapped: user_sve is legal (it traps)
    expect(user.find((p) => p.op === 'user_sve')!.reason).toBeNull();
  });
});
