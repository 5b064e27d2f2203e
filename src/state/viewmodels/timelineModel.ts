// Rows of the timeline: row 0 is the initial state, row i (1..n) is event i-1. A row past the first
// illegal event is shown as not replayed rather than dropped.
import type { Replay, ScenarioEvent } from '../../engine';

export type RowStatus = 'initial' | 'done' | 'current' | 'ahead' | 'illegal' | 'unreached';

export interface TimelineRow {
  row: number;
  event: ScenarioEvent | null;
  status: RowStatus;
  violation: boolean;
  /** For the illegal row: why. */
  reason: string | null;
}

/** Steps (1-based rows) at which a violation happened, from the replay's list. */
export function violationRows(replay: Replay): Set<number> {
  return new Set(replay.violations.map((v) => v.step + 1));
}

export function timelineRow(
  replay: Replay,
  cursor: number,
  row: number,
  violations: Set<number>,
): TimelineRow {
  if (row === 0)
    return { row, event: null, status: cursor === 0 ? 'current' : 'initial', violation: false, reason: null };
  const index = row - 1;
  const event = replay.events[index];
  let status: RowStatus;
  let reason: string | null = null;
  if (replay.illegal && index === replay.illegal.index) {
    status = 'illegal';
    reason = replay.illegal.reason;
  } else if (index >= replay.length) status = 'unreached';
  else if (row === cursor) status = 'current';
  else if (row < cursor) status = 'done';
  else status = 'ahead';
  return { row, event, status, violation: violations.has(row), reason };
}

/** Short text of an event, e.g. `CPU0 schedule → qemu`. */
export function eventLabel(ev: ScenarioEvent): string {
  return `CPU${ev.cpu} ${ev.op}${ev.task ? (ev.op === 'schedule' ? ` → ${ev.task}` : ` ${ev.task}`) : ''}`;
}

/** The step after the cursor where the next violation happens, or null. */
export function nextViolationStep(replay: Replay, cursor: number): number | null {
  for (const v of replay.violations) if (v.step + 1 > cursor) return v.step + 1;
  return null;
}
