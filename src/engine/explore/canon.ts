// Canonical forms under symmetry, fast: each renaming compiled into a byte table, and the least
// renamed encoding found with an early exit.
//
// permuteEncoded (codecPermute.ts) stays the one definition of what a renaming does to an encoding; it is
// plain but costs a pass over every byte for each of up to hundreds of renamings per successor. Every
// byte of its output is a function of one byte of its input (blocks move whole; bytes naming a CPU,
// context or slot are renamed value by value), so a renaming is compiled here, once per search, by
// probing permuteEncoded: for each output byte, the input byte it comes from and a value table. The
// canonical form is then the byte-wise least encoding over the group, and most renamings are rejected
// after their first few bytes.
import type { Layout } from './codec';
import { permuteEncoded } from './codecPermute';
import type { Perm } from './symmetry';

export interface Renamings {
  /** Renamings compiled (the identity, element 0, is not: it needs no work). */
  readonly count: number;
  readonly size: number;
  /** Per renaming i >= 1 and output byte p, at i * size + p: the input byte it comes from ... */
  readonly from: Int32Array;
  /** ... and where its value table starts in `table` (indexed by the input byte's value). */
  readonly base: Int32Array;
  readonly table: Uint8Array;
}

/** The input byte each output byte of permuteEncoded(g) comes from, and its value table. */
function compileOne(L: Layout, g: Perm): { from: Int32Array; tables: Uint8Array[] } {
  const n = L.size;
  const src = new Uint8Array(n);
  const ref = new Uint8Array(n);
  const dst = new Uint8Array(n);
  permuteEncoded(L, src, 0, g, ref); // all zeros: every byte at value 0 (in range everywhere)
  const from = new Int32Array(n).fill(-1);
  const tables = Array.from({ length: n }, () => new Uint8Array(0));
  for (let q = 0; q < n; q++) {
    const values = new Uint8Array(L.range[q]);
    let target = -1;
    for (let v = 1; v < L.range[q]; v++) {
      src[q] = v;
      permuteEncoded(L, src, 0, g, dst);
      for (let p = 0; p < n; p++) {
        if (dst[p] === ref[p]) continue;
        if (target >= 0 && p !== target)
          throw new Error(`explorer: renaming maps input byte ${q} to bytes ${target} and ${p}`);
        target = p;
      }
      if (target < 0) throw new Error(`explorer: renaming loses the value of input byte ${q}`);
      values[v] = dst[target];
    }
    src[q] = 0;
    if (target < 0) continue; // a one-valued byte: found as an unclaimed output below
    if (from[target] >= 0)
      throw new Error(`explorer: renaming maps bytes ${from[target]} and ${q} to ${target}`);
    values[0] = ref[target];
    from[target] = q;
    tables[target] = values;
  }
  // Output bytes no probe moved hold one value whatever the input: they read any byte through a
  // constant table.
  for (let p = 0; p < n; p++) if (from[p] < 0) [from[p], tables[p]] = [0, new Uint8Array(256).fill(ref[p])];
  return { from, tables };
}

/** Compiles the renamings of a group (element 0, the identity, is left out). */
export function compileRenamings(L: Layout, group: readonly Perm[]): Renamings {
  const size = L.size;
  const from = new Int32Array(group.length * size);
  const base = new Int32Array(group.length * size);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (let i = 1; i < group.length; i++) {
    const c = compileOne(L, group[i]);
    from.set(c.from, i * size);
    for (let p = 0; p < size; p++) {
      base[i * size + p] = at;
      parts.push(c.tables[p]);
      at += c.tables[p].length;
    }
  }
  const table = new Uint8Array(at);
  at = 0;
  for (const t of parts) {
    table.set(t, at);
    at += t.length;
  }
  return { count: group.length, size, from, base, table };
}

/**
 * Overwrites the encoding in `least` (length R.size) with its canonical form, the byte-wise least of
 * its renamings, reading the original from `enc`; returns the index of the renaming chosen.
 */
export function canonicalize(R: Renamings, enc: Uint8Array, least: Uint8Array): number {
  const { size, from, base, table } = R;
  least.set(enc);
  let best = 0;
  for (let i = 1; i < R.count; i++) {
    const o = i * size;
    let p = 0;
    let v = 0;
    for (; p < size; p++) {
      v = table[base[o + p] + enc[from[o + p]]];
      if (v !== least[p]) break;
    }
    if (p === size || v > least[p]) continue;
    best = i;
    for (; p < size; p++) least[p] = table[base[o + p] + enc[from[o + p]]];
  }
  return best;
}
