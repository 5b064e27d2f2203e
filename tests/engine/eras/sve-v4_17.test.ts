// SVE in v4.17 (machines with "sve": true): each op against hand derivations from v4.17's
// arch/arm64/kernel/fpsimd.c, entry.S, arch/arm64/kvm/hyp/switch.c, virt/kvm/arm/arm.c and
// arch/arm64/include/asm/kvm_host.h (SaumyaSachdev/linux-4.17 @ bd206cf2eaf5; docs/kernel-notes.md,
// "SVE: v4.17 and v4.18"). v4.17 toggles the EL0 trap in task_fpsimd_load(), saves current's own state,
// records fpsimd_last_state.sve_in_use, and flushes SVE state from the CPU before each guest entry.
import { describe, expect, it } from 'vitest';
import { v4_17 } from '../../../src/engine/eras/v4_17';
import { task_fpsimd_save } from '../../../src/engine/kernel/fpsimd_v4_17';
import { VL_MAX, VL_MIN, type MachineState } from '../../../src/engine/state';
import type { Scenario } from '../../../src/engine';
import { kOn, machine, on, run } from '../helpers';
import { counters, loadExample } from './helpers';
import { SVE_MACHINE } from './sveMachine';

const APP = 1;
const tsk = (s: MachineState, t: number) => s.tasks[t].sve!;
const cpu = (s: MachineState, c: number) => s.cpus[c].sve!;
const SVE_USE = on(0, 'ret_to_user', 'user_sve', 'do_sve_acc', 'ret_to_user', 'user_sve');

describe('v4.17: the SVE access trap and the reload', () => {
  it('task_fpsimd_load() sets the EL0 trap from TIF_SVE; the bind records sve_in_use', () => {
    const m = machine('v4.17', SVE_MACHINE);
    const { s } = run(m, on(0, 'ret_to_user', 'user_sve'));
    expect(cpu(s, 0)).toMatchObject({ zen: false, x: [0] });
    // do_sve_acc: task_fpsimd_save() stores V (hS 1); then as in v4.18. The reload: sve_load_state (hR 2).
    const { violations } = run(m, on(0, 'do_sve_acc', 'ret_to_user', 'user_sve'), s);
    expect(tsk(s, APP).tif).toBe(true);
    expect(cpu(s, 0)).toMatchObject({ zen: true, vl: VL_MAX, x: [1] });
    expect(s.counters).toEqual(counters(1, 2, 0, 0, 0, 0));
    expect(violations).toEqual([]);
  });

  it('the syscall discards TIF_SVE and traps EL0 SVE', () => {
    const m = machine('v4.17', SVE_MACHINE);
    const { s } = run(m, [...SVE_USE, ...on(0, 'syscall')]);
    expect(tsk(s, APP).tif).toBe(false);
    expect(cpu(s, 0).zen).toBe(false);
  });

  it("task_fpsimd_save() saves SVE into current's sve_state, and warns at a foreign vector length", () => {
    const m = machine('v4.17', SVE_MACHINE);
    const { s } = run(m, SVE_USE);
    const k = kOn(m, s, 0, { irqsOff: true });
    task_fpsimd_save(k);
    expect(s.ghost.sve!.hOwner[APP]).toBe(APP);
    expect(s.counters.hostSaves).toBe(2);
    s.cpus[0].sve!.vl = VL_MIN;
    task_fpsimd_save(k);
    expect(k.violations.map((v) => v.kind)).toEqual(['kernel-warning']);
    expect(s.counters.hostSaves).toBe(2);
  });

  it('prctl(PR_SVE_SET_VL), ptrace, signals and exec run clean', () => {
    const m = machine('v4.17', SVE_MACHINE);
    const stopped = [...SVE_USE, ...on(0, ['schedule', 'kw']), ...on(1, 'ret_to_user', 'syscall')];
    const tracer = on(1, ['ptrace_getsve', 'app'], ['ptrace_setsve', 'app'], ['ptrace_setfp', 'app']);
    const back = on(
      0,
      ['schedule', 'app'],
      'ret_to_user',
      'user_sve',
      ['schedule', 'kw'],
      ['schedule', 'app'],
    );
    const life = on(0, 'signal', 'sigreturn', 'ret_to_user', 'user_sve', 'syscall', 'prctl_set_vl', 'exec');
    const { s, violations } = run(m, [...stopped, ...tracer, ...back, ...life]);
    expect(tsk(s, APP)).toMatchObject({ tif: false, vl: VL_MAX });
    expect(violations).toEqual([]);
  });
});

describe('v4.17: KVM on an SVE host (guests have no SVE)', () => {
  it('has no guest SVE', () => {
    expect(v4_17.guestSve).not.toBe(true);
  });

  // The events of history-b3eb56b629d1 up to app's SVE instruction: qemu in KVM_RUN preempts app,
  // whose SVE state stays bound to CPU0; the guest runs without FP.
  const sc = loadExample('history-b3eb56b629d1');
  const played = sc.events.slice(0, 14);

  it("sve_flush_cpu_state() before the entry forgets app's SVE registers; app reloads and untraps", () => {
    const m = machine('v4.17', sc);
    const { s } = run(m, played.slice(0, 9));
    expect(s.cpus[0].lastState).toBe(APP);
    expect(cpu(s, 0).x).toEqual([1]);
    run(m, played.slice(9, 10), s); // guest_enter: kvm_fpsimd_flush_cpu_state() -> NULL
    expect(s.cpus[0].lastState).toBe(-1);
    run(m, played.slice(10, 11), s); // guest_exit (VHE): CPACR_EL1_DEFAULT
    expect(cpu(s, 0).zen).toBe(false);
    // app comes back: its flag is set (the CPU forgot it), the reload sets EL0 SVE from TIF_SVE.
    const { violations } = run(m, played.slice(11), s);
    expect(cpu(s, 0).zen).toBe(true);
    expect(s.cpus[0].mode).toBe('user');
    expect(violations).toEqual([]);
  });

  it('nVHE hyp leaves CPACR_EL1 (the EL0 SVE enable) alone', () => {
    const nvhe: Scenario = { ...sc, vhe: false };
    const m = machine('v4.17', nvhe);
    const { s } = run(m, played.slice(0, 9));
    expect(cpu(s, 0).zen).toBe(true);
    const { violations } = run(m, played.slice(9, 11), s);
    expect(cpu(s, 0).zen).toBe(true);
    run(m, played.slice(11), s);
    expect(violations).toEqual([]);
  });
});
