// Fuzz (bounded, seeded): mutated scenario files through the CLI in-process, and random arguments to
// every command. Whatever the input, the tool answers with exit 0, 1 or 2, and an error is clean lines
// naming the file (or the command): never a stack trace, never a raw control character.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPS } from '../../src/engine';
import { runCli } from './helpers';

const SEED = 20261201;
const dir = new URL('../../src/scenarios/', import.meta.url);
const EXAMPLES: string[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every [container, key] in a JSON value, so a mutation can pick one by index. */
function slots(v: Json, out: [Json[] | { [k: string]: Json }, string | number][] = []) {
  if (Array.isArray(v))
    v.forEach((x, i) => {
      out.push([v, i]);
      slots(x, out);
    });
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) {
      out.push([v, k]);
      slots(v[k], out);
    }
  return out;
}

/** Values a scenario field may be wrongly given: wrong types, edge numbers, hostile text. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    1e21,
    -1,
    0.5,
    2 ** 53,
    -0,
    '',
    ' ',
    '\u001b]0;title\u0007',
    'a\nb',
    '\uFEFF',
    [],
    {},
  ),
  fc.constantFrom<Json>(...OPS, 'teleport', '__proto__', 'constructor', 'qemu', 'vcpu0'),
  fc.integer({ min: -3, max: 12 }),
);

type Mutation =
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'copy'; from: number; to: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), to: fc.nat() }),
);

function mutate(text: string, ms: Mutation[]): string {
  const v = JSON.parse(text) as Json;
  for (const m of ms) {
    const all = slots(v);
    if (!all.length) break;
    const [c, k] = all[(m.kind === 'copy' ? m.to : m.at) % all.length];
    const put = (x: Json | undefined): void => {
      if (Array.isArray(c)) {
        if (x === undefined) c.splice(k as number, 1);
        else c[k as number] = x;
      } else if (x === undefined) delete c[k];
      else Object.defineProperty(c, k, { value: x, enumerable: true, writable: true, configurable: true });
    };
    if (m.kind === 'set') put(m.value);
    else if (m.kind === 'delete') put(undefined);
    else {
      const [fc2, fk] = all[m.from % all.length];
      put(structuredClone((fc2 as Record<string, Json>)[fk]));
    }
  }
  return JSON.stringify(v, null, 1);
}

/** Text-level damage: cut short, a character changed or inserted, a BOM, keys JSON.parse treats oddly. */
type TextDamage =
  | { kind: 'none' }
  | { kind: 'cut'; at: number }
  | { kind: 'char'; at: number; ch: string; insert: boolean }
  | { kind: 'bom' }
  | { kind: 'proto'; key: string }
  | { kind: 'deep'; depth: number; closed: boolean };

const damage: fc.Arbitrary<TextDamage> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 3 },
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('char' as const),
    at: fc.nat(),
    ch: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('"', '{', ']', ','),
    ),
    insert: fc.boolean(),
  }),
  fc.constant({ kind: 'bom' as const }),
  fc.record({
    kind: fc.constant('proto' as const),
    key: fc.constantFrom('__proto__', 'constructor', 'x', '-1', '1.5'),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    depth: fc.integer({ min: 1, max: 30_000 }),
    closed: fc.boolean(),
  }),
);

function damageText(text: string, d: TextDamage): string {
  switch (d.kind) {
    case 'none':
      return text;
    case 'cut':
      return text.slice(0, d.at % (text.length + 1));
    case 'char': {
      const at = d.at % (text.length + 1);
      return text.slice(0, at) + d.ch + text.slice(d.insert ? at : at + 1);
    }
    case 'bom':
      return `\uFEFF${text}`;
    case 'proto':
      return text.replace(/"start": \{/, `"start": {"${d.key}": "qemu",`);
    case 'deep':
      return text.replace(
        /"title": /,
        `"title": ${'['.repeat(d.depth)}1${d.closed ? ']'.repeat(d.depth) : ''}, "t": `,
      );
    default: {
      const never: never = d;
      return String(never);
    }
  }
}

/** A mutated example, its structure and maybe its text damaged. */
const scenarioFile = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { maxLength: 4 }), damage)
  .map(([text, ms, d]) => ({ text: damageText(mutate(text, ms), d) }));

