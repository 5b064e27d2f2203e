// The buggy and the fixed code of a historic variant, as data: every engine function holding a
// `fixed(k, COMMIT)` test, its lines marked as run only before the fix or only after it. Works on the
// engine's own source text (read with Vite's `?raw` by the gallery), so it cannot drift from the code
// that runs; functions are found with the code pane's parser (codeModel.parseSource).
import { parseSource, type SourceText } from './codeModel';

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
const STRING_RE = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

function braces(line: string): number {
  const bare = line.replace(STRING_RE, "''");
  const cut = bare.indexOf('//');
  const code = cut >= 0 ? bare.slice(0, cut) : bare;
  let d = 0;
  for (const ch of code) d += ch === '{' ? 1 : ch === '}' ? -1 : 0;
  return d;
}

/** Index of the line closing the block opened at the end of line `open` (`} else {` closes it too). */
function blockClose(lines: string[], open: number, limit: number): number {
  let depth = 1;
  for (let j = open + 1; j <= limit; j++) {
    if (depth === 1 && /^\s*\}/.test(lines[j])) return j;
    depth += braces(lines[j]);
    if (depth <= 0) return j;
  }
  return limit;
}

/** The ways a file names the commit: the quoted id, and constants holding it. */
function refsIn(files: readonly SourceText[], commit: string): string[] {
  const refs = [`'${commit}'`];
  const def = new RegExp(`^(?:export )?const (\\w+) = '${commit}';`, 'm');
  for (const f of files) {
    const m = def.exec(f.text);
    if (m) refs.push(m[1]);
  }
  return refs;
}

/** Marks the lines run only with or only without the fix, for the test on line `at`. */
function markTest(lines: string[], sides: FixSide[], at: number, limit: number): void {
  const line = lines[at];
  const negated = /!fixed\(k,/.test(line);
  const [withFix, withoutFix]: FixSide[] = negated ? ['before', 'after'] : ['after', 'before'];
  if (!/\{\s*$/.test(line)) {
    sides[at] = withFix; // `if (fixed(k, X)) statement;`
    return;
  }
  const close = blockClose(lines, at, limit);
  for (let j = at + 1; j < close; j++) sides[j] = withFix;
  if (/^\s*\}\s*else\s*\{\s*$/.test(lines[close])) {
    const end = blockClose(lines, close, limit);
    for (let j = close + 1; j < end; j++) sides[j] = withoutFix;
  }
}

/** The functions holding `fixed(k, ...)` tests of `commit`, in file order, each marked. */
export function fixFunctions(commit: string, files: readonly SourceText[]): FixFunction[] {
  const refs = refsIn(files, commit);
  const isTest = (l: string): boolean => refs.some((r) => l.includes(`fixed(k, ${r})`));
  const out: FixFunction[] = [];
  for (const f of files) {
    const p = parseSource(f);
    for (const u of p.units) {
      const tests: number[] = [];
      for (let i = u.head; i <= u.end; i++) if (isTest(p.lines[i])) tests.push(i);
      if (tests.length === 0) continue;
      let [start, end] = [u.start, u.end];
      if (end - start > LONG) [start, end] = caseAround(p.lines, tests, u.head, u.end);
      const sides: FixSide[] = p.lines.map(() => 'both');
      for (const t of tests) markTest(p.lines, sides, t, end);
      out.push({
        name: u.name,
        path: f.path,
        lines: p.lines
          .slice(start, end + 1)
          .map((text, i) => ({ n: start + i + 1, text, side: sides[start + i] })),
      });
    }
  }
  return out;
}

/** The `case` block of a long switch holding the tests: from its `case` line to the next one. */
function caseAround(lines: string[], tests: number[], head: number, end: number): [number, number] {
  const isCase = (l: string): boolean => /^\s*(case '[^']+':|default:)/.test(l);
  let s = tests[0];
  while (s > head && !isCase(lines[s])) s--;
  while (s > head && isCase(lines[s - 1])) s--;
  let e = tests[tests.length - 1];
  while (e < end && !isCase(lines[e + 1])) e++;
  return [s, e];
}
