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

const NONE: never[] = [];

/** Collects one step's record; absent on the hot path (replay without records). */
export class Recorder {
  readonly calls: CallNode[] = [];
  private readonly stack: CallNode[] = [];
  readonly changes: FieldChange[] = [];

  enter(name: string, file: string): void {
    // Leaf calls are the common case: their arrays stay the shared empty one until written.
    const node: CallNode = { name, file, stmts: NONE, children: NONE };
    const top = this.stack[this.stack.length - 1];
    if (!top) this.calls.push(node);
    else if (top.children === NONE) top.children = [node];
    else top.children.push(node);
    this.stack.push(node);
  }

  leave(): void {
    this.stack.pop();
  }

  stmt(label: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    if (top.stmts === NONE) top.stmts = [label];
    else top.stmts.push(label);
  }

  change(target: Target, field: string, path: string, before: string, after: string, ghost: boolean): void {
    // A field written twice in one step shows its first "before" and last "after". A step changes a
    // handful of fields, so a linear scan beats a Map here.
    for (const c of this.changes)
      if (c.path === path) {
        c.after = after;
        return;
      }
    this.changes.push({ target, field, path, before, after, ghost });
  }

  /** Changes whose value ended where it started (e.g. IRQs off then on) are dropped. */
  netChanges(): FieldChange[] {
    return this.changes.filter((c) => c.before !== c.after);
  }
}

/** Whether a call of that name appears anywhere in the tree. */
export function hasCall(calls: readonly CallNode[], name: string): boolean {
  for (const c of calls) if (c.name === name || hasCall(c.children, name)) return true;
  return false;
}

/** Flattens the call tree in call order (for `run --json` and tests). */
export function flattenCalls(calls: CallNode[], out: string[] = []): string[] {
  for (const c of calls) {
    out.push(c.name);
    flattenCalls(c.children, out);
  }
  return out;
}
