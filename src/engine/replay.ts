// Replay of a whole scenario with checkpoints, so any step of a long scenario is cheap to reach.
import { emptyViewBounds, trackListed, type ViewBounds } from './describe';
import { cloneState, type MachineState } from './state';
import { whyIllegal } from './events';
import {
  initialMachineState,
  recordStepInPlace,
  stepInPlace,
  stepperOf,
  stepWithRecord,
  type Machine,
} from './machine';
import type { StepRecord } from './trace';
import { listedWriteCount } from './kctx';
import { COUNTER_NAMES, type Counters, type ScenarioEvent, type Violation } from './types';

export interface Replay {
  readonly machine: Machine;
  readonly events: readonly ScenarioEvent[];
  /** Events applied: all of them, or up to the first illegal one. */
  readonly length: number;
  /** The first event that is not legal in the state it meets (replay stops there). */
  readonly illegal: { index: number; op: string; reason: string } | null;
  readonly violations: readonly Violation[];
  /** checkpoints[i] = state after i * every events. */
  readonly checkpoints: readonly MachineState[];
  readonly every: number;
  /** Cumulative counters after n events: counters[n * 6 + k], k in COUNTER_NAMES order. */
  readonly counters: Int32Array;
  /** Register owner (ghost) per CPU after n events: owners[n * cpus + c]. */
  readonly owners: Int32Array;
  /** Per task: 1 if its kernel-mode NEON data (TASK.kernel) is listed after some event (describe.ts). */
  readonly kernelListed: Uint8Array;
  /** The most any step's view holds (describe.ts): the diagram's geometry for the whole replay. */
  readonly bounds: ViewBounds;
  readonly final: MachineState;
}

export interface ReplayOptions {
  /** Checkpoint interval; smaller = faster random access, more memory. */
  every?: number;
}

const NC = COUNTER_NAMES.length;

/** COUNTER_NAMES' order, written out: a keyed read per counter costs more than the rest of the row. */
function writeCounters(out: Int32Array, n: number, c: Counters): void {
  const at = n * NC;
  out[at] = c.hostSaves;
  out[at + 1] = c.hostRestores;
  out[at + 2] = c.guestSaves;
  out[at + 3] = c.guestRestores;
  out[at + 4] = c.fpTraps;
  out[at + 5] = c.irqsOffSaveRestores;
}

export function replay(m: Machine, events: readonly ScenarioEvent[], opts: ReplayOptions = {}): Replay {
  const every = opts.every ?? 128;
  const s = initialMachineState(m);
  const cpus = m.cfg.cpus;
  const checkpoints: MachineState[] = [cloneState(s)];
  const counters = new Int32Array((events.length + 1) * NC);
  const owners = new Int32Array((events.length + 1) * cpus);
  const violations: Violation[] = [];
  let illegal: Replay['illegal'] = null;
  let n = 0;
  for (let c = 0; c < cpus; c++) owners[c] = s.ghost.regOwner[c];
  const kernelListed = new Uint8Array(m.cfg.nTasks);
  const bounds = emptyViewBounds();
  trackListed(m.cfg, s, kernelListed, bounds);
  // A countdown to the next checkpoint (no remainder per event).
  let toCheckpoint = every;
  const step = stepperOf(m, s, violations);
  for (; n < events.length; n++) {
    const ev = events[n];
    const writes = listedWriteCount();
    const why = step(ev, n);
    if (why !== null) {
      illegal = { index: n, op: String(ev.op), reason: why };
      break;
    }
    writeCounters(counters, n + 1, s.counters);
    const regOwner = s.ghost.regOwner;
    for (let c = 0, at = (n + 1) * cpus; c < cpus; c++) owners[at + c] = regOwner[c];
    // Its marks and bounds only grow, and only a write counted by listedWriteCount (kctx.ts) can grow them.
    if (listedWriteCount() !== writes) trackListed(m.cfg, s, kernelListed, bounds);
    if (--toCheckpoint === 0) {
      checkpoints.push(cloneState(s));
      toCheckpoint = every;
    }
  }
  return {
    machine: m,
    events,
    length: n,
    illegal,
    violations,
    checkpoints,
    every,
    counters,
    owners,
    kernelListed,
    bounds,
    final: s,
  };
}

/** The state after n events (0 <= n <= length), from the nearest checkpoint. The result is a copy. */
export function stateAt(r: Replay, n: number): MachineState {
  const at = Math.max(0, Math.min(n, r.length));
  const ci = Math.floor(at / r.every);
  const s = cloneState(r.checkpoints[ci]);
  const sink: Violation[] = [];
  for (let i = ci * r.every; i < at; i++) stepInPlace(r.machine, s, r.events[i], i, sink);
  return s;
}

/** The full record of event i (0 <= i < length). */
export function recordAt(r: Replay, i: number): StepRecord {
  const res = stepWithRecord(r.machine, stateAt(r, i), r.events[i], i);
  if (!res.ok) throw new Error(`event ${i} is not legal: ${res.reason}`);
  return res.record;
}

/** Cumulative counters after n events. */
export function countersAt(r: Replay, n: number): Counters {
  const at = Math.max(0, Math.min(n, r.length));
  const out = {} as Counters;
  COUNTER_NAMES.forEach((k, i) => (out[k] = r.counters[at * NC + i]));
  return out;
}

/**
 * Replays events in one linear in-place pass, handing each step's record to onRecord as it is made
 * (streaming: nothing is retained here). Returns the final state and the first illegal event.
 */
export function replayRecords(
  m: Machine,
  events: readonly ScenarioEvent[],
  onRecord: (r: StepRecord) => void,
): { state: MachineState; illegal: Replay['illegal'] } {
  const s = initialMachineState(m);
  for (let i = 0; i < events.length; i++) {
    const why = whyIllegal(m.cfg, s, events[i]);
    if (why !== null) return { state: s, illegal: { index: i, op: String(events[i].op), reason: why } };
    onRecord(recordStepInPlace(m, s, events[i], i));
  }
  return { state: s, illegal: null };
}

/** Every step's record, kept (for `run --json` and tests). */
export function allRecords(
  m: Machine,
  events: readonly ScenarioEvent[],
): { records: StepRecord[]; state: MachineState; illegal: Replay['illegal'] } {
  const records: StepRecord[] = [];
  return { records, ...replayRecords(m, events, (r) => records.push(r)) };
}
