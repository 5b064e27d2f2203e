// The kernel-mode NEON section ops and the task lifecycle ops, per op and era, against hand
// derivations from each era's kernel source (docs/kernel-notes.md). Counters are written
// c(hostSaves, hostRestores, guestSaves, guestRestores, fpTraps, irqsOff); vN = the Nth version.
import { describe, expect, it } from 'vitest';
import {
  allRecords,
  createMachine,
  findVariant,
  flattenCalls,
  replay,
  whyIllegal,
  type Op,
  type Scenario,
  type ScenarioEvent,
} from '../../../src/engine';
import { counters as c, ERA_IDS, runUnder } from './helpers';

const ev = (cpu: number, op: Op, task?: string): ScenarioEvent => (task ? { cpu, op, task } : { cpu, op });
const scenario = (
  cpus: number,
  tasks: Scenario['tasks'],
  start: Record<string, string>,
  events: ScenarioEvent[],
): Scenario => ({
  format: 'fpsimd-scenario/1',
  title: 'lifecycle',
  cpus,
  tasks,
  start,
  events,
});
const callsAt = (sc: Scenario, era: string, step: number): string[] =>
  flattenCalls(allRecords(createMachine(sc, findVariant(era)!), sc.events).records[step].calls);
/** Why `next` is illegal after sc's events under era (null: legal). */
const whyAfter = (sc: Scenario, era: string, next: ScenarioEvent): string | null => {
  const m = createMachine(sc, findVariant(era)!);
  return whyIllegal(m.cfg, replay(m, sc.events).final, next);
};

// One task opens a section on CPU0, uses it, closes it, and returns to user.
//  every era: ret_to_user loads app (hR 1); kernel_neon_begin saves the live v1 (hS 1), flushes and
//  sets TIF_FOREIGN_FPSTATE; kernel_fp writes app.kernel v0; kernel_neon_end kills it; ret_to_user
//  reloads app (hR 2); user_fp reads v1: clean, c(1, 2, 0, 0, 0, 0).
const SECTION = scenario(2, [{ id: 'app' }, { id: 'kw', kthread: true }], { '0': 'app' }, [
  ev(0, 'ret_to_user'),
  ev(0, 'user_fp'),
  ev(0, 'syscall'),
  ev(0, 'kernel_neon_begin'),
  ev(0, 'kernel_fp'),
  ev(0, 'kernel_neon_end'),
  ev(0, 'ret_to_user'),
  ev(0, 'user_fp'),
]);
const open = (): Scenario => ({ ...SECTION, events: SECTION.events.slice(0, 5) });

describe.each(ERA_IDS)('%s: a kernel-mode NEON section', (era) => {
  it('saves live user state at begin, reloads it lazily after end', () => {
    const r = runUnder(SECTION, era);
    expect(r.violations).toEqual([]);
    expect(r.counters).toEqual(c(1, 2, 0, 0, 0, 0));
    expect(callsAt(SECTION, era, 3)).toContain('kernel_neon_begin');
    expect(callsAt(SECTION, era, 3)).toContain('fpsimd_flush_cpu_state');
  });

  it('shows the open section as the context app.kernel, gone after the task returns to user', () => {
    const r = runUnder(open(), era);
    const k = r.view.contexts.find((x) => x.id === 'app.kernel');
    expect(k).toMatchObject({ kind: 'kernel_neon', section: true });
    expect(r.view.cpus[0].regs).toEqual({ owner: 'app.kernel', latest: true });
    expect(runUnder(SECTION, era).view.contexts.map((x) => x.id)).toEqual(['app', 'kw']);
  });

  it('refuses a second begin, a return to user, and end or kernel_fp without a section', () => {
    expect(whyAfter(open(), era, ev(0, 'kernel_neon_begin'))).toMatch(/already open/);
    expect(whyAfter(open(), era, ev(0, 'kernel_neon'))).toMatch(/no nesting/);
    expect(whyAfter(open(), era, ev(0, 'ret_to_user'))).toMatch(/kernel_neon_end/);
    expect(whyAfter(SECTION, era, ev(0, 'kernel_fp'))).toMatch(/not in the kernel|no open/);
    const closed = { ...SECTION, events: SECTION.events.slice(0, 3) };
    expect(whyAfter(closed, era, ev(0, 'kernel_neon_end'))).toMatch(/no open kernel-mode NEON section/);
  });
});

