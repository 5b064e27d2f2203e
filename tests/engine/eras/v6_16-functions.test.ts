// What v6.16 does differently from v6.15, and only there: the switch-in of a task inside a kernel-mode
// NEON section flushes before it loads (01098d893fa8), and signal delivery and rt_sigreturn save and
// flush the live user state (929fa99b1215, c94f2f326146). Counters are c(hS, hR, gS, gR, traps, off).
import { describe, expect, it } from 'vitest';
import {
  allRecords,
  createMachine,
  ERAS,
  findVariant,
  flattenCalls,
  machineScenario,
  randomEvents,
  type Scenario,
  type ScenarioEvent,
} from '../../../src/engine';
import { v6_15 } from '../../../src/engine/eras/v6_15';
import { v6_16 } from '../../../src/engine/eras/v6_16';
import { compareReplays, totalsOf } from '../../../src/state/viewmodels/compareModel';
import { countersAfterEach, counters as c, loadExample, runUnder } from './helpers';

const callsAt = (sc: Scenario, era: string, step: number): string[] =>
  flattenCalls(allRecords(createMachine(sc, findVariant(era)!), sc.events).records[step].calls);

const ev = (cpu: number, op: ScenarioEvent['op'], task?: string): ScenarioEvent =>
  task === undefined ? { cpu, op } : { cpu, op, task };
const one = (tasks: Scenario['tasks'], events: ScenarioEvent[]): Scenario => ({
  format: 'fpsimd-scenario/1',
  title: 't',
  cpus: 1,
  tasks,
  start: { '0': tasks[0].id },
  events,
});
/** Counters added by each event (n = 0..events-1). */
const perStep = (sc: Scenario, era: string) => {
  const after = countersAfterEach(sc, era);
  return after
    .slice(1)
    .map((x, i) =>
      c(
        x.hostSaves - after[i].hostSaves,
        x.hostRestores - after[i].hostRestores,
        x.guestSaves - after[i].guestSaves,
        x.guestRestores - after[i].guestRestores,
        x.fpTraps - after[i].fpTraps,
        x.irqsOffSaveRestores - after[i].irqsOffSaveRestores,
      ),
    );
};

// A signal and its sigreturn around the handler's FP use (src/scenarios/signal-round-trip-eras.json):
//  0 ret_to_user loads app (hR, both eras); 1 user_fp v1; 2 syscall;
//  3 signal: v6.15 fpsimd_preserve_current_state() saves v1 (hS), the registers stay bound;
//    v6.16 fpsimd_save_and_flush_current_state() saves v1 (hS), cpu = NR_CPUS, flag set;
//  4 ret_to_user: v6.15 flag clear, nothing; v6.16 loads v1 again (hR);
//  5 user_fp (handler) v2; 6 syscall;
//  7 sigreturn: v6.15 stores v3, loads it (hR), binds; v6.16 restore_sigframe() saves v2 (hS) and
//    flushes, fpsimd_update_current_state() stores v3 only;
//  8 ret_to_user: v6.15 nothing; v6.16 loads v3 (hR); 9 user_fp reads v3 in both.
//  v6.15 c(1, 2, 0, 0, 0, 0), v6.16 c(2, 3, 0, 0, 0, 0): one more save and one more restore.
describe('a signal round trip', () => {
  const sc = loadExample('signal-round-trip-eras');
  const Z = c(0, 0, 0, 0, 0, 0);

  it('v6.15: 1 save and 2 restores, the sigreturn loading and binding the frame', () => {
    expect(perStep(sc, 'v6.15')).toEqual([
      c(0, 1, 0, 0, 0, 0),
      Z,
      Z,
      c(1, 0, 0, 0, 0, 0),
      Z,
      Z,
      Z,
      c(0, 1, 0, 0, 0, 0),
      Z,
      Z,
    ]);
    expect(runUnder(sc, 'v6.15').violations).toEqual([]);
  });

  it('v6.16: 2 saves and 3 restores, every load at a return to user', () => {
    expect(perStep(sc, 'v6.16')).toEqual([
      c(0, 1, 0, 0, 0, 0),
      Z,
      Z,
      c(1, 0, 0, 0, 0, 0),
      c(0, 1, 0, 0, 0, 0),
      Z,
      Z,
      c(1, 0, 0, 0, 0, 0),
      c(0, 1, 0, 0, 0, 0),
      Z,
    ]);
    const r = runUnder(sc, 'v6.16');
    expect(r.violations).toEqual([]);
    expect(r.counters).toEqual(c(2, 3, 0, 0, 0, 0));
    expect(callsAt(sc, 'v6.16', 3)).toEqual([
      'setup_rt_frame',
      'fpsimd_save_and_flush_current_state',
      'fpsimd_save_user_state',
      'fpsimd_save_state',
      'fpsimd_flush_task_state',
    ]);
  });

  it('the two-era comparison shows the extra save and restore', () => {
    const [a, b] = compareReplays(sc, ['v6.15', 'v6.16']).map((i) => totalsOf(i.replay).counters);
    expect(b.hostSaves - a.hostSaves).toBe(1);
    expect(b.hostRestores - a.hostRestores).toBe(1);
  });
});

