// The visited-state store: encoded states packed end to end (state i at i * size), numbered in the
// order found (so breadth-first levels are id ranges), with an open-addressing hash index over them
// and, per state, how it was first reached (parent id, event index, symmetry used).

export interface Store {
  readonly size: number;
  count: number;
  bytes: Uint8Array;
  hashes: Int32Array;
  parent: Int32Array;
  event: Uint16Array;
  sym: Uint16Array;
  /** Slot -> id + 1 (0 = empty); length a power of two, at most half full. */
  index: Int32Array;
}

export function createStore(size: number, capacity = 1024): Store {
  return {
    size,
    count: 0,
    bytes: new Uint8Array(capacity * size),
    hashes: new Int32Array(capacity),
    parent: new Int32Array(capacity),
    event: new Uint16Array(capacity),
    sym: new Uint16Array(capacity),
    index: new Int32Array(capacity * 2),
  };
}

/** FNV-1a over n bytes, then a final mix so that the low bits (the slot) depend on every byte. */
export function hashBytes(b: Uint8Array, at: number, n: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ b[at + i], 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

function grow(st: Store): void {
  const cap = st.hashes.length * 2;
  const bytes = new Uint8Array(cap * st.size);
  bytes.set(st.bytes);
  st.bytes = bytes;
  const hashes = new Int32Array(cap);
  hashes.set(st.hashes);
  st.hashes = hashes;
  const parent = new Int32Array(cap);
  parent.set(st.parent);
  st.parent = parent;
  const event = new Uint16Array(cap);
  event.set(st.event);
  st.event = event;
  const sym = new Uint16Array(cap);
  sym.set(st.sym);
  st.sym = sym;
  const index = new Int32Array(cap * 2);
  const mask = index.length - 1;
  for (let id = 0; id < st.count; id++) {
    let slot = st.hashes[id] & mask;
    while (index[slot] !== 0) slot = (slot + 1) & mask;
    index[slot] = id + 1;
  }
  st.index = index;
}

/**
 * Adds the state key[at .. at + size) unless present. Returns its new id, or -1 when it was already
 * there. A new state's parent, event and symmetry are recorded.
 */
export function addState(
  st: Store,
  key: Uint8Array,
  at: number,
  parent: number,
  event: number,
  sym: number,
): number {
  const n = st.size;
  const h = hashBytes(key, at, n);
  const mask = st.index.length - 1;
  let slot = h & mask;
  for (;;) {
    const e = st.index[slot];
    if (e === 0) break;
    const id = e - 1;
    if (st.hashes[id] === h) {
      const base = id * n;
      let i = 0;
      while (i < n && st.bytes[base + i] === key[at + i]) i++;
      if (i === n) return -1;
    }
    slot = (slot + 1) & mask;
  }
  const id = st.count;
  if (id >= st.hashes.length) {
    grow(st);
    return addState(st, key, at, parent, event, sym);
  }
  st.bytes.set(key.subarray(at, at + n), id * n);
  st.hashes[id] = h;
  st.parent[id] = parent;
  st.event[id] = event;
  st.sym[id] = sym;
  st.index[slot] = id + 1;
  st.count = id + 1;
  return id;
}
