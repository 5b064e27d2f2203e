// The transition cache: what an event does to an encoded state, learned from the engine and replayed
// on the bytes without running the engine again.
//
// The step function is deterministic and reads the state only through MachineState (the machine
// config and the variant are fixed for a search). On a miss, the event is run once on a decoded state
// behind proxies that record which encoded bytes it reads, in order (track.ts; a byte written earlier
// in the same step is not recorded: its value follows from earlier reads). Any other state with the
// same values at those bytes takes the same path through the engine, so it has the same violations and
// the same new values at the bytes the step writes. The recorded reads are a path through a decision
// tree; its leaf holds the outcome as a byte patch.
//
// One tree says which events are legal (whyIllegal run for the whole alphabet), and one per event gives
// its outcome (keying the event trees by legal set as well would make them shorter but share far less
// and miss four times as often: measured). Two things the patch must also cover: a register or memory
// copy is encoded as (owner, isNewest), so if a step writes one half, the other half (when not
// written) is added to the reads; and when a step raises a context's newest version (abstract
// encoding), every other copy it owns stops being newest, which the outcome applies by owner byte. The cost counters are outside the
// encoding (the decoder zeroes them and nothing reads them to decide anything).
import { whyIllegal } from '../events';
import { stepInPlace, type Machine } from '../machine';
import type { MachineState } from '../state';
import type { ScenarioEvent, Violation } from '../types';
import { checkRange, decode, encode, type Layout } from './codec';
import { createTrace, H_BUMP, read, resetTrace, trackedState } from './track';
import { createOutcomes, H_STALE, type Outcomes } from './outcomes';
import type { Packing } from './pack';
import { createFootprints, type Footprints } from './footprint';
import { grown } from './arrays';
import { memoTables, type MemoSnapshot } from './memoSeed';

export type { MemoSnapshot } from './memoSeed';

/** The legal-set and per-event decision trees, and the outcomes their leaves name. */
export interface Memo {
  /** The set of events legal (by whyIllegal) in the state at bytes[at ..]. */
  legal(bytes: Uint8Array, at: number): number;
  /** Legal set s is the events legalEvent(k) for k from legalFrom(s) up to legalFrom(s + 1). */
  legalFrom(s: number): number;
  legalEvent(k: number): number;
  /** The outcome of legal event alphabet[e] on the state at bytes[at ..]. */
  lookup(e: number, bytes: Uint8Array, at: number): number;
  readonly outcomes: Outcomes;
  /** What each outcome and each legal-list entry reads and writes (for the sleep sets). */
  readonly footprints: Footprints;
  /** Decision-tree size (32-bit words), outcomes, and lookups that ran the engine. */
  stats(): { treeWords: number; outcomes: number; misses: number };
  /** Bytes the cache holds (every table, at its allocated length). */
  bytes(): number;
  /**
   * Whether outcome o is kept for the rest of the search. Once the cache is full, what it learns is
   * transient: valid until the next state's expansion starts (the next `legal` call).
   */
  kept(o: number): boolean;
  /** What it keeps, as plain data: another cache of the same search starts from it (`seed`). */
  snapshot(): MemoSnapshot;
}

export interface MemoOptions {
  /**
   * Bytes the cache may hold (memory.ts): once past them, or once its tree is full, it stops keeping
   * what it learns (answers stay the same: a step is then learned again each time it is needed).
   */
  budgetBytes?: number;
  /** Record what each step reads and writes, for the sleep sets (default true). */
  footprints?: boolean;
  /**
   * Start from what a cache of the same search (machine, variant, alphabet, encoding) learned: a
   * partitioned search's workers get what the one-thread trial learned, instead of each learning it.
   */
  seed?: MemoSnapshot;
}

/** Node pointers keep the byte read in their low bits and the children's offset above. */
const POS_BITS = 10;
const POS_MASK = (1 << POS_BITS) - 1;
/** Tree words: offsets must fit the 21 bits left in a positive Int32. */
const MAX_TREE = 1 << 21;

/**
 * The decision trees live in one Int32Array. A pointer to a node that reads byte p and whose children
 * start at offset c is (c << POS_BITS) | p, so a step down costs two dependent loads: the byte, then
 * the child tree[c + value]. A child is 0 for none yet, > 0 a node pointer, < 0 the leaf -(leaf + 1).
 * Offset 0 is unused so that no pointer is 0. Roots use the same coding: roots[0] for the legal sets,
 * and roots[1 + e] for event e. A full tree stops growing; outcomes are then still learned, not kept.
 */
