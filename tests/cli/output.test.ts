// Every write checked: a full disk, a closed pipe or a refused file gives one line naming where and
// why, exit status 3, and no partial --output file; short writes are finished, not taken as whole.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli';
import { EXIT } from '../../src/cli/io';
import { NODE_FILE_OPS, WriteFailed, writeAll, type FileOps, type RawWrite } from '../../src/cli/output';
import { processIO, PROCESS_DEPS, type ProcessIODeps } from '../../src/cli/processIO';
import { GALLERY_MACHINE } from '../../src/engine';

const ROOT = new URL('../../', import.meta.url);
const BIN = new URL('bin/fpsimd-viz.mjs', ROOT).pathname;
const SCENARIO = new URL('src/scenarios/guest-first-fp.json', ROOT).pathname;

/** Each command, with arguments that make it write a result. */
const COMMANDS: [string, string[]][] = [
  ['run', ['run', SCENARIO]],
  ['check', ['check', SCENARIO, '--depth', '2']],
  ['export', ['export', '--promela', SCENARIO]],
  ['gallery', ['gallery', '--machine']],
  ['variants', ['variants']],
];

const ENOSPC = (): Error =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** A process IO whose standard output and error are captured or fail as asked. */
function io(stdout: RawWrite, files: FileOps = NODE_FILE_OPS) {
  let err = '';
  const deps: ProcessIODeps = {
    ...PROCESS_DEPS,
    stdout,
    stderr: (buf, off, len) => {
      err += Buffer.from(buf.subarray(off, off + len)).toString('utf8');
      return len;
    },
    files,
    onInterrupt: () => {},
    isTTY: false,
  };
  return { io: processIO(deps), err: () => err };
}

describe('the built CLI with a failing standard output', () => {
  it.each(COMMANDS)(
    '%s to /dev/full: one line, exit 3, no stack trace',
    (name, args) => {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, ...args], {
          stdio: ['ignore', fd, 'pipe'],
          encoding: 'utf8',
        });
        expect(r.status).toBe(EXIT.write);
        expect(r.stderr).toBe(
          `fpsimd-viz ${name}: cannot write to standard output: no space left on the device (ENOSPC)\n`,
        );
      } finally {
        closeSync(fd);
      }
    },
    60_000,
  );

  it('a pipe closed before the output is written: EPIPE, exit 3', async () => {
    const child = spawn(process.execPath, [BIN, 'variants'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away at once, long before the CLI has started and written.
    child.stdout.destroy();
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(EXIT.write);
    expect(err).toBe(
      'fpsimd-viz variants: cannot write to standard output: the reading end of the pipe was closed (EPIPE)\n',
    );
  }, 60_000);

  it('--output to a missing directory names the file', () => {
    const r = spawnSync(process.execPath, [BIN, 'variants', '-o', '/nonexistent-dir/v.txt'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(EXIT.write);
    expect(r.stderr).toBe(
      'fpsimd-viz variants: cannot write to /nonexistent-dir/v.txt: no such directory (ENOENT)\n',
    );
  }, 60_000);
});

describe('the built CLI interrupted by Ctrl-C', () => {
  it('check prints what it found, marked incomplete, and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fpsimd-int-'));
    const file = join(dir, 'big.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...GALLERY_MACHINE,
        tasks: [...GALLERY_MACHINE.tasks, { id: 'qemu2', vcpu: 'vcpu1' }],
      }),
    );
    const child = spawn(process.execPath, [BIN, 'check', file, '--depth', '60', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    // The first progress line (after a second of searching) says the search is under way.
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      err += s;
      if (!sent && /^depth /m.test(err)) sent = child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(EXIT.interrupted);
    expect(err).toMatch(/^interrupted: every sequence of at most \d+ events was explored$/m);
    expect(JSON.parse(out)).toMatchObject({
      format: 'fpsimd-check/1',
      complete: false,
      stopped: 'interrupted',
    });
  }, 60_000);
});

describe('writes in process', () => {
  it('finishes short writes (a nearly full disk writes part of a buffer) and reports the error after', () => {
    const got: number[] = [];
    // Three bytes at a time, then the disk is full.
    let budget = 9;
    const short: RawWrite = (buf, off, len) => {
      if (budget <= 0) throw ENOSPC();
      const n = Math.min(3, len, budget);
      budget -= n;
      got.push(...buf.subarray(off, off + n));
      return n;
    };
    expect(() => writeAll(short, 'abcdefghijkl', 'standard output')).toThrow(WriteFailed);
    expect(Buffer.from(got).toString()).toBe('abcdefghi');
    const all: number[] = [];
    writeAll((buf, off) => (all.push(buf[off]), 1), 'héllo', 'x');
    expect(Buffer.from(all).toString()).toBe('héllo');
  });

  it('waits out EAGAIN on a non-blocking descriptor', () => {
    let again = 3;
    let out = '';
    writeAll(
      (buf, off, len) => {
        if (again-- > 0) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
        out += Buffer.from(buf.subarray(off, off + len)).toString();
        return len;
      },
      'text',
      'standard output',
    );
    expect(out).toBe('text');
  });

  it.each(COMMANDS)(
    '%s: a failing standard output gives exit 3 and one line',
    async (name, args) => {
      const t = io(() => {
        throw ENOSPC();
      });
      expect(await cli(args, t.io)).toBe(EXIT.write);
      expect(t.err()).toBe(
        `fpsimd-viz ${name}: cannot write to standard output: no space left on the device (ENOSPC)\n`,
      );
    },
    60_000,
  );

  it('--output writes the file whole, through a temporary file renamed over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fpsimd-out-'));
    const path = join(dir, 'm.json');
    const t = io(() => {
      throw new Error('standard output must not be written');
    });
    expect(await cli(['gallery', '--machine', '--output', path], t.io)).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(GALLERY_MACHINE);
    expect(readdirSync(dir)).toEqual(['m.json']);
  });

  it('--output: a full disk, or a refused rename, leaves no partial file and the old one as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fpsimd-out-'));
    const path = join(dir, 'model.pml');
    writeFileSync(path, 'the old model\n');
    const failing = (at: 'write' | 'rename', code: string): FileOps => ({
      writeNew(p, text) {
        if (at === 'write') {
          // Half the text reaches the disk before it fills up.
          writeFileSync(p, text.slice(0, text.length / 2));
          throw Object.assign(new Error(`${code}: write`), { code });
        }
        NODE_FILE_OPS.writeNew(p, text);
      },
      rename(from, to) {
        if (at === 'rename') throw Object.assign(new Error(`${code}: rename`), { code });
        NODE_FILE_OPS.rename(from, to);
      },
      remove: NODE_FILE_OPS.remove,
    });
    for (const [at, code, cause] of [
      ['write', 'ENOSPC', 'no space left on the device (ENOSPC)'],
      ['rename', 'EACCES', 'permission denied (EACCES)'],
    ] as const) {
      const t = io(() => 0, failing(at, code));
      expect(await cli(['export', '--promela', SCENARIO, '-o', path], t.io)).toBe(EXIT.write);
      expect(t.err()).toBe(`fpsimd-viz export: cannot write to ${path}: ${cause}\n`);
      expect(readFileSync(path, 'utf8')).toBe('the old model\n');
      expect(readdirSync(dir)).toEqual(['model.pml']);
    }
  });

  it('--output is not written when the command is refused (bad input)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fpsimd-out-'));
    const path = join(dir, 'out.txt');
    const t = io(() => 0);
    expect(await cli(['run', join(dir, 'missing.json'), '-o', path], t.io)).toBe(EXIT.usage);
    expect(existsSync(path)).toBe(false);
  });
});
