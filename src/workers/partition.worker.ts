// A Web Worker of the multi-core explorer: one worker of the partitioned search behind the messages of
// the explorer's worker, which coordinates (exploreParallel.ts; partitionEndpoint.ts does the work).
import { partitionEndpoint } from '../engine/explore/partitionEndpoint';
import type { FromPartition, ToPartition } from '../engine/explore/partitionProtocol';
import { yieldToEvents } from './exploreJob';
import type { CounterMessage } from './exploreParallel';

// The project's TypeScript library is the DOM's; a worker's scope needs only these two members.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToPartition | CounterMessage>) => void) | null;
  postMessage(m: FromPartition, transfer: ArrayBuffer[]): void;
};

let counter: Int32Array<ArrayBufferLike> | null = null;
const handle = partitionEndpoint(
  (m, transfer) => scope.postMessage(m, transfer),
  yieldToEvents,
  () => counter,
);
scope.onmessage = (e) => {
  const m = e.data;
  if ('fpsimdCounter' in m) counter = m.fpsimdCounter === null ? null : new Int32Array(m.fpsimdCounter);
  else handle(m);
};
