// Lookups over one engine file's description (engineCode.ts), built once per file: its lines, and its
// units and sites by line.
import type { EngineFile, EngineUnit, FixedSite, OnSite, StmtSite } from './engineCode';

export interface FileIndex {
  file: EngineFile;
  /** The file's lines; line n is lines[n - 1]. */
  lines: string[];
  comments: ReadonlySet<number>;
  stmtAt: ReadonlyMap<number, StmtSite>;
  onAt: ReadonlyMap<number, OnSite>;
  fixedAt: ReadonlyMap<number, FixedSite>;
  /** Top-level functions by name (Era methods are reached through their hooks). */
  functions: ReadonlyMap<string, EngineUnit>;
}

const cache = new WeakMap<EngineFile, FileIndex>();

/** The first site on each line. */
function byLine<T extends { line: number }>(sites: T[]): Map<number, T> {
  const out = new Map<number, T>();
  for (const s of sites) if (!out.has(s.line)) out.set(s.line, s);
  return out;
}

export function indexFile(file: EngineFile): FileIndex {
  const hit = cache.get(file);
  if (hit) return hit;
  const units = file.units;
  const index: FileIndex = {
    file,
    lines: file.text.split('\n'),
    comments: new Set(file.commentLines),
    stmtAt: byLine(units.flatMap((u) => u.stmts)),
    onAt: byLine(units.flatMap((u) => u.ons)),
    fixedAt: byLine(units.flatMap((u) => u.fixed)),
    functions: new Map(units.filter((u) => !u.method).map((u) => [u.name, u])),
  };
  cache.set(file, index);
  return index;
}
