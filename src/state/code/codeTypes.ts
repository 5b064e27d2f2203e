// The code pane's data: the engine files it reads and what it shows of one kernel function.
import type { HistoricFix } from '../../engine';

export interface SourceText {
  /** Path in the repository, e.g. `src/engine/eras/v4_18.ts`. */
  path: string;
  text: string;
}

/** The engine files a step's calls can come from. */
export interface CodeSources {
  /** The era's module (src/engine/eras/*.ts). */
  era: SourceText;
  /** The shared host side (src/engine/kernel/fpsimd.ts). */
  host: SourceText;
  /** The event driver (src/engine/events.ts): calls modelled inline there, e.g. __schedule. */
  driver: SourceText;
  /**
   * The modules the era's module imports functions from, found before the shared host side: the host
   * side since v6.8 (src/engine/kernel/fpsimd_mainline.ts), another era's module (v6.16: v6_15.ts).
   */
  eraHost?: readonly SourceText[];
  /** The section and lifecycle driver (src/engine/lifecycle.ts): more inline calls, e.g. fpr_set. */
  lifecycle?: SourceText;
  /** The SVE ops' driver (src/engine/sveOps.ts): inline calls such as el0_sve_acc and sve_set. */
  sveDriver?: SourceText;
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