describe.each(['v4.17', 'v4.18'])('%s: a section is not preemptible', (era) => {
  it('refuses schedule, idle and softirq NEON on its CPU, with the reason', () => {
    // kernel_neon_begin() set kernel_neon_busy and disabled preemption until kernel_neon_end().
    expect(whyAfter(open(), era, ev(0, 'schedule', 'kw'))).toMatch(
      /kernel_neon_busy and disabled preemption/,
    );
    expect(whyAfter(open(), era, ev(0, 'idle'))).toMatch(/inside a kernel-mode NEON section/);
    expect(whyAfter(open(), era, ev(0, 'softirq_neon'))).toMatch(/may_use_simd\(\) is false/);
    // The other CPU is unaffected.
    expect(whyAfter(open(), era, ev(1, 'schedule', 'kw'))).toBeNull();
  });
});

// v6.15 and v6.16: a preempted, migrated section with nested softirq NEON.
//  0 ret_to_user loads a (hR1); 1 user_fp a v1; 3 kernel_neon_begin saves v1 (hS1), sets
//  TIF_KERNEL_FPSTATE, flushes; 4 kernel_fp a.kernel v0; 5 schedule kw: fpsimd_thread_switch() sees
//  TIF_KERNEL_FPSTATE: fpsimd_save_kernel_state() saves v0 (hS2, IRQs off: 1), binds a.kernel,
//  kernel_fpsimd_cpu = 0; 6 CPU1 goes idle (b's flag is set: nothing saved); 7 schedule a on CPU1:
//  fpsimd_load_kernel_state() cannot elide (CPU1 never held it): load v0 (hR2, IRQs off: 2), then
//  flush (e92bee9f861b; v6.16 flushes first, 01098d893fa8: the same here, the load happens either
//  way); 8 kernel_fp reads v0, writes v1; 9 softirq NEON nested: save a.kernel
//  (hS3), flush, scratch, kernel_neon_end() reloads a.kernel (hR3); 10 kernel_fp reads v1;
//  11 end clears TIF_KERNEL_FPSTATE; 12 ret_to_user reloads a (hR4); 13 user_fp reads v1.
//  c(3, 4, 0, 0, 0, 2), clean.
const MIGRATE = scenario(2, [{ id: 'a' }, { id: 'b' }, { id: 'kw', kthread: true }], { '0': 'a', '1': 'b' }, [
  ev(0, 'ret_to_user'),
  ev(0, 'user_fp'),
  ev(0, 'syscall'),
  ev(0, 'kernel_neon_begin'),
  ev(0, 'kernel_fp'),
  ev(0, 'schedule', 'kw'),
  ev(1, 'idle'),
  ev(1, 'schedule', 'a'),
  ev(1, 'kernel_fp'),
  ev(1, 'softirq_neon'),
  ev(1, 'kernel_fp'),
  ev(1, 'kernel_neon_end'),
  ev(1, 'ret_to_user'),
  ev(1, 'user_fp'),
]);

describe.each(['v6.15', 'v6.16'])('%s: a preemptible section (TIF_KERNEL_FPSTATE)', (era) => {
  it('is saved at switch-out, loaded on another CPU, and survives nested softirq NEON', () => {
    const r = runUnder(MIGRATE, era);
    expect(r.violations).toEqual([]);
    expect(r.counters).toEqual(c(3, 4, 0, 0, 0, 2));
    expect(callsAt(MIGRATE, era, 5)).toContain('fpsimd_save_kernel_state');
    const switchIn = callsAt(MIGRATE, era, 7);
    expect(switchIn).toEqual(
      expect.arrayContaining(['fpsimd_load_kernel_state', 'fpsimd_load_state', 'fpsimd_flush_cpu_state']),
    );
    // v6.15 loads, then flushes (e92bee9f861b); v6.16 flushes, then loads (01098d893fa8).
    const order = switchIn.filter((f) => f === 'fpsimd_load_kernel_state' || f === 'fpsimd_flush_cpu_state');
    expect(order).toEqual(
      era === 'v6.15'
        ? ['fpsimd_load_kernel_state', 'fpsimd_flush_cpu_state']
        : ['fpsimd_flush_cpu_state', 'fpsimd_load_kernel_state'],
    );
    expect(callsAt(MIGRATE, era, 9)).toEqual(
      expect.arrayContaining(['fpsimd_save_kernel_state', 'fpsimd_load_kernel_state']),
    );
  });

  it('keeps TIF_KERNEL_FPSTATE and kernel_fpsimd_cpu while the section is open', () => {
    const mid = { ...MIGRATE, events: MIGRATE.events.slice(0, 6) };
    const r = runUnder(mid, era);
    expect(r.view.contexts.find((x) => x.id === 'a')).toMatchObject({ TIF_KERNEL_FPSTATE: true });
    expect(r.view.contexts.find((x) => x.id === 'a.kernel')).toMatchObject({
      section: true,
      kernelFpsimdCpu: 0,
    });
    expect(r.view.cpus[0].lastState).toBe('a.kernel');
  });

  it('still refuses a return to user inside the section', () => {
    const mid = { ...MIGRATE, events: MIGRATE.events.slice(0, 8) };
    expect(whyAfter(mid, era, ev(1, 'ret_to_user'))).toMatch(/kernel_neon_end/);
  });
});

