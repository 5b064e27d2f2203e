// The "before" picture of a violating step: the state the step started from (the replay's previous
// step, so the engine stays as it is), with the data the step lost, read stale or leaked marked on the
// register file or in-memory copy that held it.
import {
  countersAt,
  describeState,
  stateAt,
  type Replay,
  type StateView,
  type Violation,
} from '../../engine';
import { replayFrame, replayOwners, type CursorView } from './cursorView';
import { diagramModel, type DiagramModel } from './diagramModel';

/** Where a violation's data sat before the step: a CPU's registers, or a context's in-memory copy. */
export type BeforeMark =
  | { kind: 'regs'; cpu: number; text: string }
  | { kind: 'memory'; context: string; text: string }
  | { kind: 'cpu'; cpu: number; text: string }
  // SVE machines: the upper state (H) of a CPU's registers, or of a context's sve_state.
  | { kind: 'regsH'; cpu: number; text: string }
  | { kind: 'memoryH'; context: string; text: string };

/** An SVE violation about H, the state above V (ghostSve.ts words every such message so). */
const isUpperState = (v: Violation): boolean => /upper bits|above the low 128 bits/.test(v.message);

/** The mark of a violation about H: the CPU's H band, or the context's sve_state row. */
function upperMark(v: Violation, ctx: string): BeforeMark | null {
  switch (v.kind) {
    case 'lost-update':
      return /registers/.test(v.message)
        ? { kind: 'regsH', cpu: v.cpu, text: `the only copy of ${ctx}'s newest upper bits, about to be lost` }
        : {
            kind: 'memoryH',
            context: ctx,
            text: `the only copy of ${ctx}'s newest upper bits, about to be lost`,
          };
    case 'stale-read':
      return /sve_state/.test(v.message)
        ? { kind: 'memoryH', context: ctx, text: `stale upper bits, about to be read as ${ctx}'s newest` }
        : { kind: 'regsH', cpu: v.cpu, text: `not ${ctx}'s newest upper bits, about to be read as them` };
    case 'leak':
      return {
        kind: 'regsH',
        cpu: v.cpu,
        text: `${v.source ?? 'other'}'s upper bits, about to leak to ${ctx}`,
      };
    case 'kernel-warning':
      return null;
    default: {
      const never: never = v.kind;
      return never;
    }
  }
}

/** The mark for one violation, read from the state before the step. */
export function beforeMark(v: Violation, before: StateView): BeforeMark {
  const upper = isUpperState(v) ? upperMark(v, v.context ?? 'the current task') : null;
  if (upper) return upper;
  const regs = before.cpus.find((c) => c.id === v.cpu)?.regs;
  const ctx = v.context ?? 'the current task';
  switch (v.kind) {
    case 'leak':
      return {
        kind: 'regs',
        cpu: v.cpu,
        text: `${v.source ?? 'other'}'s data, about to leak to ${ctx}`,
      };
    case 'stale-read':
      // A read of the registers (the context's older data, scratch or nothing) or of its memory copy.
      return regs && regs.owner === v.context && regs.latest
        ? { kind: 'memory', context: ctx, text: `stale copy, about to be read as ${ctx}'s newest` }
        : { kind: 'regs', cpu: v.cpu, text: `not ${ctx}'s newest data, about to be read as it` };
    case 'lost-update':
      return regs && regs.owner === v.context && regs.latest
        ? { kind: 'regs', cpu: v.cpu, text: `the only copy of ${ctx}'s newest data, about to be lost` }
        : { kind: 'memory', context: ctx, text: `the only copy of ${ctx}'s newest data, about to be lost` };
    case 'kernel-warning':
      return { kind: 'cpu', cpu: v.cpu, text: 'the kernel is about to warn here' };
    default: {
      const never: never = v.kind;
      return never;
    }
  }
}

export interface BeforePicture {
  /** The step whose "before" this is (the cursor: the state after cursor - 1 events). */
  step: number;
  model: DiagramModel;
  marks: BeforeMark[];
}

/** The state before the step at `cursor` with its violations marked, or null when it has none. */
export function beforePicture(replay: Replay, after: CursorView): BeforePicture | null {
  const violations = after.record?.violations ?? [];
  if (after.cursor === 0 || violations.length === 0) return null;
  const state = stateAt(replay, after.cursor - 1);
  const view = describeState(replay.machine, state);
  const cv: CursorView = {
    cursor: after.cursor - 1,
    state,
    view,
    // No record: the picture highlights nothing the previous step changed, only the marks.
    record: null,
    counters: countersAt(replay, after.cursor - 1),
    owners: replayOwners(replay),
    frame: replayFrame(replay),
  };
  const marks = violations.map((v) => beforeMark(v, view));
  return { step: after.cursor, model: markModel(diagramModel(cv), marks), marks };
}

/** A copy of the model with the marks set (the model itself may be shared, so it is not changed). */
function markModel(m: DiagramModel, marks: readonly BeforeMark[]): DiagramModel {
  const textFor = (pred: (k: BeforeMark) => boolean): string | undefined => {
    const t = marks.filter(pred).map((k) => k.text);
    return t.length > 0 ? t.join('; ') : undefined;
  };
  return {
    ...m,
    cpus: m.cpus.map((c) => {
      const mark = textFor((k) => k.kind === 'regs' && k.cpu === c.id);
      const hMark = textFor((k) => k.kind === 'regsH' && k.cpu === c.id);
      const warn = marks.some((k) => k.kind === 'cpu' && k.cpu === c.id);
      if (!mark && !warn && !hMark) return c;
      return {
        ...c,
        regs: mark ? { ...c.regs, mark } : c.regs,
        ...(hMark && c.regsH ? { regsH: { ...c.regsH, mark: hMark } } : {}),
        violation: warn,
      };
    }),
    contexts: m.contexts.map((c) => {
      const mark = textFor((k) => k.kind === 'memory' && k.context === c.id);
      const hMark = textFor((k) => k.kind === 'memoryH' && k.context === c.id);
      if (!mark && !hMark) return c;
      const rowMark = (key: string): string | undefined =>
        key === 'memory' ? mark : key === 'sveState' ? hMark : undefined;
      return { ...c, rows: c.rows.map((r) => (rowMark(r.key) ? { ...r, mark: rowMark(r.key) } : r)) };
    }),
  };
}
