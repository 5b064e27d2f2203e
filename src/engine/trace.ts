// The per-step record: kernel calls (nested, in order), field changes (before/after), explanation.
import type { ScenarioEvent, Violation } from './types';

export interface CallNode {
  /** The kernel function's name, as in the kernel source and the engine. */
  name: string;
  /** The kernel file it models. */
  file: string;
  /** Labels of the statements this call executed that matter for the model (see each era). */
  stmts: string[];
  children: CallNode[];
}

export type Target = { kind: 'cpu'; cpu: number } | { kind: 'context'; id: string };

export interface FieldChange {
  target: Target;
  /** Kernel name of the field (`fpsimd_last_state`, `TIF_FOREIGN_FPSTATE`) or a ghost name (`regs`, `memory`). */
  field: string;
  /** Full display path, e.g. `cpu0.fpsimd_last_state`, `qemu.TIF_FOREIGN_FPSTATE`. */
  path: string;
  before: string;
  after: string;
  /** True for the checker's ghost data (what the registers or memory really hold). */
  ghost: boolean;
}

export interface StepRecord {
  index: number;
  event: ScenarioEvent;
  calls: CallNode[];
  changes: FieldChange[];
  explanation: string;
  violations: Violation[];
}

/** Collects one step's record; absent on the hot path (replay without records). */
export class Recorder {
  readonly calls: CallNode[] = [];
  private readonly stack: CallNode[] = [];
  readonly changes: FieldChange[] = [];
  private readonly byPath = new Map<string, FieldChange>();

  enter(name: string, file: string): void {
    const node: CallNode = { name, file, stmts: [], children: [] };
    const top = this.stack[this.stack.length - 1];
    (top ? top.children : this.calls).push(node);
    this.stack.push(node);
  }

  leave(): void {
    this.stack.pop();
  }

  stmt(label: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.stmts.push(label);
  }

  change(target: Target, field: string, path: string, before: string, after: string, ghost: boolean): void {
    // A field written twice in one step shows its first "before" and last "after".
    const seen = this.byPath.get(path);
    if (seen) {
      seen.after = after;
      return;
    }
    const c: FieldChange = { target, field, path, before, after, ghost };
    this.byPath.set(path, c);
    this.changes.push(c);
  }

  /** Changes whose value ended where it started (e.g. IRQs off then on) are dropped. */
  netChanges(): FieldChange[] {
    return this.changes.filter((c) => c.before !== c.after);
  }
}

/** Flattens the call tree in call order (for `run --json` and tests). */
export function flattenCalls(calls: CallNode[], out: string[] = []): string[] {
  for (const c of calls) {
    out.push(c.name);
    flattenCalls(c.children, out);
  }
  return out;
}
