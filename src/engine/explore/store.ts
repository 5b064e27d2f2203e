// The visited-state store: encoded states packed end to end (state i at words i * W .. i * W + W - 1,
// the encoding's bytes padded with zeros to whole 32-bit words, compared a word at a time), numbered
// in the order found (so breadth-first levels are id ranges), with an open-addressing hash index over
// them and, per state, how it was first reached (parent id, event index, symmetry used). The caller
// supplies each state's hash (search.ts keeps Zobrist hashes, updated per changed byte).

export interface Store {
  /** Words per state. */
  readonly W: number;
  count: number;
  words: Int32Array;
  /** The same memory as `words`, byte by byte. */
  bytes: Uint8Array;
  hashes: Int32Array;
  parent: Int32Array;
  event: Uint16Array;
  sym: Uint16Array;
  /**
   * Open addressing over a power of two of slots, at most half full. A slot holds id + 1 in its low 26
   * bits (0 = empty) and the top 6 bits of the state's hash above them, so most slots of other states
   * are passed over without touching their words.
   */
  index: Int32Array;
}

/** States a store can hold: ids fit 26 bits. */
export const MAX_STORE_STATES = (1 << 26) - 2;
const ID_BITS = 0x03ffffff;

/** Words needed for an encoding of `size` bytes. */
export const wordsFor = (size: number): number => Math.ceil(size / 4);

export function createStore(W: number, capacity = 1 << 14): Store {
  const words = new Int32Array(capacity * W);
  return {
    W,
    count: 0,
    words,
    bytes: new Uint8Array(words.buffer),
    hashes: new Int32Array(capacity),
    parent: new Int32Array(capacity),
    event: new Uint16Array(capacity),
    sym: new Uint16Array(capacity),
    index: new Int32Array(capacity * 2),
  };
}

function grown<T extends Int32Array | Uint16Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

function grow(st: Store): void {
  const cap = st.hashes.length * 2;
  if (cap > MAX_STORE_STATES + 2) throw new Error(`explorer: more than ${MAX_STORE_STATES} states`);
  st.words = grown(st.words, cap * st.W);
  st.bytes = new Uint8Array(st.words.buffer);
  st.hashes = grown(st.hashes, cap);
  st.parent = grown(st.parent, cap);
  st.event = grown(st.event, cap);
  st.sym = grown(st.sym, cap);
  const index = new Int32Array(cap * 2);
  const mask = index.length - 1;
  for (let id = 0; id < st.count; id++) {
    const h = st.hashes[id];
    let slot = h & mask;
    while (index[slot] !== 0) slot = (slot + 1) & mask;
    index[slot] = (h & ~ID_BITS) | (id + 1);
  }
  st.index = index;
}

/**
 * Adds the state key[at .. at + W), whose hash is h, unless present. Returns its new id, or -1 when it
 * was already there. A new state's parent, event and symmetry are recorded. State `unlike` (or -1) is
 * known to differ from the key and is not compared (the key may be that state's own words, patched).
 */
export function addState(
  st: Store,
  key: Int32Array,
  at: number,
  h: number,
  parent: number,
  event: number,
  sym: number,
  unlike = -1,
): number {
  const W = st.W;
  const index = st.index;
  const mask = index.length - 1;
  const words = st.words;
  let slot = h & mask;
  for (;;) {
    const v = index[slot];
    if (v === 0) break;
    const id = (v & ID_BITS) - 1;
    if (((v ^ h) & ~ID_BITS) === 0 && id !== unlike) {
      const base = id * W;
      let i = 0;
      while (i < W && words[base + i] === key[at + i]) i++;
      if (i === W) return -1;
    }
    slot = (slot + 1) & mask;
  }
  const id = st.count;
  if (id >= st.hashes.length) {
    grow(st);
    return addState(st, key, at, h, parent, event, sym, unlike);
  }
  const to = st.words;
  for (let i = 0, b = id * W; i < W; i++) to[b + i] = key[at + i];
  st.hashes[id] = h;
  st.parent[id] = parent;
  st.event[id] = event;
  st.sym[id] = sym;
  index[slot] = (h & ~ID_BITS) | (id + 1);
  st.count = id + 1;
  return id;
}
