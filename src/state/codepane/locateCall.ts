// Where the engine models one call of a step: the function of that name, or, for a call modelled
// inline, the `enter(k, name, ...)` block that best explains it (scoring heuristics).
import { OP_HOOKS, type CallNode, type Op } from '../../engine';
import { indexFile, type FileIndex } from './codeIndex';
import type { CodeSources } from './codeTypes';

export interface Found {
  index: FileIndex;
  start: number;
  end: number;
  inside: string | null;
}

/** Where the engine models call `node` (named `base` in the engine) for event `op`. */
export function locate(node: CallNode, base: string, op: Op, sources: CodeSources): Found | null {
  for (const f of sources.defs) {
    const index = indexFile(f);
    const fn = index.functions.get(base);
    if (fn) return { index, start: fn.start, end: fn.end, inside: null };
  }
  // Modelled inline: every `enter(k, 'base', ...)` block, scored by how much of the call it explains,
  // then by whether it lies in the code the event runs.
  const hints = new Set<string>([op, ...OP_HOOKS[op]]);
  let best: Found | null = null;
  let bestScore = -1;
  for (const f of sources.files) {
    for (const unit of f.units) {
      for (const site of unit.enters) {
        if (site.name !== base) continue;
        const strings = new Set<string>();
        const calls = new Set<string>();
        for (let n = site.line; n <= site.end; n++) {
          f.lines[n]?.strings?.forEach((s) => strings.add(s));
          f.lines[n]?.calls?.forEach((c) => calls.add(c));
        }
        let score = 0;
        for (const s of node.stmts) if (strings.has(s)) score += 2;
        for (const c of node.children) if (strings.has(c.name) || calls.has(c.name)) score += 2;
        const tags = [unit.name, ...unit.hooks];
        if (site.case) tags.push(site.case);
        if (tags.some((t) => hints.has(t))) score += 1;
        if (score <= bestScore) continue;
        bestScore = score;
        // A function whose whole body is this call (v4.17's __kvm_vcpu_run_exit) is shown whole.
        best = {
          index: indexFile(f),
          start: site.whole ? unit.start : site.line,
          end: site.whole ? unit.end : site.end,
          inside: site.case ? `${unit.name} (case '${site.case}')` : unit.name,
        };
      }
    }
  }
  return best;
}
