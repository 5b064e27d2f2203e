// A transition cache as plain data (typed arrays and violation lists): the workers of a partitioned
// search start from what the one-thread trial learned instead of each learning it again (memo.ts).
import { grown } from './arrays';
import type { OutcomesSnapshot } from './outcomes';

/** A cache's kept trees, legal sets and outcomes (no footprints: a seeded cache records none). */
export interface MemoSnapshot {
  roots: Int32Array<ArrayBuffer>;
  tree: Int32Array<ArrayBuffer>;
  legalStart: Int32Array<ArrayBuffer>;
  legalList: Uint16Array<ArrayBuffer>;
  outcomes: OutcomesSnapshot;
}

/** The cache's tables: from the seed (copied, with room to grow) or empty, for an alphabet of A events. */
export function memoTables(A: number, seed: MemoSnapshot | undefined) {
  if (seed && seed.roots.length !== 1 + A) throw new Error('explorer: the cache seed is of another search');
  const room = <T extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(a: T, min: number): T =>
    grown(a, Math.max(min, a.length * 2));
  return {
    roots: seed ? seed.roots.slice() : new Int32Array(1 + A),
    tree: seed ? room(seed.tree, 1 << 16) : new Int32Array(1 << 16),
    treeLen: seed ? seed.tree.length : 1,
    sets: seed ? seed.legalStart.length - 1 : 0,
    legalStart: seed ? room(seed.legalStart, 64) : new Int32Array(64),
    legalList: seed ? room(seed.legalList, 1024) : new Uint16Array(1024),
  };
}
