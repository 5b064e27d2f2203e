// SVE in v4.18 (machines with "sve": true): each op against hand derivations from v4.18's
// arch/arm64/kernel/fpsimd.c, entry.S (el0_svc), signal.c, ptrace.c, arch/arm64/kvm/fpsimd.c and
// hyp/switch.c (zzwd/linux-4.18-rt @ 752227f1359f; docs/kernel-notes.md, "SVE: v4.17 and v4.18").
import { describe, expect, it } from 'vitest';
import { fpsimd_save } from '../../../src/engine/kernel/fpsimd_v4_18';
import { v4_18 } from '../../../src/engine/eras/v4_18';
import { VL_MAX, VL_MIN, type MachineState } from '../../../src/engine/state';
import { kOn, machine, on, run } from '../helpers';
import { counters, loadExample, runUnder } from './helpers';
import { SVE_MACHINE } from './sveMachine';

const QEMU = 0;
const APP = 1;

const tsk = (s: MachineState, t: number) => s.tasks[t].sve!;
const cpu = (s: MachineState, c: number) => s.cpus[c].sve!;
const H = (s: MachineState) => s.ghost.sve!;

/** app, on CPU0: loaded, its first SVE instruction traps, the handler runs, it returns and uses SVE. */
const SVE_USE = on(0, 'ret_to_user', 'user_sve', 'do_sve_acc', 'ret_to_user', 'user_sve');

describe('v4.18: the SVE access trap (el0_sve_acc, do_sve_acc)', () => {
  it('traps while TIF_SVE is clear, converts to SVE, and the reload untraps EL0 SVE', () => {
    const m = machine('v4.18', SVE_MACHINE);
    // ret_to_user: fpsimd_load_state (hR 1); fpsimd_bind_task_to_cpu(): TIF_SVE clear -> EL0 trapped.
    const { s, violations } = run(m, on(0, 'ret_to_user', 'user_sve'));
    expect(cpu(s, 0).zen).toBe(false);
    expect(s.cpus[0].mode).toBe('kernel');
    expect(tsk(s, APP).trap).toBe(true);
    // do_sve_acc: fpsimd_save() with TIF_SVE clear stores V (hS 1); fpsimd_to_sve(); cpu = NR_CPUS,
    // TIF_FOREIGN_FPSTATE and TIF_SVE set.
    run(m, on(0, 'do_sve_acc'), s);
    expect(tsk(s, APP)).toMatchObject({ tif: true, trap: false });
    expect(s.tasks[APP]).toMatchObject({ cpuField: -1, foreign: true });
    expect(s.counters).toEqual(counters(1, 1, 0, 0, 0, 0));
    // ret_to_user: task_fpsimd_load() takes sve_load_state() (hR 2) at app's VL; the bind enables EL0 SVE.
    run(m, on(0, 'ret_to_user', 'user_sve'), s);
    expect(cpu(s, 0)).toMatchObject({ zen: true, vl: VL_MAX });
    expect(s.counters).toEqual(counters(1, 2, 0, 0, 0, 0));
    expect(H(s).regHOwner[0]).toBe(APP);
    expect(H(s).regHVer[0]).toBe(H(s).newestH[APP]);
    expect(H(s).hDead[APP]).toBe(0);
    expect(violations).toEqual([]);
  });

  it('warns when TIF_SVE is already set (do_sve_acc: "SVE access shouldn\'t have trapped")', () => {
    const m = machine('v4.18', SVE_MACHINE);
    const { s } = run(m, on(0, 'ret_to_user', 'user_sve'));
    s.tasks[APP].sve!.tif = true; // as if something had set TIF_SVE without untrapping EL0 SVE
    const { violations } = run(m, on(0, 'do_sve_acc'), s);
    expect(violations.map((v) => [v.kind, v.context])).toEqual([['kernel-warning', 'app']]);
  });
});

