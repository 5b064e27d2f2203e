// What a learned step reads and writes, as masks over the packed words of a state (pack.ts): the
// independence test of the sleep sets (sleep.ts) is a few word operations on them. Filled by the
// transition cache (memo.ts) when it learns a step; indexed like its outcomes and legal lists.
import type { Packing } from './pack';
import { atLeast } from './arrays';

export interface Footprints {
  /** Words per mask (the packing's W). */
  readonly W: number;
  /** Outcome o's reads at o * W: every byte its path read, and every copy when it has a stale pass. */
  reads(): Int32Array;
  /** Outcome o's patch at o * W: every byte it may write (the stale pass's writes are not included). */
  patch(): Int32Array;
  /** Legal-list index k's legality reads at k * W: the bytes whyIllegal read for that event. */
  legality(): Int32Array;
  addOutcome(o: number, reads: Iterable<number>, patch: Iterable<number>): void;
  addLegality(k: number, reads: Iterable<number>): void;
  bytes(): number;
}

/** Footprints; when `kept` is false (no sleep sets to use them), nothing is recorded or held. */
export function createFootprints(P: Packing, kept = true): Footprints {
  const W = P.W;
  const initial = kept ? 1024 * W : 0;
  let reads = new Int32Array(initial);
  let patch = new Int32Array(initial);
  let legality = new Int32Array(initial);
  /** Sets the bits of byte positions ps in the mask at a[at ..] (cleared first). */
  const fill = (a: Int32Array, at: number, ps: Iterable<number>): void => {
    a.fill(0, at, at + W);
    for (const p of ps) a[at + P.word[p]] |= P.mask[p] << P.shift[p];
  };
  return {
    W,
    reads: () => reads,
    patch: () => patch,
    legality: () => legality,
    bytes: () => (reads.length + patch.length + legality.length) * 4,
    addOutcome(o, rs, ws) {
      if (!kept) return;
      reads = atLeast(reads, (o + 1) * W);
      patch = atLeast(patch, (o + 1) * W);
      fill(reads, o * W, rs);
      fill(patch, o * W, ws);
    },
    addLegality(k, rs) {
      if (!kept) return;
      legality = atLeast(legality, (k + 1) * W);
      fill(legality, k * W, rs);
    },
  };
}
