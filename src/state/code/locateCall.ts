// Where the engine models one call of a step: the function of that name, or, for a call modelled
// inline, the `enter(k, name, ...)` block that best explains it (scoring heuristics).
import { OP_HOOKS, type CallNode, type Op } from '../../engine';
import { blockEnd, CASE_RE, unitAt, type Parsed } from './engineSource';

export interface Found {
  parsed: Parsed;
  start: number;
  end: number;
  inside: string | null;
}

/** Where the engine models call `node` (named `base` in the engine) for event `op`. */
export function locate(node: CallNode, base: string, op: Op, files: Parsed[], nDefs: number): Found | null {
  for (const p of files.slice(0, nDefs)) {
    const fn = p.functions.get(base);
    if (fn) return { parsed: p, start: fn.start, end: fn.end, inside: null };
  }
  // Modelled inline: every `enter(k, 'base', ...)` block, scored by how much of the call it explains,
  // then by whether it lies in the code the event runs.
  const needle = `enter(k, '${base}'`;
  const hints = new Set<string>([op, ...OP_HOOKS[op]]);
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
