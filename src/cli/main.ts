// The fpsimd-viz command: dispatches to run, check and variants; maps errors to exit status 2.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { isMainThread } from 'node:worker_threads';
import { cli } from './cli';
import { InputTooLarge, type CliIO } from './io';
import './partitionWorker';

/** Collects a stream's chunks into `into`; throws InputTooLarge once more than maxBytes have come. */
async function collect(stream: Readable, into: Buffer[], maxBytes: number): Promise<void> {
  let total = into.reduce((n, c) => n + c.length, 0);
  for await (const chunk of stream) {
    const c = chunk as Buffer;
    total += c.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new InputTooLarge(maxBytes);
    }
    into.push(c);
  }
}

/**
 * Reads a file or standard input, at most maxBytes + 1 bytes (`end` is inclusive): one byte past
 * the limit is proof enough, so endless input (`cat /dev/zero | fpsimd-viz run -`) is refused at once.
 */
async function readInput(path: string, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  if (path !== '-') await collect(createReadStream(path, { end: maxBytes }), chunks, maxBytes);
  else
    try {
      await collect(createReadStream('', { fd: 0, end: maxBytes, autoClose: false }), chunks, maxBytes);
    } catch (e) {
      // A non-blocking standard input (handed down by some parents) cannot be read with fs.read:
      // take the rest through process.stdin, whose chunks may pass the limit by up to 64 kB.
      if ((e as { code?: string }).code !== 'EAGAIN') throw e;
      await collect(process.stdin, chunks, maxBytes);
    }
  return Buffer.concat(chunks).toString('utf8');
}

const io: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: readInput,
  onInterrupt: (cb) => process.once('SIGINT', cb),
  isTTY: Boolean(process.stderr.isTTY),
};

// Loaded as a worker thread of the multi-core explorer, this file runs that instead (partitionWorker.ts).
if (isMainThread) process.exitCode = await cli(process.argv.slice(2), io);
