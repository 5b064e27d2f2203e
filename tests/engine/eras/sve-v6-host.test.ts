// The host side of v6.13, v6.15 and v6.16 on an SVE machine (src/engine/kernel/fpsimd_v6.ts,
// fpsimd_v6_ptrace.ts), each expectation derived by hand from the kernel lines it names (v6.14's
// arch/arm64/kernel/{fpsimd,signal,ptrace,entry-common}.c for v6.13 and v6.15, v6.18.2's for v6.16;
// docs/kernel-notes.md, "SVE: v6.13 to v6.16, host"). Counters are c(hS, hR, gS, gR, traps, irqsOff).
import { describe, expect, it } from 'vitest';
import {
  allRecords,
  createMachine,
  findVariant,
  initialMachineState,
  stepInPlace,
  type MachineState,
  type ScenarioEvent,
  type StepRecord,
  type Violation,
} from '../../../src/engine';
import type { K } from '../../../src/engine/kctx';
import { fpsimd_restore_current_state } from '../../../src/engine/kernel/fpsimd_v6';
import { FP_STATE_FPSIMD, FP_STATE_SVE, VL_MAX, VL_MIN } from '../../../src/engine/state';
import { counters as c, loadExample, runUnder } from './helpers';
import { find, names } from './records';

const V6 = ['v6.13', 'v6.15', 'v6.16'] as const;
const ONE = {
  sve: true,
  cpus: 1,
  tasks: [{ id: 'app' }, { id: 'gdb' }, { id: 'kw', kthread: true }],
  start: { '0': 'app' },
};
const APP = 0;
const ev = (...ops: (ScenarioEvent['op'] | [ScenarioEvent['op'], string])[]): ScenarioEvent[] =>
  ops.map((o) => (Array.isArray(o) ? { cpu: 0, op: o[0], task: o[1] } : { cpu: 0, op: o }));

function run(variant: string, events: ScenarioEvent[]): { r: StepRecord[]; s: MachineState } {
  const out = allRecords(createMachine(ONE, findVariant(variant)!), events);
  expect(out.illegal).toBeNull();
  return { r: out.records, s: out.state };
}
const stmts = (r: StepRecord, fn: string): string[] => find(r.calls, fn)?.stmts ?? [];
const kinds = (r: StepRecord[]): string[] =>
  r.flatMap((x) => x.violations.map((v) => `${x.index}:${v.kind}`));

// app's first SVE use: 0 ret_to_user loads FPSIMD (hR) and binds with TIF_SVE clear (EL0 SVE trapped);
// 1 user_sve traps; 2 do_sve_acc: TIF_SVE set, state live: sve_flush_live(), bind (EL0 SVE on);
// 3 ret_to_user: TIF_FOREIGN_FPSTATE clear, nothing; 4 user_sve runs.
const FIRST_SVE = ev('ret_to_user', 'user_sve', 'do_sve_acc', 'ret_to_user', 'user_sve');

