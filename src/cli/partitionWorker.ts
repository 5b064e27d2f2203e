// A worker thread of the multi-core explorer (parallel.ts): one worker of the partitioned search
// (src/engine/explore/partition.ts) behind Node's worker_threads messages (partitionEndpoint.ts).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { partitionEndpoint } from '../engine/explore/partitionEndpoint';
import type { FromPartition, ToPartition } from '../engine/explore/partitionProtocol';

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

/** Posted once the thread has loaded: a search's one-thread trial runs until then (parallel.ts). */
export interface ReadyMessage {
  fpsimdReady: true;
}

function start(): void {
  const port = parentPort;
  if (port === null) throw new Error('explorer: a partition worker needs a parent thread');
  let counter: Int32Array<ArrayBufferLike> | null = null;
  const handle = partitionEndpoint(
    (m: FromPartition, transfer) => port.postMessage(m, transfer),
    () => new Promise<void>((resolve) => setImmediate(resolve)),
    () => counter,
  );
  port.on('message', (m: ToPartition | CounterMessage) => {
    if ('fpsimdCounter' in m) counter = new Int32Array(m.fpsimdCounter);
    else handle(m);
  });
  port.postMessage({ fpsimdReady: true } satisfies ReadyMessage);
}

const data = workerData as Partial<PartitionWorkerData> | null;
if (!isMainThread && data?.fpsimdPartition === true) start();
