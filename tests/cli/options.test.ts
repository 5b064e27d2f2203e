// The options module every command shares: one table per command, read by node:util's parseArgs;
// unknown options, missing values and an option given twice are refused, by every command.
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/cli/options';
import * as TABLES from '../../src/cli/optionTables';
import { REFERENCE_SCENARIO, runCli } from './helpers';

const files = { 's.json': REFERENCE_SCENARIO };

describe('parseOptions', () => {
  it('reads --name value, --name=value, -x value, flags, positionals and --', () => {
    const p = parseOptions(
      ['a.json', '--depth', '3', '--variant=v4.18', '--json', '-o', 'out', '--', '--x'],
      {
        depth: { type: 'string' },
        variant: { type: 'string' },
        json: { type: 'boolean' },
      },
    );
    expect(p.positional).toEqual(['a.json', '--x']);
    expect(p.values).toEqual({ depth: '3', variant: 'v4.18', json: true, output: 'out' });
  });

  it('refuses an option given twice, in any spelling, naming both', () => {
    const table = { depth: { type: 'string' }, json: { type: 'boolean' } } as const;
    expect(() => parseOptions(['--depth', '5', '--depth=7'], table)).toThrow(
      'option --depth given twice (--depth 5, then --depth 7): give it once',
    );
    expect(() => parseOptions(['--json', '--json'], table)).toThrow('option --json given twice');
    expect(() => parseOptions(['-o', 'a', '--output', 'b'], table)).toThrow('option --output given twice');
  });

  it('refuses unknown options, missing values and values given to flags', () => {
    const table = { depth: { type: 'string' }, json: { type: 'boolean' } } as const;
    expect(() => parseOptions(['--fast'], table)).toThrow('unknown option --fast');
    expect(() => parseOptions(['-x'], table)).toThrow('unknown option -x');
    expect(() => parseOptions(['--depth'], table)).toThrow('option --depth needs a value');
    expect(() => parseOptions(['--json=yes'], table)).toThrow('option --json takes no value');
    expect(() => parseOptions(['--__proto__'], table)).toThrow('unknown option --__proto__');
  });
});

describe('every command', () => {
  /** A command, the arguments it needs, and one option of its table that takes a value. */
  const cases: [string, string[], string, string][] = [
    ['run', ['run', 's.json'], 'variant', 'v4.18'],
    ['check', ['check', 's.json'], 'depth', '2'],
    ['export', ['export', '--promela', 's.json'], 'depth', '2'],
    ['gallery', ['gallery', '--machine'], 'variant', 'v4.18/pre-b045e4d0f392'],
    ['variants', ['variants'], 'output', '-'],
    ['spin', ['spin', 's.json'], 'cores', '2'],
  ];

  it.each(cases)('%s refuses a repeated option with exit 2', async (name, args, option, value) => {
    const r = await runCli([...args, `--${option}`, value, `--${option}=${value}`], files);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `fpsimd-viz ${name}: option --${option} given twice (--${option} ${value}, then --${option} ${value}): give it once\n`,
    );
  });

  it.each(cases)('%s takes --help and -h, and says its exit statuses', async (_name, args) => {
    const long = await runCli([args[0], '--help']);
    const short = await runCli([args[0], '-h']);
    expect(long.code).toBe(0);
    expect(short.out).toBe(long.out);
    expect(long.out).toMatch(/-o, --output FILE/);
    expect(long.out).toMatch(/^3 the output could not be written/m);
  });

  it('has one table of options, each a boolean or a string', () => {
    expect(Object.keys(TABLES).length).toBe(7);
    for (const table of Object.values(TABLES))
      for (const spec of Object.values(table)) expect(['boolean', 'string']).toContain(spec.type);
  });

  it('check and export read --depth and --ops the same way', async () => {
    for (const args of [
      ['check', 's.json'],
      ['export', '--promela', 's.json'],
    ]) {
      const depth = await runCli([...args, '--depth', 'ten'], files);
      expect(depth.err).toBe(`fpsimd-viz ${args[0]}: --depth: "ten" is not a whole number from 1 to 1,000\n`);
      const ops = await runCli([...args, '--ops', 'some'], files);
      expect(ops.err).toBe(`fpsimd-viz ${args[0]}: --ops: expected all or classic, got some\n`);
      const variant = await runCli([...args, '--variant', 'v9'], files);
      expect(variant.err).toMatch(
        new RegExp(`^fpsimd-viz ${args[0]}: --variant: unknown variant "v9"; known: `),
      );
    }
  });
});