describe.each(V6)('%s: SVE host functions', (era) => {
  it('the first SVE use traps once; do_sve_acc converts the live registers (cccb78ce89c4)', () => {
    const { r, s } = run(era, FIRST_SVE);
    expect(kinds(r)).toEqual([]);
    expect(stmts(r[0], 'task_fpsimd_load')).toEqual(['load-fpsimd-clear-tif-sve']);
    expect(stmts(r[0], 'fpsimd_bind_task_to_cpu')).toEqual(['sve-user-disable']);
    expect(names(r[1])).toEqual(['el0_sve_acc']);
    expect(stmts(r[2], 'sve_init_regs')).toEqual(['convert-live']);
    expect(names(r[2])).toContain('sve_flush_live');
    expect(stmts(r[2], 'fpsimd_bind_task_to_cpu')).toEqual(['sve-user-enable']);
    expect(names(r[3])).toEqual([]);
    expect(names(r[4])).toEqual([]);
    expect(s.tasks[APP].sve).toMatchObject({ tif: true, fpType: FP_STATE_FPSIMD, trap: false });
    expect(s.cpus[0].sve).toMatchObject({ zen: true, vl: VL_MAX });
    expect(s.counters).toEqual(c(0, 1, 0, 0, 0, 0));
  });

  it('a save inside a syscall stores only V; outside it, V and H; the reload is SVE', () => {
    // 5 syscall: fp_user_discard() (v6.16: fpsimd_syscall_enter(), to_save = FPSIMD) flushes the live H;
    // 6 schedule kw: v6.13/v6.15 TIF_SVE && in_syscall(), v6.16 to_save == FPSIMD: FPSIMD save (hS, IRQs
    // off), fp_type FPSIMD; 7 schedule app: binding intact, flag cleared; 8 ret_to_user: nothing loaded
    // (v6.16: fpsimd_syscall_exit(), to_save = CURRENT); 9 user_sve: new V and H in the registers;
    // 10 schedule kw: not in a syscall, TIF_SVE: sve_save_state() (hS, IRQs off), fp_type SVE;
    // 11 kernel_neon on kw: nothing to save, the registers clobbered and unbound; 12 schedule app:
    // TIF_FOREIGN_FPSTATE set; 13 ret_to_user: fp_type SVE: sve_load_state() (hR), VL set;
    // 14 user_sve reads its newest H: clean. c(2, 2, 0, 0, 0, 2).
    const events = [
      ...FIRST_SVE,
      ...ev('syscall', ['schedule', 'kw'], ['schedule', 'app'], 'ret_to_user', 'user_sve'),
      ...ev(['schedule', 'kw'], 'kernel_neon', ['schedule', 'app'], 'ret_to_user', 'user_sve'),
    ];
    const { r, s } = run(era, events);
    expect(kinds(r)).toEqual([]);
    expect(names(r[5])).toEqual(
      era === 'v6.16'
        ? ['el0_svc', 'fpsimd_syscall_enter', 'sve_flush_live']
        : ['el0_svc', 'fp_user_discard', 'sve_flush_live'],
    );
    expect(stmts(r[6], 'fpsimd_save_user_state')).toEqual(
      era === 'v6.16' ? ['save', 'save-fpsimd'] : ['save', 'save-in-syscall'],
    );
    expect(names(r[8])).toEqual(era === 'v6.16' ? ['el0_svc', 'fpsimd_syscall_exit'] : []);
    expect(stmts(r[10], 'fpsimd_save_user_state')).toEqual(['save', 'save-sve']);
    expect(names(r[10])).toContain('sve_save_state');
    expect(stmts(r[13], 'task_fpsimd_load')).toEqual(['load-sve']);
    expect(names(r[13])).toContain('sve_load_state');
    expect(s.tasks[APP].sve).toMatchObject({ tif: true, fpType: FP_STATE_SVE });
    expect(s.counters).toEqual(c(2, 2, 0, 0, 0, 2));
  });

  it('exec clears TIF_SVE, resets the vector length and fp_type', () => {
    const { r, s } = run(era, [...FIRST_SVE, ...ev('syscall', 'prctl_set_vl', 'exec')]);
    expect(stmts(r[7], 'fpsimd_flush_thread')).toEqual(['zero', 'sve-reset']);
    expect(s.tasks[APP].sve).toMatchObject({ tif: false, fpType: FP_STATE_FPSIMD, vl: VL_MAX });
  });

  it('prctl(PR_SVE_SET_VL) switches the VL; the next SVE use runs at it', () => {
    // After the change TIF_SVE is clear (v6.13/v6.15: vec_set_vector_length(); v6.16: the FPSIMD load
    // clears it): the next user_sve traps and do_sve_acc() sets the CPU's VL to min.
    const events = [...FIRST_SVE, ...ev('syscall', 'prctl_set_vl', 'ret_to_user', 'user_sve', 'do_sve_acc')];
    const { r, s } = run(era, [...events, ...ev('ret_to_user', 'user_sve')]);
    expect(names(r[6])).toContain(era === 'v6.16' ? 'change_live_vector_length' : 'vec_set_vector_length');
    expect(s.tasks[APP].sve?.vl).toBe(VL_MIN);
    expect(s.cpus[0].sve?.vl).toBe(VL_MIN);
  });

  it('signal delivery forgets the syscall; sigreturn restores an FPSIMD frame', () => {
    // 5 syscall; 6 signal: do_signal()'s forget_syscall() comes first, so v6.13/v6.15's save (TIF_SVE,
    // not in a syscall) stores V and H, fp_type SVE, and the frame gets the SVE record from sve_state;
    // v6.16 saves by to_save (FPSIMD since the syscall entry) and flushes: no SVE record.
    // 7 ret_to_user; 8 user_fp; 9 syscall; 10 sigreturn: the FPSIMD record: TIF_SVE clear, fp_type
    // FPSIMD; 11 ret_to_user; 12 user_fp reads the frame's state.
    const tail = ev(
      'syscall',
      'signal',
      'ret_to_user',
      'user_fp',
      'syscall',
      'sigreturn',
      'ret_to_user',
      'user_fp',
    );
    const { r, s } = run(era, [...FIRST_SVE, ...tail]);
    expect(kinds(r)).toEqual([]);
    expect(stmts(r[6], 'fpsimd_save_user_state')).toEqual(
      era === 'v6.16' ? ['save', 'save-fpsimd'] : ['save', 'save-sve'],
    );
    expect(stmts(r[6], 'preserve_sve_context')).toEqual(era === 'v6.16' ? [] : ['write-frame-sve']);
    expect(s.tasks[APP].sve).toMatchObject({ tif: false, fpType: FP_STATE_FPSIMD, inSyscall: false });
  });

  it('a debugger writes and reads the SVE registers of a stopped task, each from the right copy', () => {
    // gdb: 0 ret_to_user, 1 syscall; 2 ptrace_setsve app: new V and H in sve_state, fp_type SVE,
    // app unbound; 3 ptrace_getsve: fp_type SVE: the SVE layout from sve_state (newest): clean.
    const start = { ...ONE, start: { '0': 'gdb' } };
    const out = allRecords(
      createMachine(start, findVariant(era)!),
      ev('ret_to_user', 'syscall', ['ptrace_setsve', 'app'], ['ptrace_getsve', 'app']),
    );
    expect(out.illegal).toBeNull();
    expect(stmts(out.records[3], 'sve_get_common')).toEqual(['getsve-sve']);
    expect(out.state.tasks[APP].sve).toMatchObject({ fpType: FP_STATE_SVE, tif: era !== 'v6.16' });
    expect(out.records.flatMap((x) => x.violations)).toEqual([]);
  });
});

