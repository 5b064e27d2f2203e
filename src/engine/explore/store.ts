// The visited-state store, with no per-state object: each state is one record of W packed words
// (pack.ts) plus how it was first reached (parent id; event index and symmetry used, 16 bits each),
// in fixed-size pages so that growing never copies what is stored. States are numbered in the order
// found (breadth-first levels are id ranges). An open-addressing index (linear probing, at most 3/4
// full) finds a state by its words: each slot holds id + 1 in its low 26 bits and 6 bits of the
// state's hash above them, so most other states' slots are passed over without reading their words.
// Hashes are not stored: growing the index recomputes them from the words.
import { hashWords } from './pack';

/** States a store can hold: ids fit 26 bits. */
export const MAX_STORE_STATES = (1 << 26) - 2;
const ID_BITS = 0x03ffffff;
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
/** States per page of records (a page is allocated whole: memory.ts counts one ahead). */
export const STORE_PAGE_STATES = PAGE;
const PAGE_MASK = PAGE - 1;

export interface Store {
  /** Packed words per state. */
  readonly W: number;
  readonly count: number;
  /** Most states it will hold. */
  readonly limit: number;
  /** After add returned -1: the id of the state that was already there. */
  readonly found: number;
  /**
   * Adds the state key[at .. at + W) (hash h: hashWords of it) unless present. Returns its new id, -1
   * when it was already there, or FULL when the store holds its limit. A new state's parent, event
   * and symmetry are recorded.
   */
  add(key: Int32Array, at: number, h: number, parent: number, event: number, sym: number): number;
  /** Copies state id's words into out[outAt ..]. */
  load(id: number, out: Int32Array, outAt: number): void;
  parent(id: number): number;
  event(id: number): number;
  sym(id: number): number;
  /** Bytes of memory the store holds now (pages and index). */
  bytes(): number;
}

/** What add returns for a new state when the store is at its limit. */
export const FULL = -2;

/**
 * `claim`, when given, is asked before each new state is stored (a count shared by the stores of a
 * partitioned search, partition.ts): false makes add return FULL.
 */
export function createStore(W: number, limit = MAX_STORE_STATES, claim?: () => boolean): Store {
  const R = W + 2; // record: the words, the parent, event | sym << 16
  const pages: Int32Array[] = [];
  let index = new Int32Array(1 << 12);
  let count = 0;
  let found = -1;

  const record = (id: number): number => (id & PAGE_MASK) * R;

  const reindex = (): void => {
    const next = new Int32Array(index.length * 2);
    const mask = next.length - 1;
    for (let id = 0; id < count; id++) {
      const pg = pages[id >>> PAGE_BITS];
      const h = hashWords(pg, record(id), W);
      let slot = h & mask;
      while (next[slot] !== 0) slot = (slot + 1) & mask;
      next[slot] = (h & ~ID_BITS) | (id + 1);
    }
    index = next;
  };

  return {
    W,
    limit,
    get count() {
      return count;
    },
    get found() {
      return found;
    },
    add(key, at, h, parent, event, sym) {
      const mask = index.length - 1;
      let slot = h & mask;
      for (;;) {
        const v = index[slot];
        if (v === 0) break;
        if (((v ^ h) & ~ID_BITS) === 0) {
          const id = (v & ID_BITS) - 1;
          const pg = pages[id >>> PAGE_BITS];
          const b = record(id);
          let i = 0;
          while (i < W && pg[b + i] === key[at + i]) i++;
          if (i === W) {
            found = id;
            return -1;
          }
        }
        slot = (slot + 1) & mask;
      }
      const id = count;
      if (id >= limit || (claim !== undefined && !claim())) return FULL;
      if ((id & PAGE_MASK) === 0) pages.push(new Int32Array(PAGE * R));
      const pg = pages[id >>> PAGE_BITS];
      const b = record(id);
      for (let i = 0; i < W; i++) pg[b + i] = key[at + i];
      pg[b + W] = parent;
      pg[b + W + 1] = event | (sym << 16);
      index[slot] = (h & ~ID_BITS) | (id + 1);
      count = id + 1;
      if (count * 2 > index.length) reindex();
      return id;
    },
    load(id, out, outAt) {
      const pg = pages[id >>> PAGE_BITS];
      const b = record(id);
      for (let i = 0; i < W; i++) out[outAt + i] = pg[b + i];
    },
    parent: (id) => pages[id >>> PAGE_BITS][record(id) + W],
    event: (id) => pages[id >>> PAGE_BITS][record(id) + W + 1] & 0xffff,
    sym: (id) => pages[id >>> PAGE_BITS][record(id) + W + 1] >>> 16,
    bytes: () => pages.length * PAGE * R * 4 + index.length * 4,
  };
}
