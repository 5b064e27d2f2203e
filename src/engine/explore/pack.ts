// Bit-packing of encodings for the state store: byte p of an encoding takes values 0 .. range[p] - 1,
// so it is stored in just enough bits, fields never straddling a 32-bit word. A state of the
// reference machine (48 bytes) packs into 3 words. Bytes stay the working form (the transition cache
// reads them); packed words are what is stored, compared and hashed.
import type { Layout } from './codec';

export interface Packing {
  /** Words per packed state. */
  readonly W: number;
  /** Per byte position: its word, its bit offset in the word, and its mask (unshifted). */
  readonly word: Int32Array;
  readonly shift: Int32Array;
  readonly mask: Int32Array;
}

export function makePacking(L: Layout): Packing {
  const word = new Int32Array(L.size);
  const shift = new Int32Array(L.size);
  const mask = new Int32Array(L.size);
  let w = 0;
  let used = 0;
  for (let p = 0; p < L.size; p++) {
    const bits = Math.max(1, Math.ceil(Math.log2(L.range[p])));
    if (used + bits > 32) {
      w++;
      used = 0;
    }
    word[p] = w;
    shift[p] = used;
    mask[p] = bits === 32 ? -1 : (1 << bits) - 1;
    used += bits;
  }
  return { W: w + 1, word, shift, mask };
}

/** Packs the encoding at bytes[at ..] into out[outAt .. outAt + W). */
export function pack(P: Packing, bytes: Uint8Array, at: number, out: Int32Array, outAt: number): void {
  out.fill(0, outAt, outAt + P.W);
  const { word, shift } = P;
  for (let p = 0; p < word.length; p++) out[outAt + word[p]] |= bytes[at + p] << shift[p];
}

/** Unpacks words[wAt .. wAt + W) into the encoding at bytes[at ..]. */
export function unpack(P: Packing, words: Int32Array, wAt: number, bytes: Uint8Array, at: number): void {
  const { word, shift, mask } = P;
  for (let p = 0; p < word.length; p++) bytes[at + p] = (words[wAt + word[p]] >>> shift[p]) & mask[p];
}

/** A hash of words[at .. at + n): multiply-xorshift per word, then a final avalanche. */
export function hashWords(words: Int32Array, at: number, n: number): number {
  let h = 0x2545f491 ^ n;
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ words[at + i], 0x9e3779b1);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
