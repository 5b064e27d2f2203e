// One worker of the partitioned (multi-core) search: it owns the states whose hash falls in its share,
// expands its part of each breadth-first level, and sends every successor it does not own to its
// owner, packed (pack.ts: the store's own words) in batches. A level ends when every worker has
// expanded its part and every batch has been delivered (the coordinator's barrier,
// partitionCoordinator.ts); the next level is then, in each worker, the states it stored meanwhile,
// which is exactly the single-core search's next level cut by owner. So the same states are found at
// the same depths: the same state count, violations and shortest lengths.
//
// Pure: it only sees messages (partitionProtocol.ts) through `post` and `handle`; the driver (Node's
// worker_threads, a Web Worker, or a queue in one thread) carries them and calls `advance`.
import { findVariant } from '../variants';
import { createFindings } from './findings';
import type {
  FromPartition,
  PartitionFound,
  PartitionSpec,
  PartitionStats,
  ToPartition,
} from './partitionProtocol';
import { defaultMaxStates } from './memory';
import { stateSpace } from './space';
import { createStore, FULL, MAX_STORE_STATES } from './store';
import { createExpander } from './successors';

/** Successors per batch sent to another worker. */
const BATCH = 8192;
/** Slots of the filter of successors recently sent (a power of two). */
const SENT_SLOTS = 1 << 15;
/** States expanded between two looks at the clock. */
const POLL_EVERY = 16;
const PROGRESS_EVERY_MS = 100;

/** Which worker owns a state of hash h: from the hash's high bits (the store's index uses the low ones). */
export const ownerOf = (h: number, workers: number): number =>
  Math.floor(((Math.imul(h, 0x9e3779b1) >>> 0) / 2 ** 32) * workers);

export interface PartitionWorker {
  handle(msg: ToPartition): void;
  /** True while it has states of the current level to expand. */
  busy(): boolean;
  /** Expands for at most budgetMs (default: to the end of its part of the level). */
  advance(budgetMs?: number): void;
}

/**
 * A worker for `spec`; everything it says goes to `post` (with the buffers it gives away). `claim`,
 * when given, counts new states over every worker and says whether one more fits the limit (an exact
 * state limit); without it each worker keeps an equal share of the limit.
 */