describe('historic variants of v6.13 on their examples', () => {
  it('v6.13/pre-751ecf6afd65: the memory conversion leaves app bound to CPU0 (sve_init_regs())', () => {
    const s0 = loadExample('history-751ecf6afd65-sve');
    const broken = allRecords(createMachine(s0, findVariant('v6.13/pre-751ecf6afd65')!), s0.events);
    expect(stmts(broken.records[4], 'sve_init_regs')).toEqual(['convert-memory']);
    expect(broken.records[6].changes.find((x) => x.path === 'app.TIF_FOREIGN_FPSTATE')?.after).toBe('clear');
    const fixed = allRecords(createMachine(s0, findVariant('v6.13')!), s0.events.slice(0, 9));
    expect(stmts(fixed.records[4], 'sve_init_regs')).toEqual(['convert-memory', 'flush-task-trap']);
    expect(stmts(fixed.records[7], 'task_fpsimd_load')).toEqual(['load-sve']);
    // The FPSIMD analogue keeps the SVE trap fixed, and this variant keeps fpr_set()'s flush.
    const analogue = allRecords(
      createMachine(s0, findVariant('v6.15/pre-751ecf6afd65')!),
      s0.events.slice(0, 9),
    );
    expect(stmts(analogue.records[4], 'sve_init_regs')).toEqual(['convert-memory', 'flush-task-trap']);
    expect(runUnder(loadExample('history-751ecf6afd65'), 'v6.13/pre-751ecf6afd65').violations).toEqual([]);
  });
});

