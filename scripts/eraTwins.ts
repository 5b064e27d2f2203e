// The era twins: modules that are near-copies of each other on purpose (v6.13 and v6.15 differ in the
// KVM side only where the kernel does), and release modules whose same-named kernel functions differ
// only where the kernel changed them between the releases. Their diff is checked in as a golden patch
// (tests/engine/eras/golden/), so a fix made to one twin shows up in the other's review.
// `npm run golden:eras` rewrites the patches from the sources. README.md (Layout) lists the pairs.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface Twin {
  a: string;
  b: string;
  /** The golden patch, relative to the repository root. */
  golden: string;
  /**
   * 'file' (default): the whole modules are twins. 'functions': only the top-level functions both
   * modules define under one name (one kernel function, two releases) are compared, each with its doc
   * comment, in a's order; the rest of each module is its own release's.
   */
  scope?: 'file' | 'functions';
}

const fns = (a: string, b: string, golden: string): Twin => ({ a, b, golden, scope: 'functions' });

export const TWINS: readonly Twin[] = [
  {
    a: 'src/engine/eras/v6_13.ts',
    b: 'src/engine/eras/v6_15.ts',
    golden: 'tests/engine/eras/golden/v6_13-v6_15.patch',
  },
  {
    a: 'src/engine/promela/v6_13.pml.ts',
    b: 'src/engine/promela/v6_15.pml.ts',
    golden: 'tests/engine/eras/golden/v6_13-v6_15.pml.patch',
  },
  {
    a: 'src/engine/promela/fpsimd_mainline.pml.ts',
    b: 'src/engine/promela/v6_16.pml.ts',
    golden: 'tests/engine/eras/golden/fpsimd_mainline-v6_16.pml.patch',
  },
  fns(
    'src/engine/kernel/fpsimd_v4_17.ts',
    'src/engine/kernel/fpsimd_v4_18.ts',
    'tests/engine/eras/golden/kernel-v4_17-v4_18.functions.patch',
  ),
  fns(
    'src/engine/kernel/fpsimd_v4_18.ts',
    'src/engine/kernel/fpsimd_v6.ts',
    'tests/engine/eras/golden/kernel-v4_18-v6.functions.patch',
  ),
  fns(
    'src/engine/kernel/fpsimd_sve_v4.ts',
    'src/engine/kernel/fpsimd_v6_ptrace.ts',
    'tests/engine/eras/golden/kernel-sve_v4-v6_ptrace.functions.patch',
  ),
  fns(
    'src/engine/kernel/fpsimd_v6_8.ts',
    'src/engine/eras/v6_16.ts',
    'tests/engine/eras/golden/kernel-v6_8-v6_16.functions.patch',
  ),
  fns(
    'src/engine/eras/v4_17.ts',
    'src/engine/eras/v4_18.ts',
    'tests/engine/eras/golden/v4_17-v4_18.functions.patch',
  ),
  fns(
    'src/engine/eras/v4_17.ts',
    'src/engine/eras/v4_18_hyp.ts',
    'tests/engine/eras/golden/v4_17-v4_18_hyp.functions.patch',
  ),
  fns(
    'src/engine/eras/v4_18.ts',
    'src/engine/eras/v6_13.ts',
    'tests/engine/eras/golden/v4_18-v6_13.functions.patch',
  ),
];

export const REGENERATE = 'npm run golden:eras';

type Edit = { op: ' ' | '-' | '+'; line: string };

/** The shortest edit script from a to b (longest common subsequence of lines). */
function edits(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Edit[] = [];
  let [i, j] = [0, 0];
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', line: a[i++] });
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push({ op: '-', line: a[i++] });
    else out.push({ op: '+', line: b[j++] });
  }
  return out;
}

/** A unified diff of two texts (3 lines of context), named by their paths. */
export function unifiedDiff(aPath: string, aText: string, bPath: string, bText: string): string {
  const es = edits(aText.split('\n'), bText.split('\n'));
  const CONTEXT = 3;
  const out = [`--- ${aPath}`, `+++ ${bPath}`];
  // Positions (1-based) in a and b before each edit.
  const pos: [number, number][] = [];
  let [ai, bi] = [1, 1];
  for (const e of es) {
    pos.push([ai, bi]);
    if (e.op !== '+') ai++;
    if (e.op !== '-') bi++;
  }
  let k = 0;
  while (k < es.length) {
    if (es[k].op === ' ') {
      k++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that is
    // closer than 2 * CONTEXT unchanged lines to the previous one.
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    let last = k;
    while (end < es.length && end - last <= 2 * CONTEXT + 1) {
      if (es[end].op !== ' ') last = end;
      end++;
    }
    end = Math.min(es.length, last + CONTEXT + 1);
    const hunk = es.slice(start, end);
    const aLen = hunk.filter((e) => e.op !== '+').length;
    const bLen = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${pos[start][0]},${aLen} +${pos[start][1]},${bLen} @@`);
    for (const e of hunk) out.push(`${e.op}${e.line}`);
    k = end;
  }
  return `${out.join('\n')}\n`;
}

/** Each top-level function declaration of a module by name: its text from its doc comment's line. */
function functionTexts(file: string, text: string): Map<string, string> {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = new Map<string, string>();
  for (const st of sf.statements) {
    if (!ts.isFunctionDeclaration(st) || !st.name) continue;
    const comments = ts.getLeadingCommentRanges(text, st.getFullStart()) ?? [];
    const from = comments.length ? comments[comments.length - 1].pos : st.getStart(sf);
    const lineStart = text.lastIndexOf('\n', from - 1) + 1;
    out.set(st.name.text, text.slice(lineStart, st.end));
  }
  return out;
}

/** The functions both texts define, in a's order, as two texts to diff. */
export function sharedFunctions(
  aPath: string,
  aText: string,
  bPath: string,
  bText: string,
): [string, string] {
  const fa = functionTexts(aPath, aText);
  const fb = functionTexts(bPath, bText);
  const names = [...fa.keys()].filter((n) => fb.has(n));
  const join = (f: Map<string, string>): string => `${names.map((n) => f.get(n)).join('\n\n')}\n`;
  return [join(fa), join(fb)];
}

/** The patch of a twin, from the sources under root. */
export function twinPatch(root: string, t: Twin): string {
  const read = (p: string): string => readFileSync(path.join(root, p), 'utf8');
  if (t.scope === 'functions') {
    const [a, b] = sharedFunctions(t.a, read(t.a), t.b, read(t.b));
    return unifiedDiff(`${t.a} (functions in both)`, a, `${t.b} (functions in both)`, b);
  }
  return unifiedDiff(t.a, read(t.a), t.b, read(t.b));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const t of TWINS) {
    writeFileSync(path.join(root, t.golden), twinPatch(root, t));
    console.log(`wrote ${t.golden}`);
  }
}
