// A worker thread of the multi-core explorer (parallel.ts): runs one worker of the partitioned search
// (src/engine/explore/partition.ts) behind Node's worker_threads messages, expanding in short slices
// so that batches from the other workers and a cancel get through between them.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createPartitionWorker, type PartitionWorker } from '../engine/explore/partition';
import type { FromPartition, ToPartition } from '../engine/explore/partitionProtocol';

/** Longest stretch of expanding between two looks at the message queue. */
const SLICE_MS = 10;

/** What parallel.ts hands each worker thread. */
export interface PartitionWorkerData {
  fpsimdPartition: true;
}

/**
 * Sent before each search's `init` (a thread serves many searches): one Int32, the states stored by
 * every worker together (the exact state limit).
 */
export interface CounterMessage {
  fpsimdCounter: SharedArrayBuffer;
}

function start(): void {
  const port = parentPort;
  if (port === null) throw new Error('explorer: a partition worker needs a parent thread');
  let counter: Int32Array<ArrayBufferLike> = new Int32Array(1);
  const claim = (limit: number): boolean => Atomics.add(counter, 0, 1) < limit;
  const post = (m: FromPartition, transfer: ArrayBuffer[]): void => port.postMessage(m, transfer);
  let pw: PartitionWorker | null = null;
  let running = false;
  const fail = (e: unknown): void => {
    const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
    port.postMessage({ type: 'error', message: text } satisfies FromPartition);
  };
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      while (pw?.busy()) {
        pw.advance(SLICE_MS);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (e) {
      fail(e);
    }
    running = false;
  };
  port.on('message', (m: ToPartition | CounterMessage) => {
    if ('fpsimdCounter' in m) {
      counter = new Int32Array(m.fpsimdCounter);
      return;
    }
    try {
      if (m.type === 'init') pw = createPartitionWorker(m.spec, post, claim);
      pw?.handle(m);
    } catch (e) {
      fail(e);
      return;
    }
    void run();
  });
}

const data = workerData as Partial<PartitionWorkerData> | null;
if (!isMainThread && data?.fpsimdPartition === true) start();