export function createPartitionWorker(
  spec: PartitionSpec,
  post: (msg: FromPartition, transfer: ArrayBuffer[]) => void,
  claim?: (limit: number) => boolean,
): PartitionWorker {
  const { workers: k, index: me, options: o } = spec;
  const variant = findVariant(spec.variant);
  if (!variant) throw new Error(`explorer: unknown variant "${spec.variant}"`);
  const space = stateSpace(spec.config, variant, { ...o, sleep: false, cacheSeed: spec.cache });
  const W = space.P.W;
  const limit = Math.min(o.maxStates ?? defaultMaxStates(W, o.maxBytes), MAX_STORE_STATES);
  // A parent is stored as a global id, local id × k + worker: each store holds at most 2^31 / k.
  const own = Math.min(claim ? MAX_STORE_STATES : Math.ceil(limit / k), Math.floor(0x7fffffff / k));
  const st = createStore(W, own, claim && (() => claim(limit)));
  space.st = st;
  const R = W + 3;
  const findings = createFindings(space.m, o.symmetry, space.orbitGroup);
  const foundLevel: number[] = [];
  const outbox = Array.from({ length: k }, () => new Int32Array(BATCH * R));
  const filled = new Int32Array(k);
  const sent = new Int32Array(SENT_SLOTS * (W + 1));
  let full = false;
  let cancelled = false;
  let level = -1;
  let levelStart = 0;
  let levelEnd = 0;
  let cursor = 0;
  let transitions = 0;
  let lastProgress = 0;

  const flush = (to: number): void => {
    if (filled[to] === 0) return;
    const batch = outbox[to].slice(0, filled[to] * R);
    filled[to] = 0;
    post({ type: 'states', to, batch }, [batch.buffer]);
  };

  space.route = (words, h, parent, e, sym) => {
    const gp = parent < 0 ? -1 : parent * k + me;
    const to = ownerOf(h, k);
    if (to === me) {
      const r = st.add(words, 0, h, gp, e, sym);
      if (r === FULL) full = true;
      return r;
    }
    // Sent before: it is in its owner's store already (at this depth or less).
    const slot = ((h ^ (h >>> 15)) & (SENT_SLOTS - 1)) * (W + 1);
    let i = 0;
    if (sent[slot + W] === 1) while (i < W && sent[slot + i] === words[i]) i++;
    if (i === W) return -1;
    for (i = 0; i < W; i++) sent[slot + i] = words[i];
    sent[slot + W] = 1;
    const box = outbox[to];
    const at = filled[to]++ * R;
    for (i = 0; i < W; i++) box[at + i] = words[i];
    box[at + W] = h;
    box[at + W + 1] = gp;
    box[at + W + 2] = e | (sym << 16);
    if (filled[to] === BATCH) flush(to);
    return -1;
  };
  const expander = createExpander(space, findings, () => (full = true));

  const stats = (): PartitionStats => ({
    count: st.count,
    levelStart,
    levelEnd,
    cursor,
    transitions,
    bytes: st.bytes() + (space.memo ? space.memo.stats().treeWords * 4 : 0) + sent.length * 4,
    full,
    cancelled,
    found: findings.count(),
    W,
    limit,
    cache: space.memo === null ? null : space.memo.stats(),
  });

  /** Its part of the level is done (or stopped): every batch goes out, then the news. */
  const finishLevel = (): void => {
    for (let to = 0; to < k; to++) flush(to);
    cursor = levelEnd;
    post({ type: 'expanded', stats: stats() }, []);
  };

  const receive = (batch: Int32Array<ArrayBuffer>): void => {
    for (let at = 0; at < batch.length; at += R) {
      const es = batch[at + W + 2];
      if (st.add(batch, at, batch[at + W], batch[at + W + 1], es & 0xffff, es >>> 16) === FULL) full = true;
    }
  };

  const report = (): PartitionFound[] =>
    findings.found().map((f, i) => ({
      parent: f.parent < 0 ? -1 : f.parent * k + me,
      event: f.event,
      kind: f.kind,
      ctx: f.ctx,
      key: f.key,
      level: foundLevel[i],
    }));

  /** Each id's parent and step, and its ancestors' while this worker owns them. */
  const chains = (ids: number[]): Int32Array<ArrayBuffer> => {
    const out: number[] = [];
    const done = new Set<number>();
    for (let id of ids)
      while (id >= 0 && id % k === me && !done.has(id)) {
        done.add(id);
        const local = (id - me) / k;
        const p = st.parent(local);
        out.push(id, p, st.event(local) | (st.sym(local) << 16));
        id = p;
      }
    return Int32Array.from(out);
  };

  const advance = (budgetMs = Infinity): void => {
    const deadline = performance.now() + budgetMs;
    let sincePoll = 0;
    while (cursor < levelEnd) {
      if (cancelled || full) {
        finishLevel();
        return;
      }
      transitions += expander.expand(cursor++);
      while (foundLevel.length < findings.count()) foundLevel.push(level);
      if (++sincePoll < POLL_EVERY) continue;
      sincePoll = 0;
      const now = performance.now();
      if (now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        post({ type: 'progress', stats: stats() }, []);
      }
      // Out of time with states left: the driver calls again (busy() says so).
      if (now >= deadline && cursor < levelEnd) return;
    }
    finishLevel();
  };

  return {
    busy: () => cursor < levelEnd,
    advance,
    handle(msg) {
      switch (msg.type) {
        case 'init':
          // The root is added by worker 0, which sends it to its owner like any successor.
          if (me === 0) expander.addRoot();
          finishLevel();
          return;
        case 'level':
          level = msg.level;
          levelStart = levelEnd;
          levelEnd = st.count;
          cursor = levelStart;
          if (cursor === levelEnd || cancelled || full) finishLevel();
          return;
        case 'states':
          receive(msg.batch);
          return;
        case 'barrier':
          post({ type: 'leveled', stats: stats() }, []);
          return;
        case 'cancel':
          cancelled = true;
          return;
        case 'report':
          post({ type: 'report', stats: stats(), found: report() }, []);
          return;
        case 'chains': {
          const entries = chains(msg.ids);
          post({ type: 'chains', entries }, [entries.buffer]);
          return;
        }
        default: {
          const never: never = msg;
          throw new Error(`explorer: unknown message ${JSON.stringify(never)}`);
        }
      }
    },
  };
}