describe('v4.18: the syscall discard (el0_svc)', () => {
  it('clears TIF_SVE and traps EL0 SVE; the registers are left; H is dead', () => {
    const m = machine('v4.18', SVE_MACHINE);
    const { s, violations } = run(m, [...SVE_USE, ...on(0, 'syscall')]);
    expect(tsk(s, APP)).toMatchObject({ tif: false, inSyscall: true });
    expect(cpu(s, 0).zen).toBe(false);
    expect(H(s).regHOwner[0]).toBe(APP);
    expect(H(s).hDead[APP]).toBe(1);
    expect(violations).toEqual([]);
  });
});

describe('v4.18: fpsimd_save() with TIF_SVE', () => {
  it("a switch saves V and H into current's sve_state (sve_save_state)", () => {
    const m = machine('v4.18', SVE_MACHINE);
    // SVE_USE: hS 1, hR 2; the switch to kw (IRQs off) saves app's SVE state: hS 2, one IRQs-off save.
    const { s, violations } = run(m, [...SVE_USE, ...on(0, ['schedule', 'kw'])]);
    expect(s.counters).toEqual(counters(2, 2, 0, 0, 0, 1));
    const g = H(s);
    expect([g.zOwner[APP], g.zVer[APP]]).toEqual([APP, s.ghost.newest[APP]]);
    expect([g.hOwner[APP], g.hVer[APP]]).toEqual([APP, g.newestH[APP]]);
    // fpsimd_state (V) is older: TIF_SVE says the format is sve_state's.
    expect(s.ghost.memVer[APP]).toBeLessThan(s.ghost.newest[APP]);
    expect(violations).toEqual([]);
  });

  it("warns and does not save at a vector length other than current's (WARN_ON(sve_get_vl() != ...))", () => {
    const m = machine('v4.18', SVE_MACHINE);
    const { s } = run(m, SVE_USE);
    s.cpus[0].sve!.vl = VL_MIN;
    const k = kOn(m, s, 0, { irqsOff: true });
    fpsimd_save(k);
    expect(k.violations.map((v) => v.kind)).toEqual(['kernel-warning']);
    expect(s.counters.hostSaves).toBe(1); // only do_sve_acc's
  });
});

describe('v4.18: prctl(PR_SVE_SET_VL)', () => {
  it('saves, unbinds, makes app an FPSIMD task at the new length; the next SVE load sets ZCR', () => {
    const m = machine('v4.18', SVE_MACHINE);
    // syscall clears TIF_SVE; sve_set_vector_length(): fpsimd_save() stores V (hS 2), TIF_FOREIGN_FPSTATE,
    // cpu = NR_CPUS, vl = min. The return loads FPSIMD (hR 3) and leaves ZCR at max.
    const { s } = run(m, [...SVE_USE, ...on(0, 'syscall', 'prctl_set_vl')]);
    expect(tsk(s, APP)).toMatchObject({ tif: false, vl: VL_MIN });
    expect(s.tasks[APP]).toMatchObject({ cpuField: -1, foreign: true });
    expect(s.counters).toEqual(counters(2, 2, 0, 0, 0, 0));
    run(m, on(0, 'ret_to_user'), s);
    expect(cpu(s, 0)).toMatchObject({ vl: VL_MAX, zen: false });
    // The trap converts again (hS 3); the SVE load at min sets ZCR (hR 4); SVE code runs at app's VL.
    const { violations } = run(m, on(0, 'user_sve', 'do_sve_acc', 'ret_to_user', 'user_sve'), s);
    expect(cpu(s, 0)).toMatchObject({ vl: VL_MIN, zen: true });
    expect(s.counters).toEqual(counters(3, 4, 0, 0, 0, 0));
    expect(violations).toEqual([]);
  });
});

