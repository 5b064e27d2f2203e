// The differential search (`check --unlike BASE`): the shortest event sequences on which a variant reports
// a violation that BASE, run on the same sequence, does not report at that step. Violations both report
// are not stops: the search goes on past them. A breadth-first search of the product: a state is the
// variant's encoded state beside the base's, so two sequences meet only when both machines agree, and
// every (kind, context) is first found at its shortest differential length. Each side steps through its
// own transition cache (memo.ts) and drops its own dead variables (dead.ts), both exact for what the
// side reports from then on; no renaming is applied (a renaming would have to act on both sides at once).
import { replay } from '../replay';
import type { Scenario, Violation } from '../types';
import type { Variant } from '../variants';
import { DEFAULT_MAX_SIGNAL_FRAMES } from './alphabet';
import { checkRange, encode } from './codec';
import { createFindings, type Counterexample } from './findings';
import { hashWords, pack, unpack } from './pack';
import { stateSpace } from './space';
import type { ExploreOptions, ExploreResult } from './searchTypes';
import { createStore, FULL, MAX_STORE_STATES } from './store';
import type { StateSpace } from './successors';

/** The options a differential search takes (no renamings, sleep sets or partitions). */
export type UnlikeOptions = Pick<
  ExploreOptions,
  | 'depth'
  | 'ops'
  | 'dead'
  | 'maxStates'
  | 'stopAtViolation'
  | 'timeLimitMs'
  | 'shouldStop'
  | 'maxSignalFrames'
>;

export interface UnlikeResult extends ExploreResult {
  /** The variant the sequences are compared with. */
  base: string;
}

type Space = StateSpace & { memory: unknown };

/** A side's packed initial state (dead fields at their fixed values). */
function root(sp: Space): Int32Array {
  const bytes = new Uint8Array(sp.L.size);
  encode(sp.L, sp.s0, bytes, 0);
  checkRange(sp.L, bytes, 0);
  const w = new Int32Array(sp.P.W);
  pack(sp.P, bytes, 0, w, 0);
  sp.dead?.(w);
  return w;
}

/** Whether `vs` (the base's violations on a step) has one of v's kind and owner. */
const reports = (vs: readonly Violation[], v: Violation): boolean =>
  vs.some((x) => x.kind === v.kind && x.owner === v.owner);

/**
 * Searches `variant` against `base` on the machine `sc` (the same alphabet: same machine, same ops). A
 * sequence is followed while every event is legal under both. Each reported sequence is replayed under
 * both: the variant reports the violation at its last event and the base does not (else this throws).
 */
