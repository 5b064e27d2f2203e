// Where a command's output goes, every write checked: standard output (written with write(2) in a
// loop, so a short write on a nearly full disk is not taken for a whole one, and an error is an error,
// not an 'error' event nobody listens to), or a path given by --output (a temporary file beside it,
// synced and renamed over it at the end: an error leaves no partial file).
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A write that failed: where to (a path, or "standard output") and why. */
export class WriteFailed extends Error {
  constructor(
    readonly target: string,
    readonly code: string | undefined,
    readonly why: string,
  ) {
    super(`${target}: ${why}`);
  }
}

/** What the system's error code means, said plainly (the code follows in brackets). */
const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EPIPE: 'the reading end of the pipe was closed',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EBADF: 'not open for writing',
  EIO: 'input/output error',
  EFBIG: 'file too large',
};

/** A WriteFailed for error `e` met while writing to `target`. */
export function writeFailed(target: string, e: unknown): WriteFailed {
  const code = (e as { code?: unknown })?.code;
  const c = typeof code === 'string' ? code : undefined;
  const why =
    c && CAUSES[c] ? `${CAUSES[c]} (${c})` : e instanceof Error ? e.message : `write failed: ${String(e)}`;
  return new WriteFailed(target, c, why);
}

/** Writes part of a buffer; returns how many bytes went (write(2)'s contract). */
export type RawWrite = (buf: Uint8Array, offset: number, length: number) => number;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` with `write`, looping over short writes. A non-blocking descriptor (EAGAIN) is
 * waited on a millisecond at a time, as a blocking one would be. Throws WriteFailed naming `target`.
 */
export function writeAll(write: RawWrite, text: string, target: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    let n: number;
    try {
      n = write(buf, off, buf.length - off);
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      throw writeFailed(target, e);
    }
    if (n <= 0) throw writeFailed(target, Object.assign(new Error('nothing written'), { code: 'EIO' }));
    off += n;
  }
}

/** Standard output, by its descriptor. */
export const stdoutWrite: RawWrite = (buf, offset, length) => writeSync(1, buf, offset, length);

/** File operations --output needs (tests pass failing ones). */
export interface FileOps {
  /** Creates the file exclusively and writes all of the text, synced to the disk. */
  writeNew(path: string, text: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

export const NODE_FILE_OPS: FileOps = {
  writeNew(path, text) {
    const fd = openSync(path, 'wx', 0o666);
    try {
      writeAll((b, o, l) => writeSync(fd, b, o, l), text, path);
      // A delayed allocation error (some file systems report a full disk only here) is still ours.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: renameSync,
  remove: unlinkSync,
};

/** The temporary file beside `path` that becomes it. */
export const tempPath = (path: string, pid = process.pid): string =>
  join(dirname(path), `.${basename(path)}.${pid}.tmp`);

/**
 * Writes `text` to `path` as a whole or not at all: to a temporary file beside it, then renamed over
 * it. On an error the temporary file is removed and WriteFailed names `shown` (the path as printed).
 */
export function writeFileWhole(
  path: string,
  text: string,
  shown: string,
  ops: FileOps = NODE_FILE_OPS,
): void {
  const tmp = tempPath(path);
  try {
    ops.writeNew(tmp, text);
    ops.rename(tmp, path);
  } catch (e) {
    try {
      ops.remove(tmp);
    } catch {
      // Never created, or already gone: nothing left behind either way.
    }
    throw e instanceof WriteFailed ? new WriteFailed(shown, e.code, e.why) : writeFailed(shown, e);
  }
}
