// The transition cache's outcomes: what one learned step does to a state, as a patch of the packed
// words (pack.ts), and how it is applied to make a successor. The patch arrays are private to this
// file; memo.ts adds outcomes, successor generation applies them.
import type { Violation } from '../types';
import type { Layout } from './codec';
import type { Packing } from './pack';
import { grown } from './arrays';

/** A learned step, as memo.ts hands it over. */
export interface OutcomeSpec {
  /**
   * An owner (its owner-byte value) whose newest version the step raised: every copy it owns stops
   * being newest, before the patch. -1 for none.
   */
  stale: number;
  /** Encoding bytes the step may change, with their new values. */
  patch: ReadonlyArray<readonly [pos: number, value: number]>;
  violations: readonly Violation[];
}

export interface Outcomes {
  /** Stores an outcome; returns its number. */
  add(spec: OutcomeSpec): number;
  readonly count: number;
  /** Forgets every outcome numbered n or above (the cache's transient ones, memo.ts). */
  truncate(n: number): void;
  /** Bytes held (the arrays' lengths, and a pointer per violation list). */
  bytes(): number;
  /** The violations the step reports (an empty list for most). */
  violations(o: number): readonly Violation[];
  /**
   * Makes the successor: `words` holds the packed parent on entry and the packed successor on return;
   * `bytes` is the parent's encoding (not changed).
   */
  apply(o: number, bytes: Uint8Array, words: Int32Array): void;
  /** Outcomes 0 .. n - 1 as plain data (a worker's cache is seeded with them, memo.ts). */
  snapshot(n: number): OutcomesSnapshot;
}

/** Outcomes as plain data: the tables below, cut to their first `count` outcomes. */
export interface OutcomesSnapshot {
  count: number;
  start: Int32Array<ArrayBuffer>;
  stale: Int16Array<ArrayBuffer>;
  w: Int32Array<ArrayBuffer>;
  keep: Int32Array<ArrayBuffer>;
  set: Int32Array<ArrayBuffer>;
  viol: (readonly Violation[])[];
}

/** An outcome's stale value at or above this names an owner byte (+ H_STALE) whose H copies go stale. */
export const H_STALE = 4096;

/** The violations of most outcomes: none, one shared list. */
const NONE: readonly Violation[] = Object.freeze([]);

/**
 * Outcome o: if stale[o] >= 0, the stale pass; then for j in start[o] .. start[o + 1], word w[j] is
 * set to (word & keep[j]) | set[j] (the patch's bytes merged per word).
 */
export function createOutcomes(L: Layout, P: Packing, seed?: OutcomesSnapshot): Outcomes {
  const n0 = seed?.count ?? 0;
  const at = (a: Int32Array<ArrayBuffer> | undefined, min: number): Int32Array<ArrayBuffer> =>
    a ? grown(a, Math.max(min, a.length * 2)) : new Int32Array(min);
  let start = at(seed?.start, 1024);
  let stale = seed ? grown(seed.stale, Math.max(1024, seed.stale.length * 2)) : new Int16Array(1024);
  let w = at(seed?.w, 2048);
  let keep = at(seed?.keep, 2048);
  let set = at(seed?.set, 2048);
  const viol: (readonly Violation[])[] = seed ? seed.viol.map((v) => (v.length === 0 ? NONE : v)) : [];
  let count = n0;
  /** Bytes of the violation lists kept (most outcomes share NONE). */
  let violBytes = 0;
  for (const vs of viol) for (const v of vs) violBytes += 64 + 2 * v.message.length;
  // Per copy: its owner byte, and where its isNewest bit lives.
  const owners = L.copies;
  const newestWord = Int32Array.from(owners, (p) => P.word[p + 1]);
  const newestBit = Int32Array.from(owners, (p) => 1 << P.shift[p + 1]);
  const hOwners = L.hCopies;
  const hNewestWord = Int32Array.from(hOwners, (p) => P.word[p + 1]);
  const hNewestBit = Int32Array.from(hOwners, (p) => 1 << P.shift[p + 1]);

  return {
    get count() {
      return count;
    },
    add(spec) {
      const o = count++;
      if (o + 2 > start.length) {
        start = grown(start, (o + 2) * 2);
        stale = grown(stale, (o + 2) * 2);
      }
      const byWord = new Map<number, [keep: number, set: number]>();
      for (const [p, v] of spec.patch) {
        const m = byWord.get(P.word[p]) ?? [-1, 0];
        m[0] &= ~(P.mask[p] << P.shift[p]);
        m[1] |= v << P.shift[p];
        byWord.set(P.word[p], m);
      }
      let k = start[o];
      if (k + byWord.size > w.length) {
        const n = (k + byWord.size) * 2;
        w = grown(w, n);
        keep = grown(keep, n);
        set = grown(set, n);
      }
      for (const [word, [kp, st]] of byWord) {
        w[k] = word;
        keep[k] = kp;
        set[k++] = st;
      }
      start[o + 1] = k;
      stale[o] = spec.stale;
      viol[o] = spec.violations.length === 0 ? NONE : spec.violations;
      // A list and its violations: about 64 bytes each, plus their messages.
      for (const v of spec.violations) violBytes += 64 + 2 * v.message.length;
      return o;
    },
    truncate(n) {
      if (n >= count) return;
      for (let o = n; o < count; o++) for (const v of viol[o]) violBytes -= 64 + 2 * v.message.length;
      // The lists past n stay until overwritten: shrinking the array would copy it on every expansion.
      count = n;
    },
    bytes: () =>
      start.length * 4 +
      stale.length * 2 +
      (w.length + keep.length + set.length) * 4 +
      viol.length * 8 +
      violBytes,
    violations: (o) => viol[o],
    snapshot(n) {
      const words = start[n];
      return {
        count: n,
        start: start.slice(0, n + 1),
        stale: stale.slice(0, n),
        w: w.slice(0, words),
        keep: keep.slice(0, words),
        set: set.slice(0, words),
        viol: viol.slice(0, n),
      };
    },
    apply(o, bytes, words) {
      const s = stale[o];
      if (s >= H_STALE) {
        const h = s - H_STALE;
        for (let c = 0; c < hOwners.length; c++) {
          const f = hOwners[c];
          if (bytes[f] === h && bytes[f + 1] === 1) words[hNewestWord[c]] &= ~hNewestBit[c];
        }
      } else if (s >= 0)
        for (let c = 0; c < owners.length; c++) {
          const f = owners[c];
          if (bytes[f] === s && bytes[f + 1] === 1) words[newestWord[c]] &= ~newestBit[c];
        }
      for (let j = start[o], end = start[o + 1]; j < end; j++) words[w[j]] = (words[w[j]] & keep[j]) | set[j];
    },
  };
}
