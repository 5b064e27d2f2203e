// The fpsimd-viz command: the process's input and output (processIO.ts) handed to the dispatcher.
import { isMainThread } from 'node:worker_threads';
import { cli } from './cli';
import { processIO } from './processIO';

// Loaded as a worker thread of the multi-core explorer (parallel.ts), this file runs that instead
// (partitionWorker.ts), loaded only then so that start-up pays nothing for it.
if (isMainThread) process.exitCode = await cli(process.argv.slice(2), processIO());
else await import('./partitionWorker');
