// The explorer on every core in the browser: the explorer's worker (exploreJob.ts) runs the
// partitioned search's coordinator and starts one Web Worker per core for its workers
// (partition.worker.ts), kept for the next search. The batches of states between them are transferred
// typed arrays; the exact state limit needs shared memory, which a page has only when cross-origin
// isolated: otherwise each worker keeps an equal share of the limit.
import type { Variant } from '../engine';
import type { Counterexample, ExploreOptions, ExploreResult } from '../engine/explore';
import { createCoordinator } from '../engine/explore/partitionCoordinator';
import { partitionOptions } from '../engine/explore/partitionLocal';
import type { FromPartition } from '../engine/explore/partitionProtocol';
import type { ExploreConfig } from './protocol';

/** Sent to each worker before a search's `init`: the shared count of states, or null. */
export interface CounterMessage {
  fpsimdCounter: SharedArrayBuffer | null;
}

/** How often a cancel and the time limit are looked for. */
const TICK_MS = 20;

const pool: Worker[] = [];
let listen: ((w: number, m: FromPartition | Error) => void) | null = null;

/** Web Workers can be started here (the explorer's worker in a browser; not jsdom, not Node). */
export const canStartWorkers = (): boolean => typeof Worker !== 'undefined';

/** Every core the browser reports (navigator.hardwareConcurrency), at least 1. */
export const coresHere = (): number =>
  Math.max(
    1,
    (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1,
  );

function workers(n: number): Worker[] {
  while (pool.length < n) {
    const w = pool.length;
    const wk = new Worker(new URL('./partition.worker.ts', import.meta.url), {
      type: 'module',
      name: `explorer-${w}`,
    });
    wk.onmessage = (e: MessageEvent<FromPartition>) => listen?.(w, e.data);
    wk.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      listen?.(w, new Error(`explorer worker ${w} failed: ${e.message || 'it could not be loaded'}`));
    };
    pool.push(wk);
  }
  return pool.slice(0, n);
}

/** Runs the search on k Web Workers; `cancelled` is read every few milliseconds. */
export async function exploreOnWorkers(
  config: ExploreConfig,
  variant: Variant,
  opts: ExploreOptions,
  k: number,
  cancelled: () => boolean,
  found?: { onFound: (found: Counterexample[]) => void; foundEveryMs: number },
): Promise<ExploreResult> {
  const ws = workers(k);
  const shared = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const counter = shared ? new SharedArrayBuffer(4) : null;
  ws.forEach((w) => w.postMessage({ fpsimdCounter: counter } satisfies CounterMessage));
  const coord = createCoordinator(
    config,
    variant,
    partitionOptions(opts),
    k,
    (w, m, transfer) => ws[w].postMessage(m, transfer),
    {
      onProgress: opts.onProgress,
      progressEveryMs: opts.progressEveryMs,
      timeLimitMs: opts.timeLimitMs,
      memoryUsage: opts.memoryUsage,
      cacheSeed: opts.cacheSeed,
      ...found,
    },
  );
  let fail: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  listen = (w, m) => {
    if (m instanceof Error) return fail(m);
    try {
      coord.handle(w, m);
    } catch (e) {
      fail(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const tick = setInterval(() => {
    if (cancelled()) coord.cancel();
    coord.tick();
  }, TICK_MS);
  try {
    return await Promise.race([coord.result, failed]);
  } catch (e) {
    // A worker that failed may be anywhere in its protocol: start afresh next time.
    pool.splice(0).forEach((w) => w.terminate());
    throw e;
  } finally {
    clearInterval(tick);
    listen = null;
  }
}
