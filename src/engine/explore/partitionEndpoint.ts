// One worker of the partitioned search behind a message port, whatever carries the messages (Node's
// worker_threads in src/cli/partitionWorker.ts, a Web Worker in src/workers/partition.worker.ts): it
// creates the worker at each search's `init` and expands in short slices, yielding between them so
// that batches from the other workers and a cancel get through. Pure: the port and the yield are given.
import { createPartitionWorker, type PartitionWorker } from './partition';
import type { FromPartition, ToPartition } from './partitionProtocol';

/** Longest stretch of expanding between two looks at the message queue. */
const SLICE_MS = 10;

/**
 * Returns the handler of the messages the coordinator sends. `counter`, when given, is the count of
 * states over every worker of the current search (an Int32 in shared memory: the exact state limit);
 * without it each worker keeps an equal share of the limit.
 */
export function partitionEndpoint(
  post: (m: FromPartition, transfer: ArrayBuffer[]) => void,
  pause: () => Promise<void>,
  counter: () => Int32Array<ArrayBufferLike> | null,
): (m: ToPartition) => void {
  let pw: PartitionWorker | null = null;
  let running = false;
  const fail = (e: unknown): void => {
    post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }, []);
  };
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      while (pw?.busy()) {
        pw.advance(SLICE_MS);
        await pause();
      }
    } catch (e) {
      fail(e);
    }
    running = false;
  };
  return (m) => {
    try {
      if (m.type === 'init') {
        const c = counter();
        pw = createPartitionWorker(m.spec, post, c ? (limit) => Atomics.add(c, 0, 1) < limit : undefined);
      }
      pw?.handle(m);
    } catch (e) {
      fail(e);
      return;
    }
    void run();
  };
}
