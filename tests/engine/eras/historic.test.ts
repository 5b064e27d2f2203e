// Every historic variant (ERA/pre-COMMIT12, a real kernel fix undone) has an example scenario,
// src/scenarios/history-COMMIT12.json, in which the pre-fix code reports the violation the fix
// prevents, at the asserted step, while the era as fixed runs the same events clean.
import { describe, expect, it } from 'vitest';
import { VARIANTS, type Scenario, type ScenarioEvent, type ViolationKind } from '../../../src/engine';
import { loadExample, runUnder } from './helpers';

interface Broken {
  kind: ViolationKind;
  context: string | null;
  step: number;
  /** The example's file when two variants undo the same commit (default history-COMMIT12). */
  example?: string;
  /**
   * The fixed era runs only this many events of the example clean: the next one is refused there
   * (v6.13/pre-751ecf6afd65: with the fix the retried SVE instruction does not trap, so there is no
   * do_sve_acc to run).
   */
  fixedRuns?: number;
}

const EXPECTED: Record<string, Broken> = {
  // CPU_PM_ENTER leaves fpsimd_last_state naming app; the power-down destroys the registers; app is
  // switched back in, its flag cleared from the stale binding, and its FP code reads garbage.
  'v4.17/pre-7c68a9cc0402': { kind: 'stale-read', context: 'app', step: 7 },
  // exec zeroes app's memory, cpu field included (0: CPU0), and leaves CPU0 bound to it; a switch
  // away and back clears the flag; the new program reads the old program's registers.
  'v4.17/pre-674c242c9323': { kind: 'stale-read', context: 'app', step: 7 },
  // The preempt notifier's vcpu_put runs with IRQs off: local_bh_enable() warns at the schedule.
  'v4.18/pre-b045e4d0f392': { kind: 'kernel-warning', context: 'qemu', step: 6 },
  // put_fp sets qemu's TIF_SVE (from HOST_SVE_IN_USE: gdb wrote its SVE registers at the syscall stop)
  // before fpsimd_save(), whose SVE branch saves the guest's registers over qemu's sve_state.
  'v4.18/pre-2955bcc8c309': { kind: 'lost-update', context: 'qemu', step: 11 },
  // After the guest exit reset CPACR_EL1, put_fp does not restore the EL0 SVE enable for app, whose
  // registers stayed bound: app's SVE instruction traps with TIF_SVE set and do_sve_acc() warns.
  // The fixed era refuses event 14 (app's SVE instruction ran untrapped: no trap to handle).
  'v4.18/pre-b3eb56b629d1': { kind: 'kernel-warning', context: 'app', step: 14, fixedRuns: 14 },
  // shell's section migrates to CPU0 and is loaded there without a flush; app's binding survives,
  // its reload is elided and it reads shell's kernel-mode NEON data.
  'v6.15/pre-e92bee9f861b': { kind: 'stale-read', context: 'app', step: 10 },
  // The debugger writes app's saved state; without the flush app's old registers stay bound and
  // are trusted when it resumes on CPU0.
  'v6.15/pre-751ecf6afd65': { kind: 'stale-read', context: 'app', step: 6 },
  // The SVE trap's handler converts app's saved state on CPU1 without unbinding it from CPU0; app
  // comes back to CPU0, nothing is loaded, EL0 SVE stays trapped with TIF_SVE set: the retried
  // instruction traps and do_sve_acc() warns (sve_init_regs(), statement flush-task-trap).
  'v6.13/pre-751ecf6afd65': {
    kind: 'kernel-warning',
    context: 'app',
    step: 9,
    example: 'history-751ecf6afd65-sve',
    fixedRuns: 9,
  },
  // A save inside the syscall stored only V (fp_type FPSIMD); signal delivery's sve_to_fpsimd(),
  // chosen by TIF_SVE, copies sve_state's older V over the only copy of app's newest.
  'v6.13/pre-61da7c8e2a60': { kind: 'lost-update', context: 'app', step: 7 },
  // The tracee saved only V inside its syscall; TIF_SVE picks the SVE layout, read from sve_state.
  'v6.13/pre-b017a0cea627': { kind: 'stale-read', context: 'app', step: 10 },
};

const historic = VARIANTS.filter((v) => v.historic !== null);

