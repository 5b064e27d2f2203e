// A parser of the engine's own source (the textual conventions written at the top of
// src/engine/era.ts): its functions, the hooks of an Era object, and the statements a `stmt(k, ...)`
// marker stands for.
import type { SourceText } from './codeTypes';

export interface Unit {
  name: string;
  /** Other names it is known by: the Era hooks it is assigned to (`guest_exit: __kvm_vcpu_run_exit`). */
  tags: string[];
  /** First line (its doc comment) and last line, 0-based, inclusive. */
  start: number;
  end: number;
  /** The `function` line. */
  head: number;
}

export interface Parsed {
  path: string;
  lines: string[];
  units: Unit[];
  functions: Map<string, Unit>;
  /** Module constants holding a commit id (`const B045 = 'b045e4d0f392';`), for `fixed(k, B045)`. */
  commits: Map<string, string>;
  /** Module constants holding a small number (`const FP_HOST = 1;`): field indexes and values. */
  numbers: Map<string, number>;
}

export const FUNCTION_RE = /^(?:export )?function (\w+)\(/;
export const ERA_OBJECT_RE = /^export const (\w+): Era = \{/;
export const METHOD_RE = /^ {2}(\w+)\(k\b[^)]*\)(?::[^{]*)? \{$/;
export const ALIAS_RE = /^ {2}(\w+): (\w+),$/;
export const STMT_RE = /\bstmt\(k,\s*(.*)\);/;
export const LABEL_RE = /'([^']+)'/g;
export const ON_RE = /\bon\(k,\s*'([^']+)'\)/;
/** `fixed(k, 'abcdef012345')` or `fixed(k, NAME)`: the quoted commit, or the constant's name. */
export const FIXED_RE = /\bfixed\(k,\s*(?:'([0-9a-f]+)'|(\w+))\)/;
const COMMIT_CONST_RE = /^const (\w+) = '([0-9a-f]{12})';/;
const NUMBER_CONST_RE = /^const (\w+) = (\d+);/;
export const CASE_RE = /^\s*case '(\w+)':/;
const STRING_RE = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

export const isComment = (line: string): boolean => /^\s*(\/\/|\/\*|\*)/.test(line);

/** The line without string literals and without a trailing `//` comment. */
export function codeOnly(line: string): string {
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
  const commits = new Map<string, string>();
  const numbers = new Map<string, number>();
  for (const line of lines) {
    const c = COMMIT_CONST_RE.exec(line);
    if (c) commits.set(c[1], c[2]);
    const n = NUMBER_CONST_RE.exec(line);
    if (n) numbers.set(n[1], Number(n[2]));
  }
  const parsed = { path: src.path, lines, units, functions, commits, numbers };
  parsedCache.set(key, parsed);
  return parsed;
}

/** The line where the `enter(k, ...)` at `from` is matched by its `leave(k)`. */
export function blockEnd(lines: string[], from: number, limit: number): number {
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
export function nextCode(lines: string[], from: number, limit: number): number {
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
export function markerSpan(lines: string[], m: number, limit: number): { start: number; end: number } {
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

export function unitAt(p: Parsed, line: number): Unit | undefined {
  return p.units.find((u) => u.head <= line && line <= u.end);
}
