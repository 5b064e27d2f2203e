// The CliIO of the running process: files and standard input read up to their limit and decoded as
// UTF-8 (anything else named), output written with every write checked (output.ts), Ctrl-C.
import { createReadStream, writeSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { decodeUtf8 } from '../engine/textin';
import { InputTooLarge, NotUtf8, type CliIO } from './io';
import { esc } from './text';
import { NODE_FILE_OPS, stdoutWrite, writeAll, writeFileWhole, type FileOps, type RawWrite } from './output';

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
  const decoded = decodeUtf8(Buffer.concat(chunks));
  if (!decoded.ok) throw new NotUtf8(decoded.message);
  return decoded.text;
}

export interface ProcessIODeps {
  /** Standard output's write(2) (tests pass a failing one). */
  stdout: RawWrite;
  /** Standard error; its own failures cannot be reported anywhere and are ignored. */
  stderr: RawWrite;
  files: FileOps;
  readFile: (path: string, maxBytes: number) => Promise<string>;
  onInterrupt: (cb: () => void) => void;
  isTTY: boolean;
}

export const PROCESS_DEPS: ProcessIODeps = {
  stdout: stdoutWrite,
  stderr: (buf, offset, length) => writeSync(2, buf, offset, length),
  files: NODE_FILE_OPS,
  readFile: readInput,
  onInterrupt: (cb) => process.once('SIGINT', cb),
  isTTY: Boolean(process.stderr.isTTY),
};

export function processIO(deps: ProcessIODeps = PROCESS_DEPS): CliIO {
  let path: string | null = null;
  let kept = '';
  return {
    stdout(s) {
      if (path === null) writeAll(deps.stdout, s, 'standard output');
      else kept += s;
    },
    stderr(s) {
      try {
        writeAll(deps.stderr, s, 'standard error');
      } catch {
        // Nowhere left to say it.
      }
    },
    readFile: deps.readFile,
    onInterrupt: deps.onInterrupt,
    isTTY: deps.isTTY,
    outputTo(p) {
      path = p;
    },
    finish(keep) {
      if (path === null || !keep) return;
      const text = kept;
      kept = '';
      writeFileWhole(path, text, esc(path), deps.files);
    },
  };
}
