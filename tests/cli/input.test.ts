// What the CLI takes in: input is read only up to its limit (refused as soon as it is passed, from
// files and from standard input), and text that came from input reaches the terminal escaped.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check';
import { esc, jsonText } from '../../src/cli/text';
import { MAX_SCENARIO_BYTES } from '../../src/engine';
import { fakeIO, runCli } from './helpers';

const ROOT = new URL('../../', import.meta.url);
const BIN = new URL('bin/fpsimd-viz.mjs', ROOT).pathname;
const good = JSON.parse(readFileSync(new URL('src/scenarios/guest-first-fp.json', ROOT), 'utf8'));
const file = (value: unknown) => ({ 's.json': JSON.stringify(value) });

/** Title, keys and names an attacker might write: OSC retitle, clear screen, CSI in C1, a forged line. */
const NASTY = 'T\u001b]0;owned\u0007\u001b[2J\u009b31m\r\nno violations\u202e';
/** Any character the terminal would act on instead of show. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('input size', () => {
  it('stops reading endless standard input just past the limit and says why', async () => {
    const child = spawn(process.execPath, [BIN, 'run', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const chunk = Buffer.alloc(1 << 16);
    let written = 0;
    // Writes zeros until the CLI closes its input (or 64 MB, far past the limit, have gone).
    const writing = new Promise<void>((resolve) => {
      const pump = (): void => {
        while (written < 64e6) {
          written += chunk.length;
          if (!child.stdin.write(chunk)) return void child.stdin.once('drain', pump);
        }
        child.stdin.end();
        resolve();
      };
      child.stdin.on('error', () => resolve()); // EPIPE: the CLI stopped reading
      pump();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await writing;
    expect(code).toBe(2);
    expect(err).toMatch(/^fpsimd-viz run: standard input: more than 5 MB; scenarios are limited to 5 MB/);
    // What it took in: the limit, plus what pipes and stream buffers hold.
    expect(written).toBeLessThan(MAX_SCENARIO_BYTES + 1e6);
  }, 60_000);

  it('reads an endless file (/dev/zero) only up to the limit', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '/dev/zero'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fpsimd-viz check: \/dev\/zero: more than 5 MB; scenarios are limited/);
  }, 60_000);
});

describe('text from input is escaped on the terminal', () => {
  it('esc shows every control character, and jsonText still reads back the same', () => {
    expect(esc('a\u001b[2Jb\nc\t\u009b\u202e')).toBe('a\\e[2Jb\\nc\\t\\x9b\\u202e');
    expect(esc(NASTY)).not.toMatch(UNSAFE);
    const json = jsonText({ title: NASTY });
    expect(json).not.toMatch(UNSAFE);
    expect(JSON.parse(json).title).toBe(NASTY);
  });

  it('run: the title, as text and as JSON', async () => {
    const r = await runCli(['run', 's.json'], file({ ...good, title: NASTY }));
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(UNSAFE);
    expect(r.out.split('\n')[0]).toBe(`${esc(NASTY)} — variant v4.18, ${good.events.length} events`);
    expect(r.out.match(/^no violations$/gm)).toHaveLength(1);
    const j = await runCli(['run', 's.json', '--json'], file({ ...good, title: NASTY, variant: 'v4.18' }));
    expect(j.out).not.toMatch(UNSAFE);
  });

  it('errors: start keys, variants, file names, options and commands', async () => {
    const key = await runCli(['run', 's.json'], file({ ...good, start: { [NASTY]: 'qemu' } }));
    expect(key.code).toBe(2);
    expect(key.err).toContain('s.json: start[');
    const variant = await runCli(['run', 's.json'], file({ ...good, variant: NASTY }));
    expect(variant.err).toMatch(/s\.json: variant: unknown variant "T\\e\]0;owned/);
    const name = `x${NASTY}.json`;
    const missing = await runCli(['run', name]);
    const option = await runCli(['run', 's.json', `--${NASTY}`], file(good));
    const command = await runCli([NASTY]);
    const extra = await runCli(['variants', NASTY]);
    for (const r of [key, variant, missing, option, command, extra]) {
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(UNSAFE);
      // One line per problem: no forged "no violations" line.
      expect(r.err).not.toMatch(/^no violations/m);
    }
    expect(missing.err).toContain(esc(name));
  });

  it('check: the file name, on its report and its errors', async () => {
    const name = `s${NASTY}.json`;
    const scenario = { ...good, events: [] };
    const ok = fakeIO({ [name]: JSON.stringify(scenario) });
    expect(await checkCommand([name, '--depth', '2'], ok.io)).toBe(0);
    expect(ok.captured.out).toContain(esc(name));
    const bad = fakeIO({ [name]: JSON.stringify({ ...scenario, title: 5 }) });
    expect(await checkCommand([name], bad.io)).toBe(2);
    for (const text of [ok.captured.out, ok.captured.err, bad.captured.err]) expect(text).not.toMatch(UNSAFE);
  });
});

describe('readers say what they met', () => {
  const text = JSON.stringify(good, null, 2);
  it('a UTF-16 file, with or without its byte order mark, is named as such', async () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(text, 'utf16le').swap16();
    for (const [bytes, what] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'UTF-16 text (little-endian, with a byte order mark)'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'UTF-16 text (big-endian, with a byte order mark)'],
      [le, 'UTF-16 text (little-endian)'],
      [be, 'UTF-16 text (big-endian)'],
    ] as const) {
      for (const cmd of [
        ['run', 's.json'],
        ['check', 's.json'],
        ['export', '--promela', 's.json'],
      ]) {
        const r = await runCli(cmd, { 's.json': bytes });
        expect(r.code).toBe(2);
        expect(r.err).toBe(`fpsimd-viz ${cmd[0]}: s.json: ${what}; save it as UTF-8\n`);
      }
    }
  });

  it('invalid UTF-8 is named with its byte offset', async () => {
    const bytes = Buffer.from(text, 'utf8');
    const at = text.indexOf('"title"') + 2;
    const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at)]);
    const r = await runCli(['run', 's.json'], { 's.json': bad });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `fpsimd-viz run: s.json: not UTF-8 text: byte 0xc3 at offset ${at} is not part of a UTF-8 character; save it as UTF-8\n`,
    );
  });

  it('a key given twice is refused with its JSON path and both places', async () => {
    const dup = text.replace(/"cpus": (\d+),/, '"cpus": $1,\n  "cpus": 1,');
    expect(dup).not.toBe(text);
    const r = await runCli(['run', 's.json'], { 's.json': dup });
    expect(r.code).toBe(2);
    // The second "cpus" is on the line after the first.
    const line = dup.split('\n').findIndex((l) => l.includes('"cpus"')) + 2;
    expect(r.err).toBe(
      `fpsimd-viz run: s.json: cpus: key "cpus" given twice in one object, at line ${line}, column 3 and ` +
        `first at line ${line - 1}, column 3: keep one of them\n`,
    );
  });

  it('standard input is decoded the same way by the built CLI', () => {
    const r = spawnSync(process.execPath, [BIN, 'run', '-'], {
      input: Buffer.from(text, 'utf16le'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('fpsimd-viz run: standard input: UTF-16 text (little-endian); save it as UTF-8\n');
  }, 60_000);
});

describe('every command escapes arguments in its output', () => {
  const cases: string[][] = [
    ['gallery', '--variant', NASTY],
    ['export', '--promela', 's.json', '--variant', NASTY],
    ['export', '--promela', NASTY],
    ['check', 's.json', '--variant', NASTY],
    ['check', 's.json', '--reduce', NASTY],
    ['check', 's.json', '--ops', NASTY],
    ['check', 's.json', '--depth', NASTY],
    ['check', 's.json', '--time-limit', NASTY],
    ['run', 's.json', '--variant', NASTY],
    ['variants', NASTY],
    ['gallery', NASTY],
    ['run', 's.json', `--variant=${NASTY}`, `--variant=${NASTY}`],
    ['run', 's.json', `-${NASTY}`],
  ];
  it.each(cases.map((c) => [esc(c.join(' ')).slice(0, 50), c]))('%s', async (_name, args) => {
    const r = await runCli(args as string[], file(good));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(UNSAFE);
    expect(r.out).not.toMatch(UNSAFE);
    expect(r.err).not.toMatch(/^no violations/m);
  });
});