describe('v4.18: ptrace (NT_ARM_SVE, NT_PRFPREG) of an SVE task', () => {
  /** app uses SVE on CPU0 and is switched out for kw; gdb, on CPU1, is in ptrace(). */
  const STOPPED = [...SVE_USE, ...on(0, ['schedule', 'kw']), ...on(1, 'ret_to_user', 'syscall')];

  it('sve_get reads sve_state; sve_set writes it, sets TIF_SVE and unbinds; the tracee reloads it', () => {
    const m = machine('v4.18', SVE_MACHINE);
    const { s, violations } = run(m, [
      ...STOPPED,
      ...on(1, ['ptrace_getsve', 'app'], ['ptrace_setsve', 'app']),
    ]);
    expect(tsk(s, APP).tif).toBe(true);
    expect(s.tasks[APP].cpuField).toBe(-1);
    const g = H(s);
    expect([g.zOwner[APP], g.hOwner[APP], g.hVer[APP]]).toEqual([APP, APP, g.newestH[APP]]);
    run(m, on(0, ['schedule', 'app'], 'ret_to_user', 'user_sve'), s);
    expect(cpu(s, 0).zen).toBe(true);
    expect(violations).toEqual([]);
  });

  it('fpr_set brings fpsimd_state up to date from sve_state first and copies the new V back', () => {
    const m = machine('v4.18', SVE_MACHINE);
    const { s, violations } = run(m, [...STOPPED, ...on(1, ['ptrace_setfp', 'app'])]);
    // The written V is in fpsimd_state and in sve_state (sve_sync_from_fpsimd_zeropad()).
    expect([s.ghost.memOwner[APP], s.ghost.memVer[APP]]).toEqual([APP, s.ghost.newest[APP]]);
    expect([H(s).zOwner[APP], H(s).zVer[APP]]).toEqual([APP, s.ghost.newest[APP]]);
    run(m, on(0, ['schedule', 'app'], 'ret_to_user', 'user_sve'), s);
    expect(violations).toEqual([]);
  });

  it('sve_get of a task without TIF_SVE reads fpsimd_state (__fpr_get)', () => {
    const m = machine('v4.18', SVE_MACHINE);
    const events = [
      ...on(0, 'ret_to_user', 'user_fp', ['schedule', 'kw']),
      ...on(1, 'ret_to_user', 'syscall'),
    ];
    const { violations } = run(m, [...events, ...on(1, ['ptrace_getsve', 'app'])]);
    expect(violations).toEqual([]);
  });
});

describe('v4.18: signals and exec with SVE', () => {
  it('the frame reads fpsimd_state after sve_to_fpsimd() and sve_state for the SVE record', () => {
    const m = machine('v4.18', SVE_MACHINE);
    // Preempted in user space (kw), back on CPU0 with TIF_SVE: the registers are still app's.
    const back = [...SVE_USE, ...on(0, ['schedule', 'kw'], ['schedule', 'app'])];
    const { s, violations } = run(m, [...back, ...on(0, 'signal')]);
    expect(s.tasks[APP].frames).toBe(1);
    expect([s.ghost.memOwner[APP], s.ghost.memVer[APP]]).toEqual([APP, s.ghost.newest[APP]]);
    // rt_sigreturn with TIF_SVE: the record's registers are restored, TIF_SVE kept, EL0 SVE enabled.
    run(m, on(0, 'sigreturn', 'ret_to_user', 'user_sve'), s);
    expect(tsk(s, APP).tif).toBe(true);
    expect(cpu(s, 0).zen).toBe(true);
    expect(violations).toEqual([]);
  });

  it('exec clears TIF_SVE and resets the vector length', () => {
    const m = machine('v4.18', SVE_MACHINE);
    const { s, violations } = run(m, [...SVE_USE, ...on(0, 'syscall', 'prctl_set_vl', 'exec')]);
    expect(tsk(s, APP)).toMatchObject({ tif: false, vl: VL_MAX });
    expect(s.tasks[APP].foreign).toBe(true);
    expect(violations).toEqual([]);
  });
});

