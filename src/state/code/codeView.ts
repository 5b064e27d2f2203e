// The code pane's view model: for each kernel function a step called (its record's call tree), the
// engine's own source of it, with the statements the call executed and the ablatable ones marked.
// Works on the engine's source text (read with Vite's `?raw` by the pane), so nothing here can drift
// from the code that actually ran.
import type { CallNode, Era, Op } from '../../engine';
import type { CodeBlock, CodeLine, CodeSources, SourceText } from './codeTypes';
import {
  FIXED_RE,
  isComment,
  LABEL_RE,
  markerSpan,
  ON_RE,
  parseSource,
  STMT_RE,
  type Parsed,
} from './engineSource';
import { kernelSide } from './kernelSide';
import { locate, type Found } from './locateCall';

function codeLines(found: Found, node: CallNode, era: Era, kernelFns: ReadonlySet<string>): CodeLine[] {
  const { lines, commits } = found.parsed;
  const ablatable = new Set(era.ablatable.map((a) => a.name));
  const historic = new Map((era.historic ?? []).map((h) => [h.commit, h]));
  const out: CodeLine[] = [];
  for (let i = found.start; i <= found.end; i++) {
    const stmt = STMT_RE.exec(lines[i]);
    const on = ON_RE.exec(lines[i]);
    const fixed = isComment(lines[i]) ? null : FIXED_RE.exec(lines[i]);
    const commit = fixed ? (fixed[1] ?? commits.get(fixed[2]) ?? null) : null;
    out.push({
      n: i + 1,
      text: lines[i],
      comment: isComment(lines[i]),
      marker: stmt ? [...stmt[1].matchAll(LABEL_RE)].map((m) => m[1]) : null,
      executed: false,
      skipped: false,
      ablation: on && ablatable.has(on[1]) ? on[1] : null,
      historic: (commit !== null && historic.get(commit)) || null,
      kernel: kernelSide(found.parsed, i, era, kernelFns),
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

const kernelFnCache = new WeakMap<object, Set<string>>();

/** Names of the engine functions that model a kernel function (their body enters it), in files. */
function kernelFunctions(files: readonly Parsed[]): Set<string> {
  const key = files[0];
  const hit = kernelFnCache.get(key);
  if (hit) return hit;
  const out = new Set<string>();
  for (const p of files)
    for (const [name, u] of p.functions)
      if (p.lines.slice(u.head, u.end + 1).some((l) => l.includes(`enter(k, '${name}'`))) out.add(name);
  kernelFnCache.set(key, out);
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
  const defs = [sources.era, ...(sources.eraHost ?? []), sources.host];
  const drivers = [sources.driver, sources.lifecycle, sources.sveDriver].filter((x) => x !== undefined);
  const files = [...defs, ...drivers].map(parseSource);
  const found = locate(node, base, op, files, defs.length);
  return {
    name: node.name,
    file: node.file,
    depth,
    source: found ? found.parsed.path : null,
    inside: found ? found.inside : null,
    lines: found ? codeLines(found, node, era, kernelFunctions(files)) : [],
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

const SHARED_HOST = 'src/engine/kernel/fpsimd.ts';

/**
 * The engine files among `files` that an era's module imports from (`from '../kernel/...'` or
 * `from './v6_15'`), in import order, without the shared host side (kernel/fpsimd.ts, searched last):
 * where the code pane looks for the functions the era takes from other modules.
 */
export function eraImports(era: SourceText, files: readonly SourceText[]): SourceText[] {
  const dir = era.path.split('/').slice(0, -1);
  const out: SourceText[] = [];
  for (const m of era.text.matchAll(/ from '(\.\.?\/[\w/]+)';$/gm)) {
    const parts = [...dir];
    for (const seg of m[1].split('/'))
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    const path = `${parts.join('/')}.ts`;
    const f = files.find((x) => x.path === path);
    if (f && path !== SHARED_HOST && !out.includes(f)) out.push(f);
  }
  return out;
}
