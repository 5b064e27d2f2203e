// The buggy and the fixed code of a historic variant, as data: every engine function holding a
// `fixed(k, COMMIT)` test, its lines marked as run only before the fix or only after it. Works on the
// description of the engine's source made at build time from its syntax trees (`virtual:engine-code`,
// see code/engineCode.ts), so it cannot drift from the code that runs.
import type { EngineFile, FixedSite } from './engineCode';

export type FixSide = 'both' | 'before' | 'after';

export interface FixLine {
  /** 1-based line number in the engine file. */
  n: number;
  text: string;
  /** Which code has this line: both, only the pre-fix code, or only the fixed code. */
  side: FixSide;
}

export interface FixFunction {
  /** The engine function (or era hook) holding the test. */
  name: string;
  /** The engine file, e.g. `src/engine/eras/v4_18.ts`. */
  path: string;
  lines: FixLine[];
}

/** A long function (an event driver's switch) is cut to the `case` holding the test. */
const LONG = 40;

/** Marks the lines run only with or only without the fix, for one test. */
function markTest(sides: Map<number, FixSide>, t: FixedSite): void {
  const [withFix, withoutFix]: FixSide[] = t.negated ? ['before', 'after'] : ['after', 'before'];
  const mark = (range: [number, number] | null, side: FixSide): void => {
    if (range) for (let n = range[0]; n <= range[1]; n++) sides.set(n, side);
  };
  if (!t.then) {
    sides.set(t.line, withFix); // `if (fixed(k, X)) statement;`
    return;
  }
  mark(t.then, withFix);
  mark(t.else, withoutFix);
}

/** The functions holding `fixed(k, ...)` tests of `commit`, in file order, each marked. */
export function fixFunctions(commit: string, files: readonly EngineFile[]): FixFunction[] {
  const out: FixFunction[] = [];
  for (const f of files) {
    const lines = f.text.split('\n');
    for (const u of f.units) {
      const tests = u.fixed.filter((t) => t.commit === commit);
      if (tests.length === 0) continue;
      let [start, end] = [u.start, u.end];
      if (end - start > LONG) {
        const spans = tests.map((t) => t.caseSpan ?? [u.head, u.end]);
        [start, end] = [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
      }
      const sides = new Map<number, FixSide>();
      for (const t of tests) markTest(sides, t);
      const shown: FixLine[] = [];
      for (let n = start; n <= end; n++) shown.push({ n, text: lines[n - 1], side: sides.get(n) ?? 'both' });
      out.push({ name: u.name, path: f.path, lines: shown });
    }
  }
  return out;
}
