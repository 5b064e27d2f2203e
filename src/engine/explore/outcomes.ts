// The transition cache's outcomes: what one learned step does to an encoded state, as a byte patch,
// and the protocol that applies a patch to a state in place and puts the state back afterwards.
// The patch arrays are private to this file; memo.ts adds outcomes, the search applies them.
import type { Violation } from '../types';
import type { Layout } from './codec';
import type { Zobrist } from './zobrist';

/** A learned step: applied by Outcomes.apply, listed by Outcomes.add. */
export interface OutcomeSpec {
  /**
   * An owner (its owner-byte value) whose newest version the step raised: every copy it owns stops
   * being newest, before the patch. -1 for none.
   */
  stale: number;
  /** Bytes set to a value whatever they held before (the hash change depends on the old value). */
  dynamic: ReadonlyArray<readonly [pos: number, value: number]>;
  /** Bytes whose old value is the same in every state with this outcome: their hash change is fixed. */
  fixed: ReadonlyArray<readonly [pos: number, value: number]>;
  /** The hash change of the fixed bytes. */
  delta: number;
  violations: readonly Violation[];
}

export interface Outcomes {
  /** Stores an outcome; returns its number. */
  add(spec: OutcomeSpec): number;
  readonly count: number;
  /** The violations the step reports (an empty list for most). */
  violations(o: number): readonly Violation[];
  /**
   * Applies outcome o to the state at bytes[at ..], whose hash is `hash`, in place; returns the new
   * hash. What it overwrote is logged until the next apply, for `undo` and `unchanged`.
   */
  apply(o: number, bytes: Uint8Array, at: number, hash: number): number;
  /** Whether the last apply left every byte as it was. */
  unchanged(bytes: Uint8Array): boolean;
  /** Puts back the bytes the last apply overwrote (bytes: the same memory, or a copy of it grown). */
  undo(bytes: Uint8Array): void;
}

function grown<T extends Int32Array | Int16Array | Uint8Array | Uint16Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/**
 * Outcome o: if stale[o] >= 0, the stale pass; then bytes pos[start[o] .. start[o + 1]) are set to
 * val[...]. The hash changes by delta[o], and by z(old) ^ z(new) for pos[start[o] .. dyn[o]).
 */
export function createOutcomes(L: Layout, Z: Zobrist): Outcomes {
  let start = new Int32Array(1024);
  let dyn = new Int32Array(1024);
  let delta = new Int32Array(1024);
  let stale = new Int16Array(1024);
  let pos = new Int32Array(4096);
  let val = new Uint8Array(4096);
  const viol: (readonly Violation[])[] = [];
  let count = 0;
  const copies = L.copies;
  const zo = Z.off;
  const zz = Z.z;
  // The undo log: bytes overwritten by the last apply (a stale pass and a patch per copy at most).
  const undoPos = new Int32Array(4 * L.size);
  const undoVal = new Uint8Array(4 * L.size);
  let logged = 0;

  return {
    get count() {
      return count;
    },
    add(spec) {
      const o = count++;
      if (o + 2 > start.length) {
        const n = (o + 2) * 2;
        start = grown(start, n);
        dyn = grown(dyn, n);
        delta = grown(delta, n);
        stale = grown(stale, n);
      }
      let k = start[o];
      const n = spec.dynamic.length + spec.fixed.length;
      if (k + n > pos.length) {
        pos = grown(pos, (k + n) * 2);
        val = grown(val, (k + n) * 2);
      }
      for (const [p, v] of spec.dynamic.concat(spec.fixed)) {
        pos[k] = p;
        val[k++] = v;
      }
      dyn[o] = start[o] + spec.dynamic.length;
      delta[o] = spec.delta;
      stale[o] = spec.stale;
      start[o + 1] = k;
      viol[o] = spec.violations;
      return o;
    },
    violations: (o) => viol[o],
    apply(o, b, at, hash) {
      let h = hash ^ delta[o];
      let u = 0;
      const s = stale[o];
      if (s >= 0)
        for (let c = 0; c < copies.length; c++) {
          const f = copies[c] + 1;
          if (b[at + f - 1] === s && b[at + f] === 1) {
            h ^= zz[zo[f] + 1] ^ zz[zo[f]];
            undoPos[u] = at + f;
            undoVal[u++] = 1;
            b[at + f] = 0;
          }
        }
      let j = start[o];
      for (const end = dyn[o]; j < end; j++) {
        const p = pos[j];
        const old = b[at + p];
        h ^= zz[zo[p] + old] ^ zz[zo[p] + val[j]];
        undoPos[u] = at + p;
        undoVal[u++] = old;
        b[at + p] = val[j];
      }
      for (const end = start[o + 1]; j < end; j++) {
        const p = at + pos[j];
        undoPos[u] = p;
        undoVal[u++] = b[p];
        b[p] = val[j];
      }
      logged = u;
      return h;
    },
    unchanged(b) {
      // A byte may be logged twice (stale pass, then patch): its first entry holds the original.
      for (let i = 0; i < logged; i++) {
        let first = true;
        for (let q = 0; q < i && first; q++) if (undoPos[q] === undoPos[i]) first = false;
        if (first && b[undoPos[i]] !== undoVal[i]) return false;
      }
      return true;
    },
    undo(b) {
      for (let i = logged - 1; i >= 0; i--) b[undoPos[i]] = undoVal[i];
    },
  };
}
