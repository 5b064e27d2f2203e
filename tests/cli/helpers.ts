// Drives the CLI in-process with an in-memory file system, capturing output and the exit status.
import { cli } from '../../src/cli/cli';
import { InputTooLarge, NotUtf8, type CliIO } from '../../src/cli/io';
import { decodeUtf8 } from '../../src/engine';

/** The reference configuration as a scenario file: 2 CPUs; a vcpu thread, a user task, a kernel thread. */
export const REFERENCE_SCENARIO = {
  format: 'fpsimd-scenario/1',
  title: 'Reference configuration',
  cpus: 2,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'editor' },
  events: [],
};

export interface FakeIOOptions {
  isTTY?: boolean;
  /** Ctrl-C pressed at once: the handler runs as soon as it is installed. */
  interrupt?: boolean;
  /** Ctrl-C pressed this many milliseconds after the handler is installed. */
  interruptAfterMs?: number;
}

/**
 * An in-memory CliIO; files map a path to text, to bytes (decoded as main.ts decodes them) or to a
 * value written as JSON. --output files are written into `files` when the command ends.
 */
export function fakeIO(files: Record<string, unknown>, opts: FakeIOOptions = {}) {
  const captured = { out: '', err: '' };
  let output: string | null = null;
  let kept = '';
  const io: CliIO = {
    stdout: (s) => {
      if (output === null) captured.out += s;
      else kept += s;
    },
    stderr: (s) => void (captured.err += s),
    readFile: async (p, maxBytes) => {
      if (!(p in files))
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
      const v = files[p];
      const bytes =
        v instanceof Uint8Array ? v : Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8');
      // As main.ts does: at most maxBytes + 1 bytes are read.
      if (bytes.length > maxBytes) throw new InputTooLarge(maxBytes);
      const decoded = decodeUtf8(bytes);
      if (!decoded.ok) throw new NotUtf8(decoded.message);
      return decoded.text;
    },
    onInterrupt: (cb) => {
      if (opts.interrupt) cb();
      if (opts.interruptAfterMs !== undefined) setTimeout(cb, opts.interruptAfterMs);
    },
    isTTY: opts.isTTY ?? false,
    outputTo: (p) => void (output = p),
    finish: (keep) => {
      if (output !== null && keep) files[output] = kept;
    },
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