describe('bugs of the releases themselves (Era.releaseBugs)', () => {
  const broken = (id: string, variant: string): Violation[] => runUnder(loadExample(id), variant).violations;

  it('49ce484187f7: v6.13 and v6.15 resurrect old V registers in prctl(PR_SVE_SET_VL); v6.16 does not', () => {
    // vec_set_vector_length(): fpsimd_save_user_state() inside the syscall stores V only; TIF_SVE makes
    // it run sve_to_fpsimd() (v6.14 fpsimd.c); the return to user loads sve_state's old V over the
    // registers' only newest copy. v6.16: fpsimd_sync_from_effective_state() tests fp_type (FPSIMD).
    for (const era of ['v6.13', 'v6.15'])
      expect(broken('history-49ce484187f7', era)).toMatchObject([
        { kind: 'lost-update', context: 'app', step: 7 },
      ]);
    expect(broken('history-49ce484187f7', 'v6.16')).toEqual([]);
  });

  it('398edaa12f9c: a state reloaded inside the syscall is saved V-only by v6.13/v6.15, in full by v6.16', () => {
    // The model's ret_to_user is one step; the window is do_notify_resume()'s loop, where
    // fpsimd_restore_current_state() may be followed by schedule() on TIF_NEED_RESCHED. Drive it by hand:
    // app stops in a syscall (0-1), gdb (2-4) writes app's SVE registers, app resumes (5) and its exit
    // path reloads them (fpsimd_restore_current_state(), called here), then it is rescheduled (6):
    // v6.15 saves V only (in_syscall()), v6.16 in full (to_save CURRENT after the reload). gdb returns to
    // user (7), app is switched in (8) and returns: v6.15 loads V only and clears TIF_SVE, its retried
    // SVE use traps (9) and do_sve_acc()'s sve_alloc() zeroes the only copy of the written H (10).
    const events = ev('ret_to_user', 'syscall', ['schedule', 'gdb'], 'ret_to_user', 'syscall');
    const rest = ev(['ptrace_setsve', 'app'], ['schedule', 'app']);
    const after = ev(
      ['schedule', 'gdb'],
      'ret_to_user',
      ['schedule', 'app'],
      'ret_to_user',
      'user_sve',
      'do_sve_acc',
    );
    for (const era of ['v6.15', 'v6.16']) {
      const m = createMachine(ONE, findVariant(era)!);
      const s = initialMachineState(m);
      const out: Violation[] = [];
      [...events, ...rest].forEach((e, i) => expect(stepInPlace(m, s, e, i, out)).toBeNull());
      const k: K = {
        cfg: m.cfg,
        s,
        era: m.variant.era,
        cpu: 0,
        ablation: null,
        step: 7,
        bh: 0,
        rec: null,
        violations: out,
      };
      fpsimd_restore_current_state(k);
      expect(s.tasks[APP].sve).toMatchObject({ tif: true, fpType: FP_STATE_SVE, inSyscall: true });
      const tail = era === 'v6.15' ? after : after.slice(0, 5);
      tail.forEach((e, i) => expect(stepInPlace(m, s, e, 7 + i, out)).toBeNull());
      if (era === 'v6.15') {
        expect(out).toMatchObject([{ kind: 'lost-update', context: 'app', step: 12 }]);
        expect(out[0].message).toMatch(/upper bits are gone/);
      } else {
        // v6.16's own NT_ARM_SVE write left TIF_SVE clear (128a7494a9f1): the reload warns, no data lost.
        expect(out).toMatchObject([{ kind: 'kernel-warning', context: 'app', step: 7 }]);
        expect(s.tasks[APP].sve).toMatchObject({ tif: true, fpType: FP_STATE_SVE });
      }
    }
  });

  it('128a7494a9f1: v6.16 leaves TIF_SVE clear on an NT_ARM_SVE write; the load warns', () => {
    expect(broken('history-128a7494a9f1', 'v6.16')).toMatchObject([
      { kind: 'kernel-warning', context: 'app', step: 4 },
    ]);
    for (const era of ['v6.13', 'v6.15']) expect(broken('history-128a7494a9f1', era)).toEqual([]);
  });

  it("5cbb61bf4168: v6.16's NT_ARM_SVE write zeroes the tracer's saved V registers", () => {
    expect(broken('history-5cbb61bf4168', 'v6.16')).toMatchObject([
      { kind: 'lost-update', context: 'gdb', step: 4 },
    ]);
    for (const era of ['v6.13', 'v6.15']) expect(broken('history-5cbb61bf4168', era)).toEqual([]);
  });

  it('the release bugs are listed on the eras that have them, with the examples that show them', () => {
    const bugs = (era: string): string[] => (findVariant(era)!.era.releaseBugs ?? []).map((b) => b.commit);
    expect(bugs('v6.13')).toEqual(expect.arrayContaining(['49ce484187f7', '398edaa12f9c']));
    expect(bugs('v6.15')).toEqual(expect.arrayContaining(['49ce484187f7', '398edaa12f9c']));
    expect(bugs('v6.16')).toEqual(expect.arrayContaining(['128a7494a9f1', '5cbb61bf4168']));
    expect(bugs('v6.16')).not.toContain('49ce484187f7');
    for (const era of V6)
      for (const b of findVariant(era)!.era.releaseBugs ?? []) {
        expect(b.sve).toBe(true);
        expect(b.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (
          b.commit !== '398edaa12f9c' &&
          ['49ce484187f7', '128a7494a9f1', '5cbb61bf4168'].includes(b.commit)
        )
          expect(loadExample(`history-${b.commit}`).sve).toBe(true);
      }
  });
});

describe('FPSIMD-only machines keep their traces', () => {
  it('the v6 eras call no SVE function without "sve": true', () => {
    const plain = { cpus: 1, tasks: [{ id: 'app' }], start: { '0': 'app' } };
    for (const era of V6) {
      const out = allRecords(
        createMachine(plain, findVariant(era)!),
        ev('ret_to_user', 'user_fp', 'syscall', 'signal', 'ret_to_user', 'syscall', 'sigreturn', 'exec'),
      );
      expect(out.illegal).toBeNull();
      const all = out.records.flatMap(names);
      for (const fn of [
        'sve_save_state',
        'sve_load_state',
        'fp_user_discard',
        'fpsimd_syscall_enter',
        'sve_to_fpsimd',
      ])
        expect(all).not.toContain(fn);
      expect(out.records.flatMap((r) => r.changes.map((x) => x.path))).not.toContain('cpu0.to_save');
    }
  });
});