describe("v4.18's KVM flags on an SVE host (VHE)", () => {
  it('guests have no SVE before v5.2', () => {
    expect(v4_18.guestSve).not.toBe(true);
  });

  // history-2955bcc8c309: ret_to_user (hR 1), syscall, schedule gdb (hS 1, IRQs off), ret_to_user (hR 2),
  // syscall, ptrace_setsve qemu, schedule qemu (hS 2 of gdb, IRQs off), vcpu_load, guest_enter,
  // guest_fp (trap; FP_HOST clear: gR 1, IRQs off), guest_exit, vcpu_put.
  it('load_fp records TIF_SVE, ctxsync clears it, put_fp saves the guest with it clear, then restores it', () => {
    const sc = loadExample('history-2955bcc8c309');
    const m = machine('v4.18', sc);
    const { s } = run(m, sc.events.slice(0, 8));
    expect(s.vcpus[0].sve!.x).toEqual([1, 0]); // HOST_SVE_IN_USE; EL0 SVE was trapped at vcpu_load
    run(m, sc.events.slice(8, 11), s);
    expect(tsk(s, QEMU).tif).toBe(false);
    expect(cpu(s, 0).zen).toBe(false); // deactivate_traps_vhe(): CPACR_EL1_DEFAULT
    const { violations } = run(m, sc.events.slice(11), s);
    expect(tsk(s, QEMU).tif).toBe(true);
    // fpsimd_save_state(vcpu0's fp_regs): gS 1 with IRQs off (local_irq_save()).
    expect(s.counters).toEqual(counters(2, 2, 1, 1, 1, 4));
    const vcpu0 = 2; // qemu, gdb, then vcpu0
    expect([s.ghost.memOwner[vcpu0], s.ghost.memVer[vcpu0]]).toEqual([vcpu0, s.ghost.newest[vcpu0]]);
    expect(violations).toEqual([]);
  });

  it("before 2955bcc8c309 the guest is saved as qemu's SVE state: lost updates of qemu's V and H", () => {
    const r = runUnder(loadExample('history-2955bcc8c309'), 'v4.18/pre-2955bcc8c309');
    // The SVE save counts as a host save into qemu's sve_state; vcpu0's fp_regs get nothing.
    expect(r.counters).toEqual(counters(3, 2, 0, 1, 1, 4));
    expect(r.violations.map((v) => [v.step, v.kind, v.context])).toEqual([
      [11, 'lost-update', 'qemu'],
      [11, 'lost-update', 'qemu'],
    ]);
  });

  it('put_fp restores the EL0 SVE enable seen at load when the guest did not use FP (b3eb56b629d1)', () => {
    const sc = loadExample('history-b3eb56b629d1');
    const m = machine('v4.18', sc);
    // Event 8: qemu is switched in over app's live SVE state: load_fp records EL0 SVE enabled.
    const { s } = run(m, sc.events.slice(0, 9));
    expect(s.vcpus[0].sve!.x).toEqual([0, 1]);
    run(m, sc.events.slice(9, 11), s);
    expect(cpu(s, 0).zen).toBe(false);
    run(m, sc.events.slice(11, 12), s);
    expect(cpu(s, 0).zen).toBe(true);
    const { violations } = run(m, sc.events.slice(12, 14), s);
    expect(s.cpus[0].mode).toBe('user'); // app's SVE instruction did not trap
    expect(violations).toEqual([]);
  });

  it('before b3eb56b629d1 nothing restores it: app traps with TIF_SVE set and do_sve_acc warns', () => {
    const r = runUnder(loadExample('history-b3eb56b629d1'), 'v4.18/pre-b3eb56b629d1');
    expect(r.violations.map((v) => [v.step, v.kind, v.context])).toEqual([[14, 'kernel-warning', 'app']]);
  });

  it('on FPSIMD-only machines both historic variants run the examples as v4.18 does', () => {
    for (const id of ['guest-first-fp', 'vcpu-preempt-migrate', 'host-task-between-kvm-runs']) {
      const sc = loadExample(id);
      const base = runUnder(sc, 'v4.18');
      for (const v of ['v4.18/pre-2955bcc8c309', 'v4.18/pre-b3eb56b629d1']) {
        const r = runUnder(sc, v);
        expect(r.counters).toEqual(base.counters);
        expect(r.violations).toEqual(base.violations);
        expect(r.view).toEqual(base.view);
      }
    }
  });
});