export function createMemo(
  m: Machine,
  L: Layout,
  alphabet: readonly ScenarioEvent[],
  plain: MachineState,
  P: Packing,
  /** A check of every learned step (before, after, whether a byte was written): a message fails it. */
  check?: (before: Uint8Array, after: Uint8Array, written: (pos: number) => boolean) => string | null,
  opts: MemoOptions = {},
): Memo {
  const budget = opts.budgetBytes ?? Infinity;
  const A = alphabet.length;
  const seed = opts.seed;
  if (seed && (opts.footprints ?? true)) throw new Error('explorer: a seeded cache records no footprints');
  if (L.size > POS_MASK + 1) throw new Error(`explorer: a state of ${L.size} bytes is too large to cache`);
  const t = memoTables(A, seed);
  const roots = t.roots;
  let { tree, treeLen, sets, legalStart, legalList } = t;
  let misses = 0;
  const outcomes = createOutcomes(L, P, seed?.outcomes);
  const footprints = createFootprints(P, opts.footprints ?? true);
  // Full: nothing more is inserted in the tree; outcomes and legal sets from keptOutcomes and keptSets
  // on are transient, dropped when the next expansion starts.
  let full = false;
  let keptOutcomes = 0;
  let keptSets = 0;
  const heldBytes = (): number =>
    tree.length * 4 +
    roots.length * 4 +
    legalStart.length * 4 +
    legalList.length * 2 +
    outcomes.bytes() +
    footprints.bytes();
  const seal = (): void => {
    full = true;
    keptOutcomes = outcomes.count;
    keptSets = sets;
  };
  /** Whether what was just learned may be kept: not once full or past the budget. */
  const keeping = (): boolean => {
    if (!full && heldBytes() > budget) seal();
    return !full;
  };
  const tr = createTrace(L.size);
  const shadow = trackedState(L, plain, tr);
  const next = new Uint8Array(L.size);
  const out: Violation[] = [];
  // Each copy's owner byte (its isNewest byte follows): register files, then memory slots (then, on
  // SVE machines, sve_state's V and the H copies).
  const copies = [...Array.from(L.copies), ...Array.from(L.hCopies)];
  const allCopies = copies.flatMap((o) => [o, o + 1]);

  const memo: Memo = {
    legal(bytes, at) {
      if (full) {
        outcomes.truncate(keptOutcomes);
        sets = keptSets;
      }
      let n = roots[0];
      while (n > 0) n = tree[(n >>> POS_BITS) + bytes[at + (n & POS_MASK)]];
      return n < 0 ? -n - 1 : learnLegal(bytes, at);
    },
    lookup(e, bytes, at) {
      let n = roots[1 + e];
      while (n > 0) n = tree[(n >>> POS_BITS) + bytes[at + (n & POS_MASK)]];
      return n < 0 ? -n - 1 : learn(e, bytes, at);
    },
    legalFrom: (s) => legalStart[s],
    legalEvent: (k) => legalList[k],
    outcomes,
    footprints,
    stats: () => ({ treeWords: treeLen, outcomes: full ? keptOutcomes : outcomes.count, misses }),
    bytes: heldBytes,
    kept: (o) => !full || o < keptOutcomes,
    snapshot() {
      const n = full ? keptSets : sets;
      return {
        roots: roots.slice(),
        tree: tree.slice(0, treeLen),
        legalStart: legalStart.slice(0, n + 1),
        legalList: legalList.slice(0, legalStart[n]),
        outcomes: outcomes.snapshot(full ? keptOutcomes : outcomes.count),
      };
    },
  };

  const notAFunction = (): never => {
    throw new Error('explorer: the step read something outside the encoded state');
  };

  /** A new node reading byte pos: its pointer, or 0 when the tree is full (then sealed). */
  const alloc = (pos: number): number => {
    const c = treeLen;
    if (c + L.range[pos] > MAX_TREE) {
      seal();
      return 0;
    }
    treeLen += L.range[pos];
    if (treeLen > tree.length) tree = grown(tree, Math.min(MAX_TREE, Math.max(treeLen, tree.length * 2)));
    return (c << POS_BITS) | pos;
  };

  /** Adds the path of tr.reads (values from bytes) below root r, ending in leaf (unless the tree is full). */
  const insert = (r: number, bytes: Uint8Array, at: number, leaf: number): void => {
    const reads = tr.reads;
    let ref = -1; // where the current pointer lives: roots[r] (-1) or tree[ref]
    const get = (): number => (ref < 0 ? roots[r] : tree[ref]);
    const put = (v: number): void => {
      if (ref < 0) roots[r] = v;
      else tree[ref] = v;
    };
    for (let i = 0; ; i++) {
      let n = get();
      if (i === reads.length) {
        if (n !== 0) notAFunction();
        put(-(leaf + 1));
        return;
      }
      const p = reads[i];
      if (n === 0) {
        n = alloc(p);
        if (n === 0) return;
        put(n);
      } else if (n < 0 || (n & POS_MASK) !== p) notAFunction();
      const v = bytes[at + p];
      if (v >= L.range[p]) throw new Error(`explorer: value ${v} out of range at byte ${p}`);
      ref = (n >>> POS_BITS) + v;
    }
  };

  /** The bytes read in the current trace so far. */
  const seenNow = (): number[] => {
    const ps: number[] = [];
    for (let p = 0; p < L.size; p++) if (tr.seen[p] === tr.gen) ps.push(p);
    return ps;
  };

  const begin = (bytes: Uint8Array, at: number): void => {
    misses++;
    decode(L, bytes, at, plain);
    resetTrace(tr);
    out.length = 0;
  };

  const learnLegal = (bytes: Uint8Array, at: number): number => {
    begin(bytes, at);
    // Once per event, for its own legality reads; then once for all, for the tree's path.
    const list: number[] = [];
    const legalityReads: number[][] = [];
    for (let e = 0; e < A; e++) {
      resetTrace(tr);
      if (whyIllegal(m.cfg, shadow, alphabet[e]) !== null) continue;
      list.push(e);
      legalityReads.push(seenNow());
    }
    resetTrace(tr);
    for (let e = 0; e < A; e++) whyIllegal(m.cfg, shadow, alphabet[e]);
    const s = sets++;
    if (s + 2 > legalStart.length) legalStart = grown(legalStart, (s + 2) * 2);
    const from = legalStart[s];
    if (from + list.length > legalList.length) legalList = grown(legalList, (from + list.length) * 2);
    legalList.set(list, from);
    legalStart[s + 1] = from + list.length;
    legalityReads.forEach((rs, i) => footprints.addLegality(from + i, rs));
    if (keeping()) insert(0, bytes, at, s);
    return s;
  };

  const learn = (e: number, bytes: Uint8Array, at: number): number => {
    begin(bytes, at);
    if (stepInPlace(m, shadow, alphabet[e], 0, out) !== null)
      throw new Error(`explorer: event ${e} is in a legal set but whyIllegal rejects it`);
    encode(L, plain, next, 0);
    checkRange(L, next, 0);
    const failed = check?.(bytes.subarray(at, at + L.size), next, (p) => tr.written[p] === tr.gen) ?? null;
    if (failed !== null) throw new Error(`explorer: ${alphabet[e].op} on CPU ${alphabet[e].cpu}: ${failed}`);
    const patch: number[] = [];
    for (let p = 0; p < L.size; p++) if (tr.written[p] === tr.gen) patch.push(p);
    // One raised newest version is applied by owner (stale); several fall back to reading every copy.
    // An H version (SVE) is applied to the H copies: H_STALE + its owner byte.
    const b0 = tr.bumped.length === 1 ? tr.bumped[0] : -1;
    const stale = b0 < 0 ? -1 : b0 >= H_BUMP ? H_STALE + b0 - H_BUMP + 2 : b0 + 2;
    const isCopy = new Set<number>();
    for (const o of copies) {
      // A copy is (owner, isNewest): patch both halves if either may change, reading what is not written.
      if (tr.bumped.length < 2 && tr.written[o] !== tr.gen && tr.written[o + 1] !== tr.gen) continue;
      read(tr, o);
      read(tr, o + 1);
      if (tr.written[o] !== tr.gen) patch.push(o);
      if (tr.written[o + 1] !== tr.gen) patch.push(o + 1);
      isCopy.add(o).add(o + 1);
    }
    // Bytes read before the step wrote them have the same old value in every state with this outcome:
    // those left unchanged are dropped. With a stale pass first, the patched copies are all kept (the
    // pass may have changed them).
    const fixed = (p: number): boolean => tr.seen[p] === tr.gen && !(stale >= 0 && isCopy.has(p));
    const kept = patch.filter((p) => !fixed(p) || bytes[at + p] !== next[p]);
    const o = outcomes.add({ stale, patch: kept.map((p) => [p, next[p]] as const), violations: out.slice() });
    // The stale pass reads every copy (and writes isNewest of its owner's: found from the state).
    footprints.addOutcome(o, stale >= 0 ? [...seenNow(), ...allCopies] : seenNow(), kept);
    if (keeping()) insert(1 + e, bytes, at, o);
    return o;
  };

  return memo;
}
