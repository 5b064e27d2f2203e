// The partitioned search with every worker in the calling thread, its messages carried by queues: the
// same protocol and code as the multi-core drivers (src/cli/parallel.ts, src/workers/), so tests can
// compare 1 and N workers with the single-core search anywhere, deterministically.
import type { Scenario } from '../types';
import type { Variant } from '../variants';
import { OPS } from '../types';
import { createPartitionWorker, type PartitionWorker } from './partition';
import { createCoordinator } from './partitionCoordinator';
import type { FromPartition, PartitionOptions, ToPartition } from './partitionProtocol';
import { symmetryMode, type ExploreOptions, type ExploreResult } from './searchTypes';

/** ExploreOptions as the workers take them (no callbacks, symmetry as a mode). */
export function partitionOptions(opts: ExploreOptions): PartitionOptions {
  if (opts.sleep) throw new Error('explorer: sleep sets are not available in the partitioned search');
  return {
    depth: opts.depth,
    symmetry: symmetryMode(opts.symmetry),
    ops: opts.ops ?? OPS,
    ...(opts.maxSignalFrames !== undefined ? { maxSignalFrames: opts.maxSignalFrames } : {}),
    ...(opts.versions !== undefined ? { versions: opts.versions } : {}),
    ...(opts.cache !== undefined ? { cache: opts.cache } : {}),
    ...(opts.dead !== undefined ? { dead: opts.dead } : {}),
    ...(opts.maxStates !== undefined ? { maxStates: opts.maxStates } : {}),
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    // Workers stop at a level's barrier: the first violation's depth is always finished ('depth'; the
    // drivers run a search stopping at the first violation itself, `true`, on one thread).
    ...(opts.stopAtViolation ? { stopAtViolation: true } : {}),
  };
}

/** Runs the partitioned search over `workers` workers in this thread (slices of sliceMs each). */
export async function explorePartitioned(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions & { workers: number; sliceMs?: number },
): Promise<ExploreResult> {
  const k = opts.workers;
  const toWorker: ToPartition[][] = Array.from({ length: k }, () => []);
  const toCoordinator: [number, FromPartition][] = [];
  const workers: (PartitionWorker | null)[] = Array.from({ length: k }, () => null);
  let claimed = 0;
  const claim = (limit: number): boolean => ++claimed <= limit;
  const coord = createCoordinator(sc, variant, partitionOptions(opts), k, (w, m) => toWorker[w].push(m), {
    onProgress: opts.onProgress,
    progressEveryMs: opts.progressEveryMs,
    timeLimitMs: opts.timeLimitMs,
    cacheSeed: opts.cacheSeed,
  });
  let finished = false;
  let failure: unknown = null;
  coord.result.then(
    () => (finished = true),
    (e: unknown) => {
      finished = true;
      failure = e;
    },
  );
  while (!finished) {
    if (opts.shouldStop?.()) coord.cancel();
    coord.tick();
    let moved = false;
    while (toCoordinator.length > 0) {
      const [w, m] = toCoordinator.shift() as [number, FromPartition];
      coord.handle(w, m);
      moved = true;
    }
    for (let w = 0; w < k; w++)
      while (toWorker[w].length > 0) {
        const m = toWorker[w].shift() as ToPartition;
        if (m.type === 'init')
          workers[w] = createPartitionWorker(m.spec, (msg) => toCoordinator.push([w, msg]), claim);
        workers[w]?.handle(m);
        moved = true;
      }
    for (const pw of workers)
      if (pw?.busy()) {
        pw.advance(opts.sliceMs ?? 50);
        moved = true;
      }
    // Nothing to deliver or run: the coordinator's next step is waiting in the promise queue.
    if (!moved) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    else await Promise.resolve();
  }
  if (failure !== null) throw failure;
  return coord.result;
}