export function exploreUnlike(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start' | 'sve' | 'vhe'>,
  variant: Variant,
  base: Variant,
  opts: UnlikeOptions,
): UnlikeResult {
  if (!Number.isInteger(opts.depth) || opts.depth < 0) throw new RangeError('depth must be an integer >= 0');
  const t0 = performance.now();
  const spOpts: ExploreOptions = { ...opts, symmetry: 'off', sleep: false, cache: true };
  const a = stateSpace(sc, variant, spOpts);
  const b = stateSpace(sc, base, spOpts);
  if (JSON.stringify(a.alphabet) !== JSON.stringify(b.alphabet))
    throw new Error(`explorer: ${variant.id} and ${base.id} do not have the same events on this machine`);
  const memoA = a.memo!;
  const memoB = b.memo!;
  const WA = a.P.W;
  const W = WA + b.P.W;
  const st = createStore(W, Math.min(opts.maxStates ?? MAX_STORE_STATES, MAX_STORE_STATES));
  const findings = createFindings(a.m, 'off', a.group);
  const key = new Int32Array(W);
  key.set(root(a), 0);
  key.set(root(b), WA);
  st.add(key, 0, hashWords(key, 0, W), -1, 0, 0);

  const wA = new Int32Array(WA);
  const wB = new Int32Array(b.P.W);
  const sA = new Int32Array(WA);
  const sB = new Int32Array(b.P.W);
  const curA = new Uint8Array(a.L.size);
  const curB = new Uint8Array(b.L.size);
  const legalB = new Uint8Array(a.alphabet.length);
  const mine: Violation[] = [];
  let transitions = 0;
  let stopped: ExploreResult['stopped'] = null;

  const expand = (id: number): void => {
    st.load(id, key, 0);
    wA.set(key.subarray(0, WA));
    wB.set(key.subarray(WA));
    unpack(a.P, wA, 0, curA, 0);
    unpack(b.P, wB, 0, curB, 0);
    legalB.fill(0);
    const setB = memoB.legal(curB, 0);
    for (let k = memoB.legalFrom(setB), end = memoB.legalFrom(setB + 1); k < end; k++)
      legalB[memoB.legalEvent(k)] = 1;
    const setA = memoA.legal(curA, 0);
    for (let k = memoA.legalFrom(setA), end = memoA.legalFrom(setA + 1); k < end; k++) {
      const e = memoA.legalEvent(k);
      if (!legalB[e]) continue; // compared only on sequences both run
      transitions++;
      const oA = memoA.lookup(e, curA, 0);
      const oB = memoB.lookup(e, curB, 0);
      const vsA = memoA.outcomes.violations(oA);
      if (vsA.length) {
        const vsB = memoB.outcomes.violations(oB);
        mine.length = 0;
        for (const v of vsA) if (!reports(vsB, v)) mine.push(v);
        if (mine.length) findings.note(mine, id, e);
      }
      sA.set(wA);
      sB.set(wB);
      memoA.outcomes.apply(oA, curA, sA);
      memoB.outcomes.apply(oB, curB, sB);
      a.dead?.(sA);
      b.dead?.(sB);
      key.set(sA, 0);
      key.set(sB, WA);
      if (st.add(key, 0, hashWords(key, 0, W), id, e, 0) === FULL) stopped = 'state-limit';
    }
  };

  let level = 0;
  let levelEnd = 1;
  let cursor = 0;
  let complete = opts.depth === 0;
  let exhausted = false;
  while (!complete && stopped === null) {
    if (cursor === levelEnd) {
      level++;
      levelEnd = st.count;
      if (level >= opts.depth || cursor === levelEnd) {
        complete = true;
        exhausted = cursor === st.count;
        break;
      }
      if (opts.stopAtViolation === 'depth' && findings.count() > 0) {
        stopped = 'violation';
        break;
      }
    }
    expand(cursor++);
    if (opts.stopAtViolation === true && findings.count() > 0) stopped = 'violation';
    if ((cursor & 63) !== 0) continue;
    if (opts.shouldStop?.()) stopped = 'cancelled';
    else if (opts.timeLimitMs !== undefined && performance.now() - t0 >= opts.timeLimitMs)
      stopped = 'time-limit';
  }

  const violations = findings.counterexamples(st, a.group, a.alphabet);
  for (const c of violations) checkUnlike(b, c);
  const explored = complete ? opts.depth : level;
  return {
    variant: variant.id,
    base: base.id,
    depth: opts.depth,
    ops: a.ops,
    maxSignalFrames: a.m.cfg.maxSignalFrames ?? DEFAULT_MAX_SIGNAL_FRAMES,
    states: st.count,
    transitions,
    seconds: (performance.now() - t0) / 1000,
    complete,
    stopped,
    exploredDepth: explored,
    exhausted,
    lastDepth: exhausted ? level - 1 : null,
    symmetries: 1,
    cache: sumStats(memoA.stats(), memoB.stats()),
    violations,
  };
}

/** The base, replayed on the counterexample's events, must run them all and not report its violation. */
function checkUnlike(b: Space, c: Counterexample): void {
  const r = replay(b.m, c.events);
  const last = c.events.length - 1;
  if (r.illegal || r.violations.some((v) => v.step === last && v.kind === c.kind && v.context === c.context))
    throw new Error(
      `explorer: ${b.m.variant.id} reports the ${c.kind} (${c.context ?? '-'}) of the differential search too; the product search is wrong`,
    );
}

const sumStats = (x: CacheStats, y: CacheStats): CacheStats => ({
  misses: x.misses + y.misses,
  outcomes: x.outcomes + y.outcomes,
  treeWords: x.treeWords + y.treeWords,
});
type CacheStats = { misses: number; outcomes: number; treeWords: number };
