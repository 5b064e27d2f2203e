// The explorer's memory, counted and bounded. Every structure that grows with a search is either per
// stored state (the store's record and index; the sleep sets of two levels), bounded by a budget (the
// transition cache, memo.ts), or fixed for the search (the canonical-form cache). The bound a search
// states before it starts (and reports as "memory X of Y") is
//
//   RUNTIME_BYTES + cache budget + fixed tables + one store page + maxStates x bytes a state
//
// and the default state limit is the largest that keeps it within maxBytes. What the search really
// uses is read through a callback (the engine is pure: the CLI passes Node's resident set size, the
// app's worker what the browser says), else the bytes counted here are reported, and labelled so.
import { MAX_STORE_STATES, STORE_PAGE_STATES } from './store';

/** The memory the default state limit is sized to. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/**
 * What the process itself takes besides the search's own tables: the runtime and code (Node and the
 * CLI: 55 to 70 MB resident at the start of a search, measured), plus room for the garbage the engine
 * makes between two collections while the cache learns.
 */
export const RUNTIME_BYTES = 128 * 1024 ** 2;

/** The transition cache's budget by default: it stops keeping what it learns beyond (memo.ts). */
export const DEFAULT_CACHE_BYTES = 32 * 1024 ** 2;

/**
 * Bytes a stored state can take for a packing of W words: its record (W + 2 words, store.ts) and
 * up to 6 index slots of 4 bytes (the index doubles when half full, so 2 to 4 slots a state, and
 * just after a doubling the old index, 2 slots a state, is alive until it is collected).
 */
export const storeBytesPerState = (W: number): number => (W + 2) * 4 + 24;

/** Bytes a state adds to the sleep sets (a set per state of the level expanded and the next). */
export const sleepBytesPerState = (alphabetSize: number): number => 2 * 4 * Math.ceil(alphabetSize / 32);

/** What a search's bound is computed from. */
export interface MemoryShape {
  /** Packed words per state. */
  W: number;
  /** Bytes of tables fixed for the search (the canonical-form cache). */
  fixedBytes: number;
  /** The transition cache's budget (0 without the cache). */
  cacheBytes: number;
  /** Extra bytes per state beyond the store's (sleep sets), 0 when none. */
  extraPerState: number;
}

/** Bytes a state takes in the bound. */
const perState = (s: MemoryShape): number => storeBytesPerState(s.W) + s.extraPerState;

/** Bytes that do not grow with the states: the runtime, the cache, fixed tables, a store page ahead. */
const baseBytes = (s: MemoryShape): number =>
  RUNTIME_BYTES + s.cacheBytes + s.fixedBytes + STORE_PAGE_STATES * (s.W + 2) * 4;

/** The most memory a search of this shape may take with at most maxStates states. */
export const boundBytes = (s: MemoryShape, maxStates: number): number =>
  baseBytes(s) + maxStates * perState(s);

/**
 * The default state limit: as many states as keep boundBytes within maxBytes, at most
 * MAX_STORE_STATES (and at least one page, so a tiny maxBytes still searches a little).
 */
export function defaultMaxStates(
  W: number,
  maxBytes = DEFAULT_MAX_BYTES,
  shape: Partial<MemoryShape> = {},
): number {
  const s: MemoryShape = {
    W,
    fixedBytes: shape.fixedBytes ?? 0,
    cacheBytes: shape.cacheBytes ?? cacheBudget(maxBytes),
    extraPerState: shape.extraPerState ?? 0,
  };
  const room = Math.floor((maxBytes - baseBytes(s)) / perState(s));
  return Math.max(STORE_PAGE_STATES, Math.min(MAX_STORE_STATES, room));
}

/** The cache's budget for a memory limit: DEFAULT_CACHE_BYTES, or a sixteenth of a smaller limit. */
export const cacheBudget = (maxBytes = DEFAULT_MAX_BYTES): number =>
  Math.min(DEFAULT_CACHE_BYTES, Math.floor(maxBytes / 16));

/**
 * A reading of the memory the search's process (or worker) holds, from the host. `source` says what
 * was measured: 'resident' the process's resident set size (Node); 'browser' what the browser
 * measured for the page and its workers (measureUserAgentSpecificMemory); 'js-heap' the JavaScript
 * heap only (Chrome's performance.memory), to which the search adds the tables it counts, as typed
 * arrays live outside that heap.
 */
export interface MemoryReading {
  bytes: number;
  /** The most resident at any time so far (Node: the process's peak RSS), when known. */
  peak?: number;
  source: 'resident' | 'browser' | 'js-heap';
}

/** What a search reports of its memory. */
export interface MemoryReport {
  /** The process's use when the host measured it, else the bytes counted. */
  bytes: number;
  /** 'counted': the search's own tables only, as no host reading was given. */
  source: MemoryReading['source'] | 'counted';
  /** The search's own tables: store, cache, sleep sets and fixed tables. */
  counted: number;
  /** The highest reading (or count) seen so far. */
  peak: number;
  /** The first reading (or count), taken when the search was set up: peak - start is its growth. */
  start: number;
  /** The stated bound at the state limit. */
  bound: number;
}

/** Keeps the highest reading, and turns counted bytes and a host reading into a report. */
export function createMemoryMeter(
  shape: MemoryShape,
  maxStates: number,
  read: (() => MemoryReading | null) | undefined,
): (counted: number) => MemoryReport {
  const bound = boundBytes(shape, maxStates);
  let peak = 0;
  let start = -1;
  return (counted) => {
    const r = read?.() ?? null;
    const bytes = r === null ? counted : r.source === 'js-heap' ? r.bytes + counted : r.bytes;
    if (start < 0) start = bytes;
    peak = Math.max(peak, bytes, r?.peak ?? 0);
    return { bytes, source: r?.source ?? 'counted', counted, peak, start, bound };
  };
}
