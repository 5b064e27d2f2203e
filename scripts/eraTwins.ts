// The era twins: modules that are near-copies of each other on purpose (v6.13 and v6.15 differ in the
// KVM side only where the kernel does). Their diff is checked in as a golden patch
// (tests/engine/eras/golden/), so a fix made to one twin shows up in the other's review.
// `npm run golden:eras` rewrites the patches from the sources.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Twin {
  a: string;
  b: string;
  /** The golden patch, relative to the repository root. */
  golden: string;
}

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

/** The patch of a twin, from the sources under root. */
export function twinPatch(root: string, t: Twin): string {
  const read = (p: string): string => readFileSync(path.join(root, p), 'utf8');
  return unifiedDiff(t.a, read(t.a), t.b, read(t.b));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const t of TWINS) {
    writeFileSync(path.join(root, t.golden), twinPatch(root, t));
    console.log(`wrote ${t.golden}`);
  }
}