describe('historic variants', () => {
  it('each has an expectation here, and each names its commit, date and what it changed', () => {
    expect(historic.map((v) => v.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const v of historic) {
      const h = v.historic!;
      expect(v.id).toBe(`${v.era.id}/pre-${h.commit}`);
      expect(h.commit).toMatch(/^[0-9a-f]{12}$/);
      expect(h.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(h.statements.length).toBeGreaterThan(0);
      for (const s of [h.subject, h.affected, h.story, h.before, h.fix, h.source])
        expect(s.length).toBeGreaterThan(10);
    }
  });

  it.each(historic.map((v) => [v.id, v] as const))(
    '%s: its example breaks where it should; the era as fixed runs it clean',
    (id, v) => {
      const { example, fixedRuns, ...b } = EXPECTED[id];
      const sc = loadExample(example ?? `history-${v.historic!.commit}`);
      expect(sc.variant).toBe(id);
      const broken = runUnder(sc, id);
      expect(broken.violations[0]).toMatchObject({ kind: b.kind, context: b.context, step: b.step });
      for (const x of broken.violations) expect(x.step).toBe(b.step);
      if (fixedRuns !== undefined) {
        expect(() => runUnder(sc, v.era.id)).toThrow(`event ${fixedRuns}:`);
        expect(runUnder({ ...sc, events: sc.events.slice(0, fixedRuns) }, v.era.id).violations).toEqual([]);
      } else expect(runUnder(sc, v.era.id).violations).toEqual([]);
    },
  );
});

// v4.17/pre-674c242c9323: where the bug lived (v3.16-v4.2) `cpu` was a member of struct fpsimd_state
// (v4.17 has it split out, 20b8547277a6), so the pre-fix
// memset(&current->thread.fpsimd_state, 0, sizeof(struct fpsimd_state)) sets it to 0 (not NR_CPUS,
// and not left as it was). Tasks app and editor, kernel thread kw; CPU0 runs app, CPU1 editor.
const ev = (cpu: number, op: ScenarioEvent['op'], task?: string): ScenarioEvent =>
  task === undefined ? { cpu, op } : { cpu, op, task };
const twoCpus = (start: Record<string, string>, events: ScenarioEvent[]): Scenario => ({
  format: 'fpsimd-scenario/1',
  title: 'exec',
  cpus: 2,
  tasks: [{ id: 'app' }, { id: 'editor' }, { id: 'kw', kthread: true }],
  start,
  events,
});
const PRE = 'v4.17/pre-674c242c9323';

describe(`${PRE}: the memset zeroes the cpu field`, () => {
  // (a) exec on CPU1, switch out and back on CPU1, return to user.
  //  0 ret_to_user: app loaded on CPU1, fpsimd_last_state(CPU1) = app, cpu = 1; 1 user_fp v1;
  //  2 syscall; 3 exec: memory zeroed (v2), the memset sets cpu = 0, flag set (no flush: pre-fix);
  //  4 schedule editor: app's flag set, nothing saved; 5 schedule app: last_state(CPU1) is app's but cpu 0 != 1: TIF_FOREIGN_FPSTATE set;
  //  6 ret_to_user loads v2; 7 user_fp reads v2: no stale read. The old model (cpu left at 1) had one.
  const A = twoCpus({ '1': 'app' }, [
    ev(1, 'ret_to_user'),
    ev(1, 'user_fp'),
    ev(1, 'syscall'),
    ev(1, 'exec'),
    ev(1, 'schedule', 'editor'),
    ev(1, 'schedule', 'app'),
    ev(1, 'ret_to_user'),
    ev(1, 'user_fp'),
  ]);

  it('(a) exec on CPU1, out and back: cpu 0 != 1, so the kernel reloads (no stale read)', () => {
    const r = runUnder(A, PRE);
    expect(r.violations).toEqual([]);
    // Loads at 0 and 6 (2 restores); nothing saved (app's flag was set at each switch out).
    expect(r.counters).toMatchObject({ hostSaves: 0, hostRestores: 2 });
    expect(runUnder({ ...A, events: A.events.slice(0, 4) }, PRE).view.contexts[0]).toMatchObject({
      cpuField: 0,
      foreignFpstate: true,
    });
    expect(runUnder({ ...A, events: A.events.slice(0, 6) }, PRE).view.contexts[0]).toMatchObject({
      foreignFpstate: true,
    });
  });

  // (b) exec on CPU1, then back on CPU0, whose fpsimd_last_state still names app.
  //  0 ret_to_user on CPU0: app loaded and bound to CPU0, cpu = 0; 1 user_fp v1; 2 syscall;
  //  3 schedule kw on CPU0: task_fpsimd_save() saves v1 (app has an mm), kw has none: nothing else;
  //    last_state(CPU0) still app; 4 schedule app on CPU1 (editor starts in the kernel):
  //    last_state(CPU1) is not app's: flag set; 5 exec on CPU1: memory zeroed (v2), cpu = 0, flag set;
  //  6 schedule editor on CPU1: nothing saved; 7 schedule app on CPU0: last_state(CPU0) is app's and
  //    cpu 0 == 0: the flag is cleared (the bug); 8 ret_to_user loads nothing; 9 user_fp reads CPU0's
  //    registers, still v1, not the zeroed v2: a stale read of app at step 9.
  //  Fixed: exec's fpsimd_flush_task_state() sets cpu = NR_CPUS, so step 7 sets the flag and 8 loads v2.
  const B = twoCpus({ '0': 'app', '1': 'editor' }, [
    ev(0, 'ret_to_user'),
    ev(0, 'user_fp'),
    ev(0, 'syscall'),
    ev(0, 'schedule', 'kw'),
    ev(1, 'schedule', 'app'),
    ev(1, 'exec'),
    ev(1, 'schedule', 'editor'),
    ev(0, 'schedule', 'app'),
    ev(0, 'ret_to_user'),
    ev(0, 'user_fp'),
  ]);

  it('(b) exec on CPU1, back on CPU0 still bound to it: cpu 0 matches, the reload is skipped', () => {
    const r = runUnder(B, PRE);
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({ kind: 'stale-read', context: 'app', step: 9, cpu: 0 });
    expect(runUnder({ ...B, events: B.events.slice(0, 8) }, PRE).view.contexts[0]).toMatchObject({
      cpuField: 0,
      foreignFpstate: false,
    });
    expect(runUnder(B, 'v4.17').violations).toEqual([]);
  });
});
