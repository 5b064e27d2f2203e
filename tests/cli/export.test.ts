// `fpsimd-viz export --promela`: the model written, its depth and variant, and bad input named by place.
import { describe, expect, it } from 'vitest';
import { findVariant } from '../../src/engine';
import { CLASSIC_OPS, EXPLORER_OPS } from '../../src/engine/explore';
import { promelaModel } from '../../src/engine/promela';
import { EXPORT_HELP } from '../../src/cli/export';
import { machineLine, readMachineLine } from '../../src/cli/spinModel';
import { runCli } from './helpers';

const scenario = (extra: Record<string, unknown> = {}) => ({
  format: 'fpsimd-scenario/1',
  title: 'Reference configuration',
  cpus: 2,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'editor' },
  events: [],
  ...extra,
});

describe('fpsimd-viz export', () => {
  it('writes the Promela model of the scenario machine under v4.18 at depth 12 by default', async () => {
    const r = await runCli(['export', '--promela', 's.json'], { 's.json': scenario() });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const v = findVariant('v4.18');
    if (!v) throw new Error('missing v4.18');
    // The model, then a comment naming the machine for import-trail.
    const { cpus, tasks, start } = scenario();
    const origin = { variant: 'v4.18', depth: 12, ops: EXPLORER_OPS, machine: { cpus, tasks, start } };
    expect(r.out).toBe(promelaModel(scenario(), v, { depth: 12 }) + machineLine(origin));
    expect(readMachineLine(r.out)).toEqual(origin);
    expect(r.out).toMatch(/model of variant v4\.18,/);
    expect(r.out).toMatch(/#define DEPTH 12\n/);
    expect(r.out).toMatch(/^init \{$/m);
  });

  it('writes every op by default and the first eleven with --ops classic', async () => {
    const v = findVariant('v4.18/no-signal-save');
    if (!v) throw new Error('missing v4.18/no-signal-save');
    const all = await runCli(['export', '--promela', '--variant', v.id, 's.json'], { 's.json': scenario() });
    expect(all.out).toMatch(/CAN_signal\(0\)/);
    const classic = await runCli(['export', '--promela', '--variant', v.id, '--ops', 'classic', 's.json'], {
      's.json': scenario(),
    });
    expect(classic.code).toBe(0);
    expect(classic.out.startsWith(promelaModel(scenario(), v, { depth: 12, ops: CLASSIC_OPS }))).toBe(true);
    expect(readMachineLine(classic.out)?.ops).toEqual(CLASSIC_OPS);
    expect(classic.out).not.toMatch(/CAN_signal\(0\)/);
  });

  it('takes --variant and --depth, and the scenario variant when no --variant is given', async () => {
    const a = await runCli(
      ['export', '--promela', '--variant', 'v4.18/no-put-save', '--depth', '7', 's.json'],
      {
        's.json': scenario(),
      },
    );
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/#define DEPTH 7\n/);
    expect(a.out).toMatch(/#define ABLATION ABL_PUT_SAVE\n/);
    const b = await runCli(['export', '--promela', 's.json'], { 's.json': scenario({ variant: 'v4.17' }) });
    expect(b.out).toMatch(/model of variant v4\.17,/);
    expect(b.out).toMatch(/inline __fpsimd_guest_restore\(v\)/);
  });

  it('reads standard input for -', async () => {
    const r = await runCli(['export', '--promela', '-'], { '-': scenario({ cpus: 3 }) });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/#define NCPU 3\n/);
  });

  it('prints its help, and the command list names it', async () => {
    const h = await runCli(['export', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toBe(EXPORT_HELP + '\n');
    expect(h.out).toMatch(/spin -a model\.pml/);
    const top = await runCli(['--help']);
    expect(top.out).toMatch(/export --promela FILE/);
  });

  it.each([
    [['export', 's.json'], /export needs a format: --promela/],
    [['export', '--promela'], /missing FILE/],
    [['export', '--promela', 's.json', 't.json'], /expected one FILE, got 2/],
    [['export', '--promela', '--variant', 'v9', 's.json'], /--variant: unknown variant "v9"; known: v4\.17/],
    [['export', '--promela', '--depth', '0', 's.json'], /--depth: "0" is not a whole number from 1 to 1,000/],
    [['export', '--promela', '--json', 's.json'], /unknown option --json/],
    [['export', '--promela', '--ops', 'some', 's.json'], /--ops: expected all or classic, got some/],
    [['export', '--promela', 'missing.json'], /missing\.json: cannot read \(ENOENT\)/],
  ])('exits 2 for %j', async (argv, message) => {
    const r = await runCli(argv, { 's.json': scenario(), 't.json': scenario() });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('names the place of a bad scenario', async () => {
    const r = await runCli(['export', '--promela', 's.json'], { 's.json': scenario({ cpus: 0 }) });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/s\.json: cpus/);
  });
});
