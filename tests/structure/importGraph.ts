// The import graph of src/: every relative import (static, re-export, `import type` too) between
// source files, and its strongly connected components (Tarjan). Read with a plain parser: a relative
// specifier is all a circle needs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(ts|tsx)$/;
// `import ... from '...'`, `export ... from '...'`, side-effect `import '...'`; not dynamic `import()`,
// which loads on demand and so cannot close a circle at load time.
const SPECIFIER = /^\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"](\.[^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string, known: Set<string>): string | null {
  const base = path.resolve(path.dirname(from), spec);
  const stem = base.replace(/\.(js|mjs|ts|tsx)$/, '');
  for (const c of [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (known.has(c)) return c;
  return null;
}

/** Files of root (absolute paths) and, per file, the files it imports. */
export function importGraph(root: string): Map<string, string[]> {
  const all = files(root);
  const known = new Set(all);
  const graph = new Map<string, string[]>();
  for (const f of all) {
    const text = readFileSync(f, 'utf8');
    const to = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      const r = resolve(f, m[1], known);
      if (r !== null) to.add(r);
    }
    graph.set(f, [...to]);
  }
  return graph;
}

/** Strongly connected components with more than one file (each a set of files importing each other). */
export function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}