// Signal, sigreturn, exec, idle, ptrace and suspend in one run (app on CPU0, gdb on CPU1).
//  0 load app (hR1); 1 v1; 3 signal: fpsimd_preserve_current_state() saves v1 (hS1), the frame is
//  copied from memory (v1, newest: fine), frames 1; 5 handler v2; 7 sigreturn writes v3 to memory,
//  loads it (hR2), frames 0 (v4.17: the flag was clear, so no bind; v4.18 to v6.15 bind anyway);
//  9 v4; 11 exec writes v5 (zeroed), fpsimd_flush_task_state(), flag set; 12 load v5 (hR3);
//  13 v6; 15 idle: the switch saves v6 (hS2, IRQs off: 1); 16 gdb writes v7 into app's memory
//  (reads v6 first: newest) and flushes app; 17 CPU0 suspends: nothing live to save (the idle task's
//  flag is set), unbind, registers lost; 18 app back on CPU0: flag set; 19 load v7 (hR4); 20 reads v7.
//  c(2, 4, 0, 0, 0, 1) in every era up to v6.15, clean.
// v6.16 (929fa99b1215, c94f2f326146): 3 signal: fpsimd_save_and_flush_current_state() saves v1
//  (hS1, softirqs off, IRQs on), cpu = NR_CPUS, flag set; 4 ret_to_user loads v1 (hR2); 5 handler v2;
//  7 sigreturn: restore_sigframe() saves v2 (hS2) and flushes, fpsimd_update_current_state() only
//  stores v3; 8 ret_to_user loads v3 (hR3); then as above, one save and one restore later:
//  15 hS3 (IRQs off: 1), 12 hR4, 19 hR5. c(3, 5, 0, 0, 0, 1), clean.
const LIFE = scenario(2, [{ id: 'app' }, { id: 'gdb' }], { '0': 'app', '1': 'gdb' }, [
  ev(0, 'ret_to_user'),
  ev(0, 'user_fp'),
  ev(0, 'syscall'),
  ev(0, 'signal'),
  ev(0, 'ret_to_user'),
  ev(0, 'user_fp'),
  ev(0, 'syscall'),
  ev(0, 'sigreturn'),
  ev(0, 'ret_to_user'),
  ev(0, 'user_fp'),
  ev(0, 'syscall'),
  ev(0, 'exec'),
  ev(0, 'ret_to_user'),
  ev(0, 'user_fp'),
  ev(0, 'syscall'),
  ev(0, 'idle'),
  ev(1, 'ptrace_setfp', 'app'),
  ev(0, 'cpu_suspend'),
  ev(0, 'schedule', 'app'),
  ev(0, 'ret_to_user'),
  ev(0, 'user_fp'),
]);
const upTo = (n: number): Scenario => ({ ...LIFE, events: LIFE.events.slice(0, n) });

