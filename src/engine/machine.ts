// The one step function: state + event -> next state, violations, and (optionally) the step's record.
import { buildConfig, type MachineConfig } from './config';
import { whyIllegal, runEvent } from './events';
import { explain } from './explain';
import type { K } from './kctx';
import { cloneState, initialState, type MachineState } from './state';
import { hasCall, Recorder, type StepRecord } from './trace';
import type { Scenario, ScenarioEvent, Violation } from './types';
import type { Variant } from './variants';

export interface Machine {
  readonly variant: Variant;
  readonly cfg: MachineConfig;
}

export function createMachine(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start' | 'sve' | 'vhe'>,
  variant: Variant,
): Machine {
  return { variant, cfg: buildConfig(sc) };
}

export function initialMachineState(m: Machine): MachineState {
  const cpuX: number[] = [];
  const vcpuX: number[] = [];
  const sveX = m.cfg.sve ? { cpu: [] as number[], vcpu: [] as number[] } : null;
  for (const f of m.variant.era.fields) {
    if (f.sve) {
      if (sveX) (f.scope === 'cpu' ? sveX.cpu : sveX.vcpu)[f.slot] = f.initial;
    } else (f.scope === 'cpu' ? cpuX : vcpuX)[f.slot] = f.initial;
  }
  return initialState(m.cfg, cpuX, vcpuX, sveX);
}

function makeK(
  m: Machine,
  s: MachineState,
  ev: ScenarioEvent,
  index: number,
  rec: Recorder | null,
  out: Violation[],
): K {
  return {
    cfg: m.cfg,
    s,
    era: m.variant.era,
    cpu: ev.cpu,
    ablation: m.variant.ablation,
    step: index,
    bh: 0,
    rec,
    violations: out,
  };
}

/** The step context of stepInPlace, reused from one step to the next (steps never nest). */
let hot: { -readonly [F in keyof K]: K[F] } | null = null;
/** The machine hot was made for (its config, era and ablation are the machine's, which never change). */
let hotMachine: Machine | null = null;

/**
 * Applies ev in place (the hot path of replay and the explorer). Returns the failed precondition, or
 * null; violations are appended to `out`. The caller has checked nothing: illegal events change nothing.
 */
export function stepInPlace(
  m: Machine,
  s: MachineState,
  ev: ScenarioEvent,
  index: number,
  out: Violation[],
): string | null {
  const why = whyIllegal(m.cfg, s, ev);
  if (why !== null) return why;
  let k = hot;
  if (k === null || hotMachine !== m) {
    k = hot = makeK(m, s, ev, index, null, out);
    hotMachine = m;
  }
  k.s = s;
  k.cpu = ev.cpu;
  k.step = index;
  k.bh = 0;
  k.violations = out;
  runEvent(k, ev);
  return null;
}

/**
 * stepInPlace for a run of steps on one state s (replay's loop): the step context is made once, not
 * checked against the machine at every step.
 */
export function stepperOf(
  m: Machine,
  s: MachineState,
  out: Violation[],
): (ev: ScenarioEvent, index: number) => string | null {
  const k: { -readonly [F in keyof K]: K[F] } = makeK(m, s, { op: 'user_fp', cpu: 0 }, 0, null, out);
  const cfg = m.cfg;
  return (ev, index) => {
    const why = whyIllegal(cfg, s, ev);
    if (why !== null) return why;
    k.cpu = ev.cpu;
    k.step = index;
    k.bh = 0;
    runEvent(k, ev);
    return null;
  };
}

export type StepResult =
  { ok: true; state: MachineState; record: StepRecord } | { ok: false; reason: string };

/** Applies a legal ev to s in place and returns its full record (calls, changes, explanation). */
export function recordStepInPlace(m: Machine, s: MachineState, ev: ScenarioEvent, index: number): StepRecord {
  const rec = new Recorder();
  const violations: Violation[] = [];
  const before = { ...s.counters };
  runEvent(makeK(m, s, ev, index, rec, violations), ev);
  const calls = rec.calls;
  const explanation = explain(m.cfg, ev, before, s, { has: (name) => hasCall(calls, name) }, violations);
  return { index, event: ev, calls, changes: rec.netChanges(), explanation, violations };
}

/** The pure step with its full record. s is not modified. */
export function stepWithRecord(m: Machine, s: MachineState, ev: ScenarioEvent, index: number): StepResult {
  const why = whyIllegal(m.cfg, s, ev);
  if (why !== null) return { ok: false, reason: why };
  const next = cloneState(s);
  return { ok: true, state: next, record: recordStepInPlace(m, next, ev, index) };
}
