// The reviewer's code pane, as data: for each kernel function a step called (its record's call tree),
// the engine's own source of it, with the statements the call executed and the ablatable ones marked.
// Works on the engine's source text (read with Vite's `?raw` by the pane), so nothing here can drift
// from the code that actually ran.
import type { CallNode, Era, Op } from '../engine';

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

interface Unit {
  name: string;
  /** Other names it is known by: the Era hooks it is assigned to (`guest_exit: __kvm_vcpu_run_exit`). */
  tags: string[];
  /** First line (its doc comment) and last line, 0-based, inclusive. */
  start: number;
  end: number;
  /** The `function` line. */
  head: number;
}

interface Parsed {
  path: string;
  lines: string[];
  units: Unit[];
  functions: Map<string, Unit>;
}

const FUNCTION_RE = /^(?:export )?function (\w+)\(/;
const ERA_OBJECT_RE = /^export const (\w+): Era = \{/;
const METHOD_RE = /^ {2}(\w+)\(k\b[^)]*\)(?::[^{]*)? \{$/;
const ALIAS_RE = /^ {2}(\w+): (\w+),$/;
const STMT_RE = /\bstmt\(k,\s*(.*)\);/;
const LABEL_RE = /'([^']+)'/g;
const ON_RE = /\bon\(k,\s*'([^']+)'\)/;
const CASE_RE = /^\s*case '(\w+)':/;
const STRING_RE = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

const isComment = (line: string): boolean => /^\s*(\/\/|\/\*|\*)/.test(line);

/** The line without string literals and without a trailing `//` comment. */
function codeOnly(line: string): string {
  const bare = line.replace(STRING_RE, "''");
  const cut = bare.indexOf('//');
  return cut >= 0 ? bare.slice(0, cut) : bare;
}

/** Index of the first line after `from` that is exactly `close`, or the last line. */
function closing(lines: string[], from: number, close: string): number {
  for (let j = from + 1; j < lines.length; j++) if (lines[j] === close) return j;
  return lines.length - 1;
}

/** Back from a `function` line over its doc comment. */
function docStart(lines: string[], head: number): number {
  let s = head;
  while (s > 0 && isComment(lines[s - 1])) s--;
  return s;
}

const parsedCache = new Map<string, Parsed>();

/** Splits an engine file into its functions and the hooks of its Era object (memoised by text). */
export function parseSource(src: SourceText): Parsed {
  const key = `${src.path}\n${src.text}`;
  const hit = parsedCache.get(key);
  if (hit) return hit;
  const lines = src.text.split('\n');
  const units: Unit[] = [];
  const functions = new Map<string, Unit>();
  const aliases = new Map<string, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const fn = FUNCTION_RE.exec(lines[i]);
    if (fn) {
      const end = closing(lines, i, '}');
      const unit: Unit = { name: fn[1], tags: [], start: docStart(lines, i), end, head: i };
      units.push(unit);
      functions.set(fn[1], unit);
      i = end;
      continue;
    }
    const obj = ERA_OBJECT_RE.exec(lines[i]);
    if (!obj) continue;
    const end = closing(lines, i, '};');
    for (let j = i + 1; j < end; j++) {
      const alias = ALIAS_RE.exec(lines[j]);
      if (alias) aliases.set(alias[2], [...(aliases.get(alias[2]) ?? []), alias[1]]);
      const m = METHOD_RE.exec(lines[j]);
      if (!m) continue;
      const close = lines.findIndex((l, at) => at > j && /^ {2}\},?$/.test(l));
      const mEnd = close < 0 ? end : close;
      units.push({ name: `${obj[1]}.${m[1]}`, tags: [m[1]], start: j, end: mEnd, head: j });
      j = mEnd;
    }
    i = end;
  }
  for (const [fn, hooks] of aliases) functions.get(fn)?.tags.push(...hooks);
  const parsed = { path: src.path, lines, units, functions };
  parsedCache.set(key, parsed);
  return parsed;
}

