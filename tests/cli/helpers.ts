// Drives the CLI in-process with an in-memory file system, capturing output and the exit status.
import { cli } from '../../src/cli/cli';
import { InputTooLarge, type CliIO } from '../../src/cli/io';

export interface FakeIOOptions {
  isTTY?: boolean;
  /** Ctrl-C pressed at once: the handler runs as soon as it is installed. */
  interrupt?: boolean;
  /** Ctrl-C pressed this many milliseconds after the handler is installed. */
  interruptAfterMs?: number;
}

/** An in-memory CliIO; files map a path to text (or to a value written as JSON). */
export function fakeIO(files: Record<string, unknown>, opts: FakeIOOptions = {}) {
  const captured = { out: '', err: '' };
  const io: CliIO = {
    stdout: (s) => void (captured.out += s),
    stderr: (s) => void (captured.err += s),
    readFile: async (p, maxBytes) => {
      if (!(p in files))
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
      const v = files[p];
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      // As main.ts does: at most maxBytes + 1 bytes are read.
      if (Buffer.byteLength(text) > maxBytes) throw new InputTooLarge(maxBytes);
      return text;
    },
    onInterrupt: (cb) => {
      if (opts.interrupt) cb();
      if (opts.interruptAfterMs !== undefined) setTimeout(cb, opts.interruptAfterMs);
    },
    isTTY: opts.isTTY ?? false,
  };
  return { io, captured };
}

export async function runCli(
  argv: string[],
  files: Record<string, unknown> = {},
): Promise<{ code: number; out: string; err: string }> {
  const { io, captured } = fakeIO(files);
  const code = await cli(argv, io);
  return { code, ...captured };
}
