// The explorer on every core (check --workers N): N worker threads, each running one worker of the
// partitioned search (src/engine/explore/partition.ts, through partitionWorker.ts), this thread
// running its coordinator. Same answer as the single-core search, same progress and Ctrl-C.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createSearch, exploreAsync, type ExploreOptions, type ExploreResult } from '../engine/explore';
import { createCoordinator } from '../engine/explore/partitionCoordinator';
import { partitionOptions } from '../engine/explore/partitionLocal';
import type { FromPartition } from '../engine/explore/partitionProtocol';
import type { Scenario, Variant } from '../engine';
import type { CounterMessage, PartitionWorkerData, ReadyMessage } from './partitionWorker';

/** How often a stop asked through shouldStop (Ctrl-C) is looked for. */
const STOP_POLL_MS = 10;

/** Without --workers: a search runs this long on one thread before it moves to every core. */
export const TRIAL_MS = 300;

/** --workers' default: every core there is. */
export const defaultWorkers = (): number => Math.max(1, os.availableParallelism());

/**
 * A worker thread: the built CLI is one file, which starts a partition worker when it is loaded as
 * one (main.ts); from the TypeScript sources (tsx, vitest), partitionWorker.ts behind tsx's loader,
 * which worker threads do not inherit.
 */
function startWorker(workerData: PartitionWorkerData): Worker {
  const here = import.meta.url;
  // Built: this module is a chunk (dist-cli/chunks/) of the entry file, which starts a partition worker
  // when it is loaded as one (main.ts).
  if (!here.endsWith('.ts'))
    return new Worker(new URL(here.includes('/chunks/') ? '../fpsimd-viz.mjs' : here, here), { workerData });
  const entry = JSON.stringify(new URL('./partitionWorker.ts', here).href);
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * The worker threads, started at the first multi-core search and kept for the next ones (the gallery
 * and the bench run several): each search sends every thread an `init`, which replaces its worker.
 * They do not keep the process alive (unref); a search's own timer does while it runs.
 */
const pool: Worker[] = [];
/** Per pool thread: settled once it has loaded (it says so), failed or exited. */
const ready: Promise<void>[] = [];
let listen: ((w: number, m: FromPartition | { type: 'exit'; code: number } | Error) => void) | null = null;

function threads(n: number): Worker[] {
  while (pool.length < n) {
    const w = pool.length;
    const t = startWorker({ fpsimdPartition: true });
    let loaded = (): void => undefined;
    ready[w] = new Promise<void>((resolve) => (loaded = resolve));
    t.on('message', (m: FromPartition | ReadyMessage) => {
      if ('fpsimdReady' in m) loaded();
      else listen?.(w, m);
    });
    t.on('error', (e) => {
      loaded();
      listen?.(w, e);
    });
    t.on('exit', (code) => {
      loaded();
      // A thread that ended is not used again (the next search starts a new one in its place).
      pool.length = Math.min(pool.length, w);
      ready.length = pool.length;
      listen?.(w, { type: 'exit', code });
    });
    t.unref(); // after the listeners, which would hold it again
    pool.push(t);
  }
  return pool.slice(0, n);
}

/** Ends the pool's threads (tests; the command line just exits). */
export async function closeWorkerPool(): Promise<void> {
  const all = pool.splice(0);
  ready.length = 0;
  await Promise.all(all.map((t) => t.terminate()));
}

/** Runs the search on `workers` threads (see above). */
export async function exploreParallel(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions,
  workers: number,
): Promise<ExploreResult> {
  if (listen !== null) throw new Error('explorer: one multi-core search at a time');
  const ts = threads(workers);
  // The count of states over every thread, for an exact state limit: sent before `init`.
  const counter = new SharedArrayBuffer(4);
  ts.forEach((t) => t.postMessage({ fpsimdCounter: counter } satisfies CounterMessage));
  const coord = createCoordinator(
    sc,
    variant,
    partitionOptions(opts),
    workers,
    (w, m, transfer) => ts[w].postMessage(m, transfer),
    {
      onProgress: opts.onProgress,
      progressEveryMs: opts.progressEveryMs,
      timeLimitMs: opts.timeLimitMs,
      memoryUsage: opts.memoryUsage,
      cacheSeed: opts.cacheSeed,
    },
  );
  let failure: ((e: Error) => void) | null = null;
  const failed = new Promise<never>((_, reject) => (failure = reject));
  listen = (w, m) => {
    if (m instanceof Error) failure?.(m);
    else if (m.type === 'exit') failure?.(new Error(`explorer: worker ${w} exited (code ${m.code})`));
    else
      try {
        coord.handle(w, m);
      } catch (e) {
        failure?.(e instanceof Error ? e : new Error(String(e)));
      }
  };
  const stop = setInterval(() => {
    if (opts.shouldStop?.()) coord.cancel();
    coord.tick();
  }, STOP_POLL_MS);
  try {
    return await Promise.race([coord.result, failed]);
  } catch (e) {
    // A thread that failed may be anywhere in its protocol: start afresh next time.
    await closeWorkerPool();
    throw e;
  } finally {
    clearInterval(stop);
    listen = null;
  }
}

/**
 * The search on `workers` threads, or in this thread for one worker (or sleep sets, which the
 * partitioned search does not have, or a stop at the first violation found): the single-core search,
 * sliced as exploreAsync is. Otherwise the threads are started, and the search runs in this thread
 * meanwhile (a trial), until they have loaded and for at least `trialMs`; the threads' transition
 * caches start from what the trial learned (learning is most of the first levels' work, and each
 * thread would learn the same). With `trialMs` > 0 a search that ends in the trial is its own answer
 * (a small search is not worth threads); with 0 (`--workers` given) the search always runs on the
 * threads. The trial's states are searched again there; its time is counted in the result.
 */
export async function exploreOnCores(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: Parameters<typeof exploreAsync>[2],
  workers: number,
  trialMs = 0,
): Promise<ExploreResult> {
  // Sleep sets, and a stop at the very first violation (the gallery's: one to show), are one thread's.
  if (workers <= 1 || opts.sleep || opts.stopAtViolation === true) return exploreAsync(sc, variant, opts);
  threads(workers);
  let loaded = false;
  void Promise.all(ready.slice(0, workers)).then(() => (loaded = true));
  const t0 = performance.now();
  const trial = createSearch(sc, variant, { ...opts, shouldStop: undefined });
  const pause = opts.yieldTo ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  for (;;) {
    if (trial.advance(opts.sliceMs ?? 10)) {
      const r = trial.result();
      // Ctrl-C or a limit is the answer (the threads would stop as soon or sooner); --workers given, a
      // finished search (or --first's) runs again on the threads, as asked.
      if (trialMs > 0 || (r.stopped !== null && r.stopped !== 'violation')) return r;
      await Promise.all(ready.slice(0, workers));
      break;
    }
    if (loaded && performance.now() - t0 >= trialMs) break;
    await pause();
    if (opts.shouldStop?.()) trial.cancel();
  }
  const offset = (performance.now() - t0) / 1000;
  const cacheSeed = trial.cacheSnapshot() ?? undefined;
  const onProgress = opts.onProgress;
  const r = await exploreParallel(
    sc,
    variant,
    {
      ...opts,
      cacheSeed,
      onProgress: onProgress && ((p) => onProgress({ ...p, seconds: p.seconds + offset })),
      timeLimitMs: opts.timeLimitMs === undefined ? undefined : Math.max(0, opts.timeLimitMs - offset * 1000),
    },
    workers,
  );
  return { ...r, seconds: r.seconds + offset };
}
