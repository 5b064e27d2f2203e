// The code pane's view model: for each kernel function a step called (its record's call tree), the
// engine's own source of it, with the statements the call executed and the ablatable ones marked.
// Works on the description of the engine's source made at build time from its syntax trees
// (`virtual:engine-code`, see engineCode.ts), so nothing here can drift from the code that actually ran.
import type { CallNode, Era, Op } from '../../engine';
import type { FileIndex } from './codeIndex';
import type { CodeBlock, CodeLine, CodeSources } from './codeTypes';
import type { EngineCode, EngineFile } from './engineCode';
import { kernelSide } from './kernelSide';
import { locate, type Found } from './locateCall';

function codeLines(found: Found, node: CallNode, era: Era, kernelFns: ReadonlySet<string>): CodeLine[] {
  const ix: FileIndex = found.index;
  const ablatable = new Set<string>(era.ablatable.map((a) => a.name));
  const historic = new Map((era.historic ?? []).map((h) => [h.commit, h]));
  const out: CodeLine[] = [];
  for (let n = found.start; n <= found.end; n++) {
    const on = ix.onAt.get(n);
    const commit = ix.fixedAt.get(n)?.commit ?? null;
    const kernel = kernelSide(ix, n, era, kernelFns);
    out.push({
      n,
      text: ix.lines[n - 1],
      comment: ix.comments.has(n),
      marker: ix.stmtAt.get(n)?.labels ?? null,
      executed: false,
      skipped: false,
      ablation: on && ablatable.has(on.name) ? on.name : null,
      historic: (commit !== null && historic.get(commit)) || null,
      kernel,
      kernelIsComment: kernel !== null && kernel === ix.file.lines[n]?.comment,
    });
  }
  for (const line of out) {
    if (!line.marker) continue;
    if (!line.marker.some((l) => node.stmts.includes(l))) {
      line.skipped = true;
      continue;
    }
    line.executed = true;
    const span = ix.stmtAt.get(line.n)!;
    const [from, to] = [Math.max(span.start, found.start), Math.min(span.end, found.end)];
    for (let n = from; n <= to; n++) out[n - found.start].executed = true;
  }
  return out;
}

const kernelFnCache = new WeakMap<readonly EngineFile[], Set<string>>();

/** Names of the engine functions that model a kernel function (their body enters it), in files. */
function kernelFunctions(files: readonly EngineFile[]): Set<string> {
  const hit = kernelFnCache.get(files);
  if (hit) return hit;
  const out = new Set<string>();
  for (const f of files)
    for (const u of f.units) if (!u.method && u.enters.some((e) => e.name === u.name)) out.add(u.name);
  kernelFnCache.set(files, out);
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
  const found = locate(node, base, op, sources);
  return {
    name: node.name,
    file: node.file,
    depth,
    source: found ? found.index.file.path : null,
    inside: found ? found.inside : null,
    lines: found ? codeLines(found, node, era, kernelFunctions(sources.files)) : [],
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

/** The era's module among the engine's files: the one whose Era object has this id. */
export function eraSource(eraId: string, code: EngineCode): EngineFile | null {
  return code.files.find((f) => f.era?.id === eraId) ?? null;
}

/** The v4.18-shape host side, which every era's module may take functions from: searched last. */
const SHARED_HOST = 'src/engine/kernel/fpsimd_v4_18.ts';
const isDriver = (f: EngineFile): boolean => !/^src\/engine\/(eras|kernel)\//.test(f.path);

const sourcesCache = new WeakMap<EngineCode, Map<string, CodeSources | null>>();

/**
 * The files behind an era's calls, or null for an era whose module is not found: its module, the
 * engine modules it imports (the host side since v6.8, v6.16's v6_15.ts) and theirs, the shared host side, then
 * the drivers, where calls modelled inline live (e.g. __schedule in events.ts, fpr_set in lifecycle.ts).
 */
export function codeSources(eraId: string, code: EngineCode): CodeSources | null {
  const byEra = sourcesCache.get(code) ?? new Map<string, CodeSources | null>();
  sourcesCache.set(code, byEra);
  if (byEra.has(eraId)) return byEra.get(eraId)!;
  const own = eraSource(eraId, code);
  const file = (path: string): EngineFile | undefined => code.files.find((f) => f.path === path);
  let out: CodeSources | null = null;
  if (own) {
    // Breadth first: the era's own imports, then theirs (a base set of hooks the era spreads).
    const imported: EngineFile[] = [];
    const seen = new Set([own.path, SHARED_HOST]);
    for (let i = -1; i < imported.length; i++) {
      for (const p of (i < 0 ? own : imported[i]).imports) {
        const f = seen.has(p) ? undefined : file(p);
        seen.add(p);
        if (f && !isDriver(f)) imported.push(f);
      }
    }
    const host = file(SHARED_HOST);
    const defs = [own, ...imported, ...(host ? [host] : [])];
    out = { defs, files: [...defs, ...code.files.filter(isDriver)] };
  }
  byEra.set(eraId, out);
  return out;
}
