// The fpsimd-viz command: dispatches to run, check and variants; maps errors to exit status 2.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { cli } from './cli';
import { InputTooLarge, type CliIO } from './io';

/**
 * Reads a file or standard input up to maxBytes + 1 bytes: one byte more than the limit is proof
 * enough, so endless input (`cat /dev/zero | fpsimd-viz run -`) is refused at once.
 */
async function readInput(path: string, maxBytes: number): Promise<string> {
  const stream: Readable = path === '-' ? process.stdin : createReadStream(path, { end: maxBytes });
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const c = chunk as Buffer;
    total += c.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new InputTooLarge(maxBytes);
    }
    chunks.push(c);
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

process.exitCode = await cli(process.argv.slice(2), io);
