// What the code pane and the gallery know of the engine's kernel code: a description of every engine
// function of the era, kernel and driver files, made from their syntax trees at build time by the
// `virtual:engine-code` module (scripts/engineCode/plugin.ts). Line numbers are 1-based and the
// file's own; nothing here depends on how the code is laid out beyond them.

/**
 * Where the code pane looks for the engine's kernel code, the one list (globs relative to the repository
 * root, each a file or a folder's `*.ts`). Of these, a file is described when it holds kernel code: an
 * Era object, or an `enter`, `stmt`, `on` or `fixed` call (kernel/*.ts and the drivers: events.ts,
 * lifecycle.ts and any driver added beside them), so a new era, host file or driver needs no entry here;
 * the others (history/*.ts: the fixes' stories and commits) serve to resolve imported constants.
 */
export const ENGINE_CODE_FILES: readonly string[] = [
  'src/engine/eras/*.ts',
  'src/engine/kernel/*.ts',
  'src/engine/history/*.ts',
  'src/engine/*.ts',
];

/** `enter(k, 'name', FILE)`: a call of kernel function `name`, up to its matching `leave(k)`. */
export interface EnterSite {
  name: string;
  /** The kernel file, FILE resolved through the module's constants (null when not a constant). */
  file: string | null;
  line: number;
  /** The line where the `leave(k)` matching it brings the count of open calls back to zero. */
  end: number;
  /** The `case 'op':` of a driver's switch holding it, or null. */
  case: string | null;
  /** It is the function's whole body (its first statement, matched by its last). */
  whole: boolean;
}

/** `stmt(k, 'label')`: the statement (or, first in a block, the block part) a marker labels. */
export interface StmtSite {
  /** Every label the marker can give (several when chosen at run time). */
  labels: string[];
  line: number;
  /** The lines it labels. */
  start: number;
  end: number;
}

/** `on(k, 'name')`: a statement an ablation removes. */
export interface OnSite {
  name: string;
  line: number;
}

/** `fixed(k, COMMIT)`: where a historic variant runs the pre-fix code. */
export interface FixedSite {
  /** The commit, COMMIT resolved through the module's constants (null when not a constant). */
  commit: string | null;
  line: number;
  /** Written `!fixed(k, ...)`: the code it guards runs before the fix. */
  negated: boolean;
  /** Lines inside the braces of the `if` it tests, or null when that branch is no block. */
  then: [number, number] | null;
  else: [number, number] | null;
  /** The `case` of a switch holding it (fall-through labels above included), or null. */
  caseSpan: [number, number] | null;
}

/** What one line's code does, for the kernel-side column of the code pane. */
export interface LineFacts {
  /** The `//` comment after code on the line. */
  comment?: string;
  /** The first `enter(k, 'name', ...)` starting on the line. */
  enter?: string;
  /** The hook named by `eraHook(k, op, 'hook')` on the line. */
  hook?: string;
  /** The message of `WARN_ON(k, cond, 'message')` on the line. */
  warn?: string;
  /** The call the statement starting on the line makes first, with its arguments after `k`. */
  call?: { name: string; args: string[] };
  /** String literals and names of called functions on the line. */
  strings?: string[];
  calls?: string[];
}

/** An engine function, or a hook written as a method of an Era object. */
export interface EngineUnit {
  /** The function's name, or `eraObject.hook` for a method. */
  name: string;
  method: boolean;
  /** The Era hooks it is assigned to (`guest_exit: __kvm_vcpu_run_exit`, or `fpsimd_thread_switch,`). */
  hooks: string[];
  /** The kernel function it models: the call its body opens with, or null. */
  kernel: { name: string; file: string | null } | null;
  /** Its doc comment's first line (a function) or its first line (a method), and its last line. */
  start: number;
  /** The line its declaration starts on. */
  head: number;
  end: number;
  enters: EnterSite[];
  stmts: StmtSite[];
  ons: OnSite[];
  fixed: FixedSite[];
}

export interface EngineFile {
  /** Path in the repository, e.g. `src/engine/eras/v4_18.ts`. */
  path: string;
  text: string;
  /** The Era object the module exports: its variable and its `id`. */
  era: { object: string; id: string } | null;
  /** The engine files it imports, in import order. */
  imports: string[];
  /** Module constants holding a number (field indexes and values), for the kernel-side column. */
  numbers: Record<string, number>;
  /** Lines that are comments only. */
  commentLines: number[];
  units: EngineUnit[];
  /** Facts of every code line inside a unit, by line number. */
  lines: Record<number, LineFacts>;
}

export interface EngineCode {
  files: EngineFile[];
}
