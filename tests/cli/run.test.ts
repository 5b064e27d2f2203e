// `fpsimd-viz run` and `variants`: exit codes, fpsimd-result/1 JSON, and bad input named by place.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers';

const example = readFileSync(new URL('../../src/scenarios/guest-first-fp.json', import.meta.url), 'utf8');
const good = JSON.parse(example);
const file = (value: unknown) => ({ 's.json': typeof value === 'string' ? value : JSON.stringify(value) });

describe('fpsimd-viz run', () => {
  it('exits 0 on a clean run and prints each step and the counters', async () => {
    const r = await runCli(['run', 's.json'], file(good));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/#4 cpu0 guest_fp: __hyp_switch_fpsimd __fpsimd_save_state __fpsimd_restore_state/);
    expect(r.out).toMatch(
      /hostSaves=1 hostRestores=2 guestSaves=1 guestRestores=1 fpTraps=1 irqsOffSaveRestores=3/,
    );
    expect(r.out).toMatch(/no violations/);
  });

  it('prints one fpsimd-result/1 object with --json', async () => {
    const r = await runCli(['run', 's.json', '--json'], file(good));
    const res = JSON.parse(r.out);
    expect(res).toMatchObject({ format: 'fpsimd-result/1', variant: 'v4.18', ok: true, violations: [] });
    expect(Object.keys(res.counters)).toEqual([
      'hostSaves',
      'hostRestores',
      'guestSaves',
      'guestRestores',
      'fpTraps',
      'irqsOffSaveRestores',
    ]);
    expect(res.steps).toHaveLength(good.events.length);
    expect(res.steps[0]).toMatchObject({ index: 0, event: { cpu: 0, op: 'ret_to_user' }, violations: [] });
    expect(res.steps[0].calls).toContain('fpsimd_restore_current_state');
    expect(res.final.cpus[0]).toEqual({
      id: 0,
      current: 'qemu',
      mode: 'user',
      regs: { owner: 'qemu', latest: true },
      lastState: 'qemu',
      irqsDisabled: false,
    });
  });

  it('exits 1 with the violations when a variant breaks the scenario', async () => {
    const r = await runCli(['run', 's.json', '--variant', 'v4.18/no-put-flush', '--json'], file(good));
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(res.ok).toBe(false);
    expect(res.violations[0]).toMatchObject({ step: 11, kind: 'leak', context: 'qemu', cpu: 0 });
  });

  it('reads standard input for -', async () => {
    const r = await runCli(['run', '-'], { '-': example });
    expect(r.code).toBe(0);
  });
});

describe('bad input exits 2 with a message naming the place', () => {
  const cases: [string, Record<string, string>, string[], RegExp][] = [
    [
      'truncated JSON',
      file(example.slice(0, 300)),
      [],
      /^fpsimd-viz run: s\.json: end of file: not valid JSON \(the file looks truncated\)/,
    ],
    [
      'an unknown op',
      file({ ...good, events: [{ cpu: 0, op: 'fork' }] }),
      [],
      /s\.json: events\[0\]\.op: must be one of/,
    ],
    [
      'a task current on two CPUs',
      file({ ...good, cpus: 2, start: { '0': 'qemu', '1': 'qemu' } }),
      [],
      /s\.json: start\.1: qemu is already current on CPU 0/,
    ],
    [
      'an event illegal in its state',
      file({ ...good, events: [{ cpu: 0, op: 'guest_fp' }] }),
      [],
      /s\.json: events\[0\] \(guest_fp, event 1 in the app\): not legal here: CPU0 is not in a guest/,
    ],
    [
      'a 10 MB file',
      file(' '.repeat(10_000_000)),
      [],
      /s\.json: more than 5 MB; scenarios are limited to 5 MB \(5,000,000 bytes\)/,
    ],
    ['wrong types', file({ ...good, cpus: 'two', tasks: {} }), [], /s\.json: cpus: .*\n.*s\.json: tasks: /],
    ['a missing file', {}, [], /s\.json: cannot read \(ENOENT\)/],
    [
      'an unknown variant',
      file(good),
      ['--variant', 'v9'],
      /--variant: unknown variant "v9"; known: .*v4\.18/,
    ],
    ['an unknown option', file(good), ['--fast'], /unknown option --fast/],
  ];
  it.each(cases)('%s', async (_name, files, extra, message) => {
    const r = await runCli(['run', 's.json', ...extra], files);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('an unknown command or no command', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['run'])).err).toMatch(/^fpsimd-viz run: missing FILE\nusage: fpsimd-viz run FILE/);
  });
});

