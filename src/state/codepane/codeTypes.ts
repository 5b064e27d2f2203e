// The code pane's data: the engine files it reads and what it shows of one kernel function.
import type { HistoricFix } from '../../engine';
import type { EngineFile } from './engineCode';

/** The engine files a step's calls can come from (descriptions from `virtual:engine-code`). */
export interface CodeSources {
  /**
   * Where a function is looked up by name, in order: the era's module, the modules it imports functions
   * from (the host side since v6.8, another era's module for v6.16), the shared host side
   * (src/engine/kernel/fpsimd_v4_18.ts) last.
   */
  defs: readonly EngineFile[];
  /** Where a call modelled inline is looked for: defs, then the drivers (events.ts, lifecycle.ts). */
  files: readonly EngineFile[];
}

export interface CodeLine {
  /** 1-based line number in the engine file. */
  n: number;
  text: string;
  comment: boolean;
  /** Labels of a `stmt(k, ...)` marker on this line (several when the label is chosen at run time). */
  marker: readonly string[] | null;
  /** A marker whose statement this call executed, or a line of that statement. */
  executed: boolean;
  /** A marker whose statement this call did not execute. */
  skipped: boolean;
  /** The statement named in `on(k, 'name')` on this line, when the era can ablate it. */
  ablation: string | null;
  /** The era's historic fix whose `fixed(k, COMMIT)` test stands on this line: its pre-fix variant runs
   * the code as it stood before that commit. */
  historic: HistoricFix | null;
  /** The kernel statement this line models, in words (see kernelSide.ts), or null. */
  kernel: string | null;
  /** The kernel text is the `//` comment written beside the code on this line (shown already). */
  kernelIsComment: boolean;
}

export interface CodeBlock {
  /** The kernel function's name, as the trace shows it (an era's own name for a shared function). */
  name: string;
  /** The kernel file it models. */
  file: string;
  /** Nesting depth in the step's call tree (0 = called by the event itself). */
  depth: number;
  /** The engine file the lines come from, or null when no source was found. */
  source: string | null;
  /** For a call modelled inline (no function of its own): the engine function or era hook holding it. */
  inside: string | null;
  lines: CodeLine[];
  /** The labels this call executed (CallNode.stmts). */
  executed: readonly string[];
}
