// What the cursor shows: the state after `cursor` events, its plain view, and the record of the step
// that led there. Computed once per (replay, cursor) and shared by every component that asks.
import {
  boundingView,
  countersAt,
  describeState,
  listedOwners,
  stateAt,
  stepWithRecord,
  type Counters,
  type MachineState,
  type Replay,
  type StateView,
  type StepRecord,
} from '../../engine';

export interface CursorView {
  cursor: number;
  state: MachineState;
  view: StateView;
  /** The step just taken (event cursor - 1), or null at the initial state. */
  record: StepRecord | null;
  counters: Counters;
  /**
   * Every context and kernel-mode NEON owner the replay lists at some step, in describeState's order:
   * the same array for every cursor of one replay, so colours, patterns and the legend hold still.
   */
  owners: readonly ReplayOwner[];
  /** The most any step of the replay shows (one object per replay): the diagram is sized for it. */
  frame: ReplayFrame;
}

export interface ReplayFrame {
  /** Every row any step's view can show, and as many TASK.kernel owners as are listed at once. */
  view: StateView;
  /** Some step powers a CPU down (the diagram then shows a row for it on that CPU). */
  suspends: boolean;
}

/** A context or kernel-mode NEON owner as describeState names it (engine: listedOwners). */
export type ReplayOwner = ReturnType<typeof listedOwners>[number];

const ownersOf = new WeakMap<Replay, readonly ReplayOwner[]>();

export function replayOwners(replay: Replay): readonly ReplayOwner[] {
  let owners = ownersOf.get(replay);
  if (!owners) {
    owners = listedOwners(replay.machine.cfg, replay.kernelListed);
    ownersOf.set(replay, owners);
  }
  return owners;
}

const frames = new WeakMap<Replay, ReplayFrame>();

export function replayFrame(replay: Replay): ReplayFrame {
  let frame = frames.get(replay);
  if (!frame) {
    frame = {
      view: boundingView(replay.machine, stateAt(replay, 0), replay.bounds),
      suspends: replay.events.some((e, i) => i < replay.length && e.op === 'cpu_suspend'),
    };
    frames.set(replay, frame);
  }
  return frame;
}

let last: { replay: Replay; cursor: number; value: CursorView } | null = null;

export function cursorView(replay: Replay, cursor: number): CursorView {
  if (last && last.replay === replay && last.cursor === cursor) return last.value;
  const at = Math.max(0, Math.min(cursor, replay.length));
  let state: MachineState;
  let record: StepRecord | null = null;
  if (at === 0) state = stateAt(replay, 0);
  else {
    // The state before the step: the last view's when stepping forward by one (the common case),
    // else a replay from the nearest checkpoint. Then the step itself, with its record.
    const before =
      last && last.replay === replay && last.value.cursor === at - 1
        ? last.value.state
        : stateAt(replay, at - 1);
    const res = stepWithRecord(replay.machine, before, replay.events[at - 1], at - 1);
    if (res.ok) {
      state = res.state;
      record = res.record;
    } else state = stateAt(replay, at);
  }
  const value: CursorView = {
    cursor: at,
    state,
    view: describeState(replay.machine, state),
    record,
    counters: countersAt(replay, at),
    owners: replayOwners(replay),
    frame: replayFrame(replay),
  };
  last = { replay, cursor, value };
  return value;
}
