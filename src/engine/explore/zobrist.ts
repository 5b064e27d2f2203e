// Zobrist hashing of encodings: the XOR of one fixed random word per (byte position, value), so that a
// successor's hash follows from its parent's by the few bytes that changed.
import type { Layout } from './codec';

export interface Zobrist {
  /** Per byte position, where its values' words start in z. */
  off: Int32Array;
  z: Int32Array;
}

export function makeZobrist(L: Layout): Zobrist {
  const off = new Int32Array(L.size);
  let n = 0;
  for (let p = 0; p < L.size; p++) {
    off[p] = n;
    n += L.range[p];
  }
  const z = new Int32Array(n);
  // mulberry32 with a fixed seed: the same hashes on every run.
  let a = 0x2545f491;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    z[i] = t ^ (t >>> 14);
  }
  return { off, z };
}

export function zobrist(Z: Zobrist, bytes: Uint8Array, at: number, size: number): number {
  let h = 0;
  for (let p = 0; p < size; p++) h ^= Z.z[Z.off[p] + bytes[at + p]];
  return h;
}