describe.each(ERA_IDS)('%s: task lifecycle events', (era) => {
  it('keep every context whole, at the hand-derived cost', () => {
    const r = runUnder(LIFE, era);
    expect(r.violations).toEqual([]);
    expect(r.counters).toEqual(era === 'v6.16' ? c(3, 5, 0, 0, 0, 1) : c(2, 4, 0, 0, 0, 1));
  });

  it('signal counts a pending frame; sigreturn and exec drop it', () => {
    expect(runUnder(upTo(4), era).view.contexts[0]).toMatchObject({ signalFrames: 1, memLatest: true });
    expect(runUnder(upTo(8), era).view.contexts[0].signalFrames).toBeUndefined();
    if (era === 'v6.16') {
      // Delivery and return save and flush; sigreturn stores and loads nothing (the next
      // ret_to_user does).
      expect(callsAt(LIFE, era, 3)).toContain('fpsimd_save_and_flush_current_state');
      expect(callsAt(LIFE, era, 7)).toEqual([
        'restore_sigframe',
        'fpsimd_save_and_flush_current_state',
        'fpsimd_save_user_state',
        'fpsimd_save_state',
        'fpsimd_flush_task_state',
        'restore_fpsimd_context',
        'fpsimd_update_current_state',
      ]);
      expect(runUnder(upTo(8), era).view.contexts[0]).toMatchObject({ cpuField: null, foreignFpstate: true });
      return;
    }
    expect(callsAt(LIFE, era, 3)).toContain('fpsimd_preserve_current_state');
    expect(callsAt(LIFE, era, 7)).toEqual(
      expect.arrayContaining(['fpsimd_update_current_state', 'fpsimd_load_state']),
    );
  });

  it('sigreturn with the registers still bound: v4.17 skips the bind, v6.16 binds nothing', () => {
    // Step 7: app's state is live and bound on CPU0 (TIF_FOREIGN_FPSTATE clear). v4.17 binds only
    // when test_and_clear_thread_flag() finds the flag set; from the 4.18 series on (read in the 5.3
    // diff's context and every later copy, docs/kernel-notes.md) fpsimd_update_current_state() binds
    // and clears unconditionally. Rebinding what is bound changes no data, so only the calls differ.
    const binds: Record<string, string[]> = {
      'v4.17': [],
      'v4.18': ['fpsimd_bind_task_to_cpu'],
      'v6.13': ['fpsimd_bind_task_to_cpu'],
      'v6.15': ['fpsimd_bind_task_to_cpu'],
      // restore_sigframe() flushed the task first; the next ret_to_user loads and binds.
      'v6.16': [],
    };
    expect(callsAt(LIFE, era, 7).filter((f) => f.startsWith('fpsimd_bind'))).toEqual(binds[era]);
  });

  it('exec invalidates the register copy and sets TIF_FOREIGN_FPSTATE', () => {
    expect(callsAt(LIFE, era, 11)).toEqual([
      'flush_thread',
      'fpsimd_flush_thread',
      'fpsimd_flush_task_state',
    ]);
    expect(runUnder(upTo(12), era).view.contexts[0]).toMatchObject({ cpuField: null, foreignFpstate: true });
  });

  it('idle leaves the CPU idle; cpu_suspend loses its registers', () => {
    expect(runUnder(upTo(16), era).view.cpus[0]).toMatchObject({ current: null, mode: 'idle' });
    expect(runUnder(upTo(18), era).view.cpus[0]).toMatchObject({
      regs: { owner: null, latest: false },
      lastState: null,
    });
    expect(callsAt(LIFE, era, 17)).toContain('fpsimd_cpu_pm_notifier');
  });

  it('refuses what the preconditions forbid, saying why', () => {
    expect(whyAfter(upTo(3), era, ev(0, 'sigreturn'))).toMatch(/no pending signal frame/);
    expect(whyAfter(upTo(3), era, ev(1, 'ptrace_setfp', 'app'))).toMatch(/current on CPU0/);
    expect(whyAfter(upTo(3), era, ev(0, 'cpu_suspend'))).toMatch(/only an idle CPU/);
    expect(whyAfter(upTo(2), era, ev(0, 'signal'))).toMatch(/user mode, not in the kernel/);
  });
});

describe('ptrace_setfp: fpsimd_flush_task_state() per era', () => {
  // v4.17/v4.18 only invalidate fpsimd_cpu; later eras also set TIF_FOREIGN_FPSTATE (efbc20249fee).
  // app's flag was cleared by its last return to user (step 12) and left alone by the switch out.
  it.each([
    ['v4.17', false],
    ['v4.18', false],
    ['v6.13', true],
    ['v6.15', true],
    ['v6.16', true],
  ] as const)('%s: the tracee ends with TIF_FOREIGN_FPSTATE %s', (era, flag) => {
    expect(runUnder(upTo(17), era).view.contexts[0]).toMatchObject({ cpuField: null, foreignFpstate: flag });
  });

  it('refuses a kernel thread or a running task as tracee', () => {
    const sc = scenario(
      2,
      [{ id: 'gdb' }, { id: 'app' }, { id: 'kw', kthread: true }],
      { '0': 'gdb', '1': 'app' },
      [],
    );
    expect(whyAfter(sc, 'v4.18', ev(0, 'ptrace_setfp', 'kw'))).toMatch(/kernel thread/);
    expect(whyAfter(sc, 'v4.18', ev(0, 'ptrace_setfp', 'app'))).toMatch(/not stopped/);
  });
});
