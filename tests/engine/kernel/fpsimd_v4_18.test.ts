// Unit tests of the shared host-side functions (arch/arm64/kernel/fpsimd.c, v4.18 on).
import { describe, expect, it } from 'vitest';
import { initialMachineState } from '../../../src/engine';
import {
  fpsimd_bind_state_to_cpu,
  fpsimd_bind_task_to_cpu,
  fpsimd_flush_cpu_state,
  fpsimd_flush_task_state,
  fpsimd_restore_current_state,
  fpsimd_save,
  fpsimd_thread_switch,
  kernel_neon_begin,
  kernel_neon_end,
} from '../../../src/engine/kernel/fpsimd_v4_18';
import { NOTHING } from '../../../src/engine/state';
import { EDITOR, KWORKER, QEMU, VCPU0, kOn, machine, on, run } from '../helpers';

/** qemu on CPU0 in user space with its state loaded and then modified (newest only in registers). */
function qemuLive(variant = 'v4.18') {
  const m = machine(variant);
  const { s } = run(m, on(0, 'ret_to_user', 'user_fp'));
  return { m, s };
}

describe('fpsimd_save', () => {
  it('saves the registers into the storage fpsimd_last_state points at when TIF_FOREIGN_FPSTATE is clear', () => {
    const { m, s } = qemuLive();
    const k = kOn(m, s, 0, { irqsOff: true });
    fpsimd_save(k);
    expect(s.ghost.memOwner[QEMU]).toBe(QEMU);
    expect(s.ghost.memVer[QEMU]).toBe(s.ghost.newest[QEMU]);
    expect(s.counters.hostSaves).toBe(1);
    expect(s.counters.irqsOffSaveRestores).toBe(1);
    expect(k.violations).toEqual([]);
  });

  it('saves into a vcpu when fpsimd_last_state points at the vcpu (the patch generalised it)', () => {
    const { m, s } = qemuLive();
    s.cpus[0].lastState = VCPU0;
    fpsimd_save(kOn(m, s, 0, { irqsOff: true }));
    expect(s.counters.guestSaves).toBe(1);
    expect(s.ghost.memOwner[VCPU0]).toBe(QEMU);
  });

  it('saves nothing when TIF_FOREIGN_FPSTATE is set', () => {
    const { m, s } = qemuLive();
    s.tasks[QEMU].foreign = true;
    fpsimd_save(kOn(m, s, 0, { irqsOff: true }));
    expect(s.counters.hostSaves).toBe(0);
  });

  it('warns when called with IRQs on outside softirq, and not in softirq', () => {
    const { m, s } = qemuLive();
    const k = kOn(m, s, 0, { irqsOff: false });
    fpsimd_save(k);
    expect(k.violations.map((v) => v.kind)).toEqual(['kernel-warning']);
    const k2 = kOn(m, s, 0, { irqsOff: false, bh: 1 });
    fpsimd_save(k2);
    expect(k2.violations).toEqual([]);
  });
});

describe('fpsimd_bind_task_to_cpu / fpsimd_bind_state_to_cpu', () => {
  it('bind_task points fpsimd_last_state at current and sets its cpu field', () => {
    const m = machine();
    const s = initialMachineState(m);
    fpsimd_bind_task_to_cpu(kOn(m, s, 1));
    expect(s.cpus[1].lastState).toBe(EDITOR);
    expect(s.tasks[EDITOR].cpuField).toBe(1);
  });

  it('bind_state points fpsimd_last_state at a vcpu and moves no cpu field; it warns with IRQs on', () => {
    const m = machine();
    const s = initialMachineState(m);
    const k = kOn(m, s, 0, { irqsOff: true });
    fpsimd_bind_state_to_cpu(k, VCPU0);
    expect(s.cpus[0].lastState).toBe(VCPU0);
    expect(s.tasks[QEMU].cpuField).toBe(-1);
    expect(k.violations).toEqual([]);
    const k2 = kOn(m, s, 0, { irqsOff: false });
    fpsimd_bind_state_to_cpu(k2, VCPU0);
    expect(k2.violations[0].kind).toBe('kernel-warning');
  });
});