// A kernel-mode NEON section preempted by a kernel thread and resumed on the same CPU:
//  0 ret_to_user loads a (hR); 1 user_fp v1; 2 syscall; 3 kernel_neon_begin saves v1 (hS), sets
//  TIF_KERNEL_FPSTATE, flushes; 4 kernel_fp a.kernel v0; 5 schedule kw: fpsimd_save_kernel_state()
//  saves v0 (hS, IRQs off), binds a.kernel, kernel_fpsimd_cpu = 0; 6 schedule a: kw has nothing live;
//    v6.15 fpsimd_load_kernel_state() finds CPU0 still bound to a.kernel with kernel_fpsimd_cpu 0 and
//    elides the load, then flushes; v6.16 flushes first, so the load happens (hR, IRQs off);
//  7 kernel_fp reads v0 (held either way); 8 kernel_neon_end; 9 ret_to_user loads v1 (hR).
//  v6.15 c(2, 2, 0, 0, 0, 1), v6.16 c(2, 3, 0, 0, 0, 2): the section's resume costs 1 restore.
const RESUME = one(
  [{ id: 'a' }, { id: 'kw', kthread: true }],
  [
    ev(0, 'ret_to_user'),
    ev(0, 'user_fp'),
    ev(0, 'syscall'),
    ev(0, 'kernel_neon_begin'),
    ev(0, 'kernel_fp'),
    ev(0, 'schedule', 'kw'),
    ev(0, 'schedule', 'a'),
    ev(0, 'kernel_fp'),
    ev(0, 'kernel_neon_end'),
    ev(0, 'ret_to_user'),
    ev(0, 'user_fp'),
  ],
);

describe('a kernel-mode NEON section resumed on the CPU that saved it', () => {
  it('v6.15 elides the reload of the section (0 restores at the switch-in)', () => {
    const r = runUnder(RESUME, 'v6.15');
    expect(r.violations).toEqual([]);
    expect(r.counters).toEqual(c(2, 2, 0, 0, 0, 1));
    expect(perStep(RESUME, 'v6.15')[6]).toEqual(c(0, 0, 0, 0, 0, 0));
    expect(callsAt(RESUME, 'v6.15', 6)).not.toContain('fpsimd_load_state');
  });

  it('v6.16 flushes first, so the section is reloaded (1 restore, IRQs off)', () => {
    const r = runUnder(RESUME, 'v6.16');
    expect(r.violations).toEqual([]);
    expect(r.counters).toEqual(c(2, 3, 0, 0, 0, 2));
    expect(perStep(RESUME, 'v6.16')[6]).toEqual(c(0, 1, 0, 0, 0, 1));
    const calls = callsAt(RESUME, 'v6.16', 6);
    expect(calls.indexOf('fpsimd_flush_cpu_state')).toBeLessThan(calls.indexOf('fpsimd_load_kernel_state'));
    expect(calls).toContain('fpsimd_load_state');
  });
});

describe('v6.16 differs from v6.15 only where the kernel does', () => {
  it('shares v6.15 KVM functions and fields, not copies of them', () => {
    for (const h of ['sched_out', 'sched_in', 'guest_fp_trap'] as const) expect(v6_16[h]).toBe(v6_15[h]);
    expect(v6_16.fields).toBe(v6_15.fields);
    expect(v6_16.kernel_neon_begin).toBe(v6_15.kernel_neon_begin);
    expect(v6_16.fpsimd_flush_thread).toBe(v6_15.fpsimd_flush_thread);
    expect(v6_16.cpu_pm_enter).toBe(v6_15.cpu_pm_enter);
    expect(v6_16.fpsimd_thread_switch).not.toBe(v6_15.fpsimd_thread_switch);
    expect(v6_16.fpsimd_update_current_state).not.toBe(v6_15.fpsimd_update_current_state);
    expect(v6_15.restore_sigframe).toBeUndefined();
    expect(ERAS.map((e) => e.id).slice(-2)).toEqual(['v6.15', 'v6.16']);
  });

  it('every step is the same until a signal, a sigreturn or the switch-in of an open section', () => {
    // 150 random legal sequences on a 2-CPU machine with a vcpu thread, two tasks and a kthread.
    const base = machineScenario({ cpus: 2, vcpuThreads: 1, tasks: 2, kthreads: 1 });
    let diverged = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const events = randomEvents(base, 30, seed, 'v6.15');
      const a = allRecords(createMachine(base, findVariant('v6.15')!), events);
      const b = allRecords(createMachine(base, findVariant('v6.16')!), events);
      expect(a.illegal).toBeNull();
      expect(b.illegal).toBeNull();
      expect(b.records.flatMap((r) => r.violations)).toEqual([]);
      const open = new Set<string>();
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        const switchIn = (e.op === 'schedule' && e.task !== undefined && open.has(e.task)) || false;
        if (e.op === 'signal' || e.op === 'sigreturn' || switchIn) {
          if (JSON.stringify(a.records.slice(i)) !== JSON.stringify(b.records.slice(i))) diverged++;
          break;
        }
        expect(b.records[i].changes).toEqual(a.records[i].changes);
        expect(b.records[i].calls).toEqual(a.records[i].calls);
        // Track which tasks have an open section (who is current when it opens or closes).
        const cur = currentTask(a.records[i]);
        if (e.op === 'kernel_neon_begin' && cur) open.add(cur);
        if (e.op === 'kernel_neon_end' && cur) open.delete(cur);
      }
    }
    // The differences are there to find: some sequences do reach them.
    expect(diverged).toBeGreaterThan(5);
    // A few seconds alone; the limit only guards against a loaded machine.
  }, 60_000);
});

/** The task whose section a kernel_neon_begin/end record opened or closed (its recorded field). */
function currentTask(r: { changes: { path: string; field: string }[] }): string | null {
  const ch = r.changes.find((x) => x.field === 'kernel-mode NEON section');
  return ch ? ch.path.slice(0, ch.path.lastIndexOf('.kernel-mode NEON section')) : null;
}