/** Characters a terminal acts on or shows as nothing (newline aside). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/**
 * What every answer keeps: exit 0, 1 or 2; a result on standard output and nothing on standard error,
 * or (exit 2) an error on standard error naming the command, never an internal error or a stack trace.
 * Each line of an error also names the file and holds no control character, even when the file's text
 * itself is damaged (a BOM, cut text, changed characters).
 */
function expectClean(r: { code: number; out: string; err: string }, command: string): void {
  expect([0, 1, 2]).toContain(r.code);
  if (r.code !== 2) {
    expect(r.err).toBe('');
    expect(r.out.length).toBeGreaterThan(0);
    return;
  }
  expect(r.out).toBe('');
  expect(r.err).toMatch(new RegExp(`^fpsimd-viz ${command}: s\\.json: \\S`));
  expect(r.err.endsWith('\n')).toBe(true);
  expect(r.err).not.toMatch(/internal error|\n\s+at |\bNaN\b|undefined|\[object Object\]/);
  for (const line of r.err.slice(0, -1).split('\n')) {
    expect(line).toMatch(new RegExp(`^(fpsimd-viz ${command}: )?s\\.json: \\S`));
    expect(line).not.toMatch(CONTROL);
  }
}

describe('fuzz: scenario files through the CLI', () => {
  it('run answers every mutant with 0, 1 or 2 and a clean error', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioFile, async ({ text }) => {
        expectClean(await runCli(['run', 's.json'], { 's.json': text }), 'run');
      }),
      { seed: SEED, numRuns: 600 },
    );
  }, 30_000);

  it('check answers every mutant with 0, 1 or 2 and a clean error', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioFile, async ({ text }) => {
        const args = ['check', 's.json', '--depth', '2', '--max-states', '300'];
        expectClean(await runCli(args, { 's.json': text }), 'check');
      }),
      { seed: SEED + 1, numRuns: 150 },
    );
  }, 30_000);
});

describe('fuzz: scenario files through export', () => {
  it('export answers every mutant with 0 or 2 and a clean error', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioFile, async ({ text }) => {
        const r = await runCli(['export', '--promela', 's.json', '--depth', '2'], { 's.json': text });
        expect(r.code).not.toBe(1);
        expectClean(r, 'export');
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  }, 30_000);
});

/** Words a command line might hold: every command's options, values, hostile text, odd dashes. */
const WORDS = [
  '--json',
  '--depth',
  '--variant',
  '--ops',
  '--reduce',
  '--first',
  '--time-limit',
  '--promela',
  '--machine',
  '-o',
  '--output=out.txt',
  '--help',
  '--',
  '-',
  '-x',
  '--depth=0',
  '--variant=v4.18',
  's.json',
  'v4.18/no-put-save',
  'all',
  'classic',
  'dead',
  '2',
  '0.01',
  '\u001b]0;title\u0007',
  'a\nb\u009b',
  '\u202e',
  '--\u001b[2J',
  '__proto__',
];

/** Each command with leading arguments that keep its work small (gallery prints its machine only). */
const COMMAND_LINES: [string, string[]][] = [
  ['run', ['run']],
  ['check', ['check', '--max-states', '200']],
  ['export', ['export']],
  ['gallery', ['gallery', '--machine']],
  ['variants', ['variants']],
];

describe('fuzz: arguments to every command', () => {
  const scenario = EXAMPLES[0];
  it.each(COMMAND_LINES)(
    '%s answers every argument list with 0, 1 or 2 and clean text',
    async (name, head) => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), async (words) => {
          const r = await runCli([...head, ...words], { 's.json': scenario });
          expect([0, 1, 2]).toContain(r.code);
          expect(r.err).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/);
          for (const line of r.err.split('\n')) expect(line).not.toMatch(CONTROL);
          for (const line of r.out.split('\n')) expect(line).not.toMatch(CONTROL);
          if (r.code === 2) expect(r.err).toMatch(new RegExp(`^fpsimd-viz ${name}: \\S`));
        }),
        { seed: SEED + 3, numRuns: 150 },
      );
    },
    60_000,
  );
});