describe('fpsimd-viz variants', () => {
  it('lists every variant id with one line, and as JSON', async () => {
    const r = await runCli(['variants']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^v4\.18 +The patch/m);
    expect(r.out).toMatch(/^v4\.18\/no-put-save +/m);
    const j = JSON.parse((await runCli(['variants', '--json'])).out);
    expect(j.variants.map((v: { id: string }) => v.id)).toContain('v4.18/no-neon-save');
  });

  it('lists the eras by release, and mainline as an alias of the newest', async () => {
    const j = JSON.parse((await runCli(['variants', '--json'])).out) as {
      variants: { id: string; era: string }[];
      aliases: { id: string; resolvesTo: string }[];
    };
    const eras = j.variants.filter((v) => v.id === v.era).map((v) => v.id);
    expect(eras).toEqual(['v4.17', 'v4.18', 'v6.13', 'v6.15', 'v6.16']);
    expect(j.variants.some((v) => v.id === 'mainline' || v.id.startsWith('mainline/'))).toBe(false);
    expect(j.aliases).toEqual([
      expect.objectContaining({ id: 'mainline', resolvesTo: 'v6.16' }),
      expect.objectContaining({ id: 'mainline/pre-e92bee9f861b', resolvesTo: 'v6.15/pre-e92bee9f861b' }),
      expect.objectContaining({ id: 'mainline/pre-751ecf6afd65', resolvesTo: 'v6.15/pre-751ecf6afd65' }),
    ]);
    const text = (await runCli(['variants'])).out;
    expect(text).toMatch(/^mainline +alias of v6\.16/m);
  });

  it('accepts an alias as --variant and names the era it resolves to', async () => {
    const sc = readFileSync(
      new URL('../../src/scenarios/signal-round-trip-eras.json', import.meta.url),
      'utf8',
    );
    const r = await runCli(['run', 's.json', '--variant', 'mainline', '--json'], { 's.json': sc });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).variant).toBe('v6.16');
    expect(r.out).not.toContain('"mainline');
    const old = await runCli(['run', 's.json', '--variant', 'mainline/pre-e92bee9f861b'], { 's.json': sc });
    expect(old.out).toContain('variant v6.15/pre-e92bee9f861b');
  });
});

describe('the installed bin (node bin/fpsimd-viz.mjs, what npx runs)', () => {
  const bin = new URL('../../bin/fpsimd-viz.mjs', import.meta.url).pathname;
  const scenario = new URL('../../src/scenarios/guest-first-fp.json', import.meta.url).pathname;
  it('runs a scenario file and passes the exit status through', () => {
    const out = execFileSync(process.execPath, [bin, 'run', scenario, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).ok).toBe(true);
    const bad = spawnSync(process.execPath, [bin, 'run', scenario, '--variant', 'v4.18/no-put-flush'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    const usage = spawnSync(process.execPath, [bin, 'run', '/nonexistent.json'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/\/nonexistent\.json: cannot read/);
  }, 30_000);
});

describe('the bin starts the built file', () => {
  const root = new URL('../../', import.meta.url);
  it('runs dist-cli/fpsimd-viz.mjs (no TypeScript compiler at start), built by npm ci and npm run build', () => {
    const bin = readFileSync(new URL('bin/fpsimd-viz.mjs', root), 'utf8');
    expect(bin).not.toMatch(/['"]tsx[/'"]/);
    expect(bin).toContain('../dist-cli/fpsimd-viz.mjs');
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(pkg.bin['fpsimd-viz']).toBe('bin/fpsimd-viz.mjs');
    expect(pkg.scripts.prepare).toBe('vite build --config vite.cli.config.ts');
    expect(pkg.scripts.build).toContain(pkg.scripts.prepare);
    // The entry and every chunk it may import: plain JavaScript with its dependencies bundled in.
    const dir = new URL('dist-cli/', root);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
    expect(files).toContain('fpsimd-viz.mjs');
    for (const f of files) expect(readFileSync(new URL(f, dir), 'utf8')).not.toMatch(/from ["'](tsx|zod)/);
  });

  it('loads only the command run: the entry imports no chunk before dispatch', () => {
    const entry = readFileSync(new URL('dist-cli/fpsimd-viz.mjs', root), 'utf8');
    expect(entry).toMatch(/await import\("\.\/chunks\/variants-[^"]+\.mjs"\)/);
    // Statically imported chunks run at start; the engine and its schemas must wait for a command.
    const staticChunks = [...entry.matchAll(/^import .* from "\.\/chunks\/([^"]+)";$/gm)].map((m) => m[1]);
    for (const c of staticChunks)
      expect(readFileSync(new URL(`dist-cli/chunks/${c}`, root), 'utf8')).not.toMatch(
        /src\/engine\/(?!limits)/,
      );
  });
});
