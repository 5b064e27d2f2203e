// The explorer on every core (check --workers N): N worker threads, each running one worker of the
// partitioned search (src/engine/explore/partition.ts, through partitionWorker.ts), this thread
// running its coordinator. Same answer as the single-core search, same progress and Ctrl-C.
import { Worker } from 'node:worker_threads';
import { createSearch, exploreAsync, type ExploreOptions, type ExploreResult } from '../engine/explore';
import { createCoordinator } from '../engine/explore/partitionCoordinator';
import { partitionOptions } from '../engine/explore/partitionLocal';
import type { FromPartition } from '../engine/explore/partitionProtocol';
import type { Scenario, Variant } from '../engine';
import type { PartitionWorkerData } from './partitionWorker';

/** How often a stop asked through shouldStop (Ctrl-C) is looked for. */
const STOP_POLL_MS = 10;

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

/** Runs the search on `workers` threads (see above). */
export async function exploreParallel(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions,
  workers: number,
): Promise<ExploreResult> {
  const data: PartitionWorkerData = { fpsimdPartition: true, counter: new SharedArrayBuffer(4) };
  const threads = Array.from({ length: workers }, () => startWorker(data));
  const coord = createCoordinator(
    sc,
    variant,
    partitionOptions(opts),
    workers,
    (w, m, transfer) => threads[w].postMessage(m, transfer),
    { onProgress: opts.onProgress, progressEveryMs: opts.progressEveryMs },
  );
  let failure: ((e: Error) => void) | null = null;
  const failed = new Promise<never>((_, reject) => (failure = reject));
  threads.forEach((t, w) => {
    t.on('message', (m: FromPartition) => {
      try {
        coord.handle(w, m);
      } catch (e) {
        failure?.(e instanceof Error ? e : new Error(String(e)));
      }
    });
    t.on('error', (e) => failure?.(e));
    t.on('exit', (code) => failure?.(new Error(`explorer: worker ${w} exited (code ${code})`)));
  });
  const stop = setInterval(() => {
    if (opts.shouldStop?.()) coord.cancel();
  }, STOP_POLL_MS);
  try {
    return await Promise.race([coord.result, failed]);
  } finally {
    clearInterval(stop);
    failure = null;
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

/**
 * The search on `workers` threads, or in this thread for one worker (or sleep sets, which the
 * partitioned search does not have): the single-core search, sliced as exploreAsync is. With
 * `trialMs`, the search first runs in this thread for that long, and goes to the threads only if it
 * has not finished: a small search is not worth starting threads for (the trial's work is then done
 * again; its time is counted in the result).
 */
export async function exploreOnCores(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: Parameters<typeof exploreAsync>[2],
  workers: number,
  trialMs = 0,
): Promise<ExploreResult> {
  if (workers <= 1 || opts.sleep) return exploreAsync(sc, variant, opts);
  let offset = 0;
  if (trialMs > 0) {
    const t0 = performance.now();
    const trial = createSearch(sc, variant, { ...opts, shouldStop: undefined });
    const pause = opts.yieldTo ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
    for (;;) {
      if (trial.advance(opts.sliceMs ?? 10)) return trial.result();
      if (performance.now() - t0 >= trialMs) break;
      await pause();
      if (opts.shouldStop?.()) trial.cancel();
    }
    offset = (performance.now() - t0) / 1000;
  }
  const onProgress = opts.onProgress;
  const r = await exploreParallel(
    sc,
    variant,
    { ...opts, onProgress: onProgress && ((p) => onProgress({ ...p, seconds: p.seconds + offset })) },
    workers,
  );
  return { ...r, seconds: r.seconds + offset };
}