/** The line where the `enter(k, ...)` at `from` is matched by its `leave(k)`. */
function blockEnd(lines: string[], from: number, limit: number): number {
  let depth = 0;
  for (let j = from; j <= limit; j++) {
    const code = codeOnly(lines[j]);
    depth += (code.match(/\benter\(k,/g) ?? []).length;
    depth -= (code.match(/\bleave\(k\)/g) ?? []).length;
    if (depth <= 0) return j;
  }
  return limit;
}

/** The first code line at or after `from` (comments and blank lines skipped). */
function nextCode(lines: string[], from: number, limit: number): number {
  let s = from;
  while (s <= limit && (isComment(lines[s]) || lines[s].trim() === '')) s++;
  return s;
}

/** The last line of the statement starting at line `s`; a traced call runs to its `leave(k)`. */
function statementEnd(lines: string[], s: number, limit: number): number {
  if (/^\s*enter\(k,/.test(lines[s] ?? '')) return blockEnd(lines, s, limit);
  let depth = 0;
  for (let j = s; j <= limit; j++) {
    const code = codeOnly(lines[j]);
    for (const ch of code) {
      if (ch === '{' || ch === '(' || ch === '[') depth++;
      else if (ch === '}' || ch === ')' || ch === ']') depth--;
    }
    const t = code.trim();
    if (depth <= 0 && (t.endsWith(';') || t.endsWith('}'))) return j;
  }
  return limit;
}

/**
 * The lines a `stmt(k, ...)` marker at line m stands for. A marker opening a block (`if (...) {`)
 * labels the block, up to the next marker; elsewhere it labels the one statement below it.
 */
function markerSpan(lines: string[], m: number, limit: number): { start: number; end: number } {
  let prev = m - 1;
  while (prev >= 0 && (isComment(lines[prev]) || lines[prev].trim() === '')) prev--;
  const start = nextCode(lines, m + 1, limit);
  if (prev >= 0 && codeOnly(lines[prev]).trim().endsWith('{')) {
    let depth = 1;
    for (let j = m + 1; j <= limit; j++) {
      if (STMT_RE.test(lines[j])) return { start, end: j - 1 };
      for (const ch of codeOnly(lines[j])) {
        if (ch === '{') depth++;
        else if (ch === '}') depth--;
      }
      if (depth <= 0) return { start, end: j - 1 };
    }
    return { start, end: limit };
  }
  return { start, end: statementEnd(lines, start, limit) };
}

function unitAt(p: Parsed, line: number): Unit | undefined {
  return p.units.find((u) => u.head <= line && line <= u.end);
}

/** Names of the Era hooks an event runs, to choose between inline copies of one kernel call. */
function hooksOf(op: Op): string[] {
  switch (op) {
    case 'schedule':
      return ['sched_out', 'fpsimd_thread_switch', 'sched_in'];
    case 'ret_to_user':
    case 'syscall':
    case 'user_fp':
      return ['fpsimd_restore_current_state'];
    case 'kernel_neon':
    case 'softirq_neon':
      return ['kernel_neon_begin', 'kernel_neon_end', 'fpsimd_restore_current_state'];
    case 'vcpu_load':
      return ['kvm_run_enter'];
    case 'guest_enter':
      return ['guest_entry'];
    case 'guest_fp':
      return ['guest_fp_trap'];
    case 'guest_exit':
      return ['guest_exit'];
    case 'vcpu_put':
      return ['kvm_run_exit'];
    case 'kernel_neon_begin':
      return ['kernel_neon_begin'];
    case 'kernel_fp':
      return [];
    case 'kernel_neon_end':
      return ['kernel_neon_end'];
    case 'signal':
      return ['fpsimd_preserve_current_state'];
    case 'sigreturn':
      return ['fpsimd_update_current_state'];
    case 'exec':
      return ['fpsimd_flush_thread'];
    case 'ptrace_setfp':
      return ['fpsimd_flush_task_state'];
    case 'idle':
      return ['fpsimd_thread_switch'];
    case 'cpu_suspend':
      return ['cpu_pm_enter'];
    default: {
      const never: never = op;
      return [String(never)];
    }
  }
}

interface Found {
  parsed: Parsed;
  start: number;
  end: number;
  inside: string | null;
}

/** Where the engine models call `node` (named `base` in the engine) for event `op`. */
function locate(node: CallNode, base: string, op: Op, files: Parsed[]): Found | null {
  for (const p of files.slice(0, 2)) {
    const fn = p.functions.get(base);
    if (fn) return { parsed: p, start: fn.start, end: fn.end, inside: null };
  }
  // Modelled inline: every `enter(k, 'base', ...)` block, scored by how much of the call it explains,
  // then by whether it lies in the code the event runs.
  const needle = `enter(k, '${base}'`;
  const hints = new Set<string>([op, ...hooksOf(op)]);
  let best: Found | null = null;
  let bestScore = -1;
  for (const p of files) {
    for (let i = 0; i < p.lines.length; i++) {
      if (!p.lines[i].includes(needle)) continue;
      const unit = unitAt(p, i);
      const end = blockEnd(p.lines, i, unit ? unit.end : p.lines.length - 1);
      const text = p.lines.slice(i, end + 1).join('\n');
      let score = 0;
      for (const s of node.stmts) if (text.includes(`'${s}'`)) score += 2;
      for (const c of node.children)
        if (text.includes(`'${c.name}'`) || text.includes(`${c.name}(`)) score += 2;
      let caseName: string | null = null;
      for (let j = i; unit && j >= unit.head; j--) {
        const m = CASE_RE.exec(p.lines[j]);
        if (m) {
          caseName = m[1];
          break;
        }
      }
      const tags = unit ? [unit.name, ...unit.tags] : [];
      if (caseName) tags.push(caseName);
      if (tags.some((t) => hints.has(t))) score += 1;
      if (score <= bestScore) continue;
      bestScore = score;
      // A function whose whole body is this call (v4.17's __kvm_vcpu_run_exit) is shown whole.
      const whole = unit && unit.head + 1 === i && end === unit.end - 1 && !unit.name.includes('.');
      best = {
        parsed: p,
        start: whole ? unit.start : i,
        end: whole ? unit.end : end,
        inside: unit ? (caseName ? `${unit.name} (case '${caseName}')` : unit.name) : null,
      };
    }
  }
  return best;
}

function codeLines(found: Found, node: CallNode, era: Era): CodeLine[] {
  const { lines } = found.parsed;
  const ablatable = new Set(era.ablatable.map((a) => a.name));
  const out: CodeLine[] = [];
  for (let i = found.start; i <= found.end; i++) {
    const stmt = STMT_RE.exec(lines[i]);
    const on = ON_RE.exec(lines[i]);
    out.push({
      n: i + 1,
      text: lines[i],
      comment: isComment(lines[i]),
      marker: stmt ? [...stmt[1].matchAll(LABEL_RE)].map((m) => m[1]) : null,
      executed: false,
      skipped: false,
      ablation: on && ablatable.has(on[1]) ? on[1] : null,
    });
  }
  out.forEach((line, at) => {
    if (!line.marker) return;
    const ran = line.marker.some((l) => node.stmts.includes(l));
    if (!ran) {
      line.skipped = true;
      return;
    }
    line.executed = true;
    const span = markerSpan(lines, found.start + at, found.end);
    for (let i = span.start; i <= span.end; i++) out[i - found.start].executed = true;
  });
  return out;
}

/** The code of one call: the engine function (or inline block) that models it. */
export function codeForCall(
  node: CallNode,
  depth: number,
  era: Era,
  op: Op,
  sources: CodeSources,
): CodeBlock {
  const base = Object.entries(era.renamed ?? {}).find(([, to]) => to === node.name)?.[0] ?? node.name;
  const files = [sources.era, sources.host, sources.driver].map(parseSource);
  const found = locate(node, base, op, files);
  return {
    name: node.name,
    file: node.file,
    depth,
    source: found ? found.parsed.path : null,
    inside: found ? found.inside : null,
    lines: found ? codeLines(found, node, era) : [],
    executed: node.stmts,
  };
}

/** Every call of a step, in call order (depth first), with its code. */
export function stepCode(calls: readonly CallNode[], era: Era, op: Op, sources: CodeSources): CodeBlock[] {
  const out: CodeBlock[] = [];
  const walk = (nodes: readonly CallNode[], depth: number): void => {
    for (const n of nodes) {
      out.push(codeForCall(n, depth, era, op, sources));
      walk(n.children, depth + 1);
    }
  };
  walk(calls, 0);
  return out;
}

/** The era's module among the engine's era files: the one whose Era object has this id. */
export function eraSource(eraId: string, files: readonly SourceText[]): SourceText | null {
  const quoted = eraId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const idLine = new RegExp(`^ {2}id: '${quoted}',$`, 'm');
  return files.find((f) => /^export const \w+: Era = \{$/m.test(f.text) && idLine.test(f.text)) ?? null;
}