describe('fpsimd_flush_cpu_state / fpsimd_flush_task_state', () => {
  it('flush_cpu_state sets fpsimd_last_state to NULL and sets TIF_FOREIGN_FPSTATE of current', () => {
    const { m, s } = qemuLive();
    fpsimd_flush_cpu_state(kOn(m, s, 0));
    expect(s.cpus[0].lastState).toBe(-1);
    expect(s.tasks[QEMU].foreign).toBe(true);
  });

  it('the no-flush-sets-foreign ablation leaves the flag alone', () => {
    const { m, s } = qemuLive('v4.18/no-flush-sets-foreign');
    fpsimd_flush_cpu_state(kOn(m, s, 0));
    expect(s.cpus[0].lastState).toBe(-1);
    expect(s.tasks[QEMU].foreign).toBe(false);
  });

  it('flush_task_state invalidates the cpu field', () => {
    const { m, s } = qemuLive();
    fpsimd_flush_task_state(kOn(m, s, 0), QEMU);
    expect(s.tasks[QEMU].cpuField).toBe(-1);
  });
});

describe('fpsimd_thread_switch', () => {
  it('saves the outgoing live state and marks next foreign unless its state is bound here', () => {
    const { m, s } = qemuLive();
    const k = kOn(m, s, 0, { irqsOff: true });
    fpsimd_thread_switch(k, KWORKER);
    expect(s.counters.hostSaves).toBe(1);
    expect(s.tasks[KWORKER].foreign).toBe(true);
    // Coming back to the same CPU with nothing else loaded: qemu's registers are still valid.
    fpsimd_thread_switch(k, QEMU);
    expect(s.tasks[QEMU].foreign).toBe(false);
  });

  it('marks next foreign when its state was last loaded on another CPU (migration)', () => {
    const { m, s } = qemuLive();
    s.cpus[1].lastState = QEMU; // stale binding on CPU1 from an earlier run there
    fpsimd_thread_switch(kOn(m, s, 1, { irqsOff: true }), QEMU);
    expect(s.tasks[QEMU].foreign).toBe(true);
    const a = qemuLive('v4.18/no-thread-switch-cpu-check');
    a.s.cpus[1].lastState = QEMU;
    fpsimd_thread_switch(kOn(a.m, a.s, 1, { irqsOff: true }), QEMU);
    expect(a.s.tasks[QEMU].foreign).toBe(false);
  });
});

describe('fpsimd_restore_current_state', () => {
  it('loads and binds current when TIF_FOREIGN_FPSTATE is set, then clears it', () => {
    const m = machine();
    const s = initialMachineState(m);
    const k = kOn(m, s, 1);
    fpsimd_restore_current_state(k);
    expect(s.ghost.regOwner[1]).toBe(EDITOR);
    expect(s.cpus[1].lastState).toBe(EDITOR);
    expect(s.tasks[EDITOR]).toMatchObject({ cpuField: 1, foreign: false });
    expect(s.counters.hostRestores).toBe(1);
    expect(s.counters.irqsOffSaveRestores).toBe(0);
    fpsimd_restore_current_state(k);
    expect(s.counters.hostRestores).toBe(1);
  });
});

describe('kernel_neon_begin / kernel_neon_end', () => {
  it('saves live state, flushes, and marks the CPU busy until end', () => {
    const { m, s } = qemuLive();
    const k = kOn(m, s, 0);
    kernel_neon_begin(k);
    expect(s.counters.hostSaves).toBe(1);
    expect(s.cpus[0].lastState).toBe(-1);
    expect(s.tasks[QEMU].foreign).toBe(true);
    expect(s.cpus[0].neonBusy).toBe(true);
    expect(k.violations).toEqual([]);
    kernel_neon_end(k);
    expect(s.cpus[0].neonBusy).toBe(false);
  });

  it('without the save (no-neon-save) the live state is not written back', () => {
    const { m, s } = qemuLive('v4.18/no-neon-save');
    kernel_neon_begin(kOn(m, s, 0));
    expect(s.counters.hostSaves).toBe(0);
    expect(s.ghost.regOwner[0]).toBe(QEMU);
    expect(s.ghost.memVer[QEMU]).not.toBe(s.ghost.newest[QEMU]);
    expect(NOTHING).toBe(-1);
  });
});
