// The command line's options, for every command: one table per command (name, type, value name), read
// by node:util's parseArgs. Options shared by every command (--help, --output) are added here, and
// the values several commands take (--variant, --depth, --ops) are read by one function each.
import { parseArgs } from 'node:util';
// Not the engine's index: it would load the scenario schemas (zod) into every command's start-up.
import { sveProblem } from '../engine/sveCheck';
import { OPS, type Op, type Scenario } from '../engine/types';
import { CLASSIC_OPS } from '../engine/explore/alphabet';
import { DEFAULT_VARIANT, variantOrError, type Variant } from '../engine/variants';
import { UsageError, type CliIO } from './io';
import { esc } from './text';

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** One letter, for `-x`. */
  short?: string;
}

/** A command's options by long name. To add an option to a command, add a row to its table. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** Every command takes these. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  output: { type: 'string', short: 'o' },
} as const satisfies OptionTable;

type Common = typeof COMMON_OPTIONS;
export type OptionValues<T extends OptionTable> = {
  [K in keyof (T & Common)]?: (T & Common)[K]['type'] extends 'boolean' ? true : string;
};

export interface ParsedOptions<T extends OptionTable> {
  positional: string[];
  values: OptionValues<T>;
}

/**
 * Reads `args` against the command's table (plus COMMON_OPTIONS): `--name value`, `--name=value`,
 * `-x value`, `--flag`; `--` ends the options. Refused with a UsageError: an unknown option, a value
 * missing or given to a flag, and an option given twice (the second would silently win).
 */
export function parseOptions<T extends OptionTable>(args: readonly string[], table: T): ParsedOptions<T> {
  const all: OptionTable = { ...COMMON_OPTIONS, ...table };
  const { tokens } = parseArgs({
    args: [...args],
    options: all,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positional: string[] = [];
  const values: Record<string, string | true> = {};
  const given: Record<string, string> = {};
  for (const t of tokens) {
    if (t.kind === 'positional') positional.push(t.value);
    if (t.kind !== 'option') continue;
    const spec = Object.hasOwn(all, t.name) ? all[t.name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option ${esc(t.rawName)}`);
    const name = `--${t.name}`;
    if (spec.type === 'boolean' && t.value !== undefined)
      throw new UsageError(`option ${name} takes no value`);
    if (spec.type === 'string' && t.value === undefined) throw new UsageError(`option ${name} needs a value`);
    const shown = t.value === undefined ? name : `${name} ${t.value}`;
    if (Object.hasOwn(given, t.name))
      throw new UsageError(
        `option ${name} given twice (${esc(given[t.name])}, then ${esc(shown)}): give it once`,
      );
    given[t.name] = shown;
    values[t.name] = t.value ?? true;
  }
  return { positional, values: values as OptionValues<T> };
}

const n = (x: number): string => x.toLocaleString('en');

/** A whole number from 1 to `max` given to option `name`; `_` and `,` may group its digits. */
export function countOption(name: string, text: string | undefined, max: number, fallback: number): number;
export function countOption(
  name: string,
  text: string | undefined,
  max: number,
  fallback?: undefined,
): number | undefined;
export function countOption(
  name: string,
  text: string | undefined,
  max: number,
  fallback?: number,
): number | undefined {
  if (text === undefined) return fallback;
  const digits = text.replace(/[_,]/g, '');
  if (!/^[0-9]+$/.test(digits) || Number(digits) < 1 || Number(digits) > max)
    throw new UsageError(`--${name}: "${esc(text)}" is not a whole number from 1 to ${n(max)}`);
  return Number(digits);
}

/** Seconds given to option `name`: a positive number, at most `max` (decimals allowed: 0.5). */
export function secondsOption(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const s = Number(text);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text) || !(s > 0) || s > max)
    throw new UsageError(
      `--${name}: "${esc(text)}" is not a number of seconds above 0 and at most ${n(max)}`,
    );
  return s;
}

/**
 * --ops: `all` (every op, the default) or `classic` (the first eleven). `all` includes the SVE ops;
 * the explorer and export keep them only on SVE machines (machineOps()).
 */
export function opsOption(text: string | undefined): readonly Op[] {
  if (text === undefined || text === 'all') return OPS;
  if (text === 'classic') return CLASSIC_OPS;
  throw new UsageError(`--ops: expected all or classic, got ${esc(text)}`);
}

/**
 * The variant asked for: --variant, else the scenario's own, else the default; resolved by the
 * engine (so its aliases work here too). `file` is the scenario's name as shown.
 */
export function variantOption(
  chosen: string | undefined,
  sc: Pick<Scenario, 'variant' | 'tasks' | 'sve'> | null,
  file: string,
): Variant {
  const v = variantOrError(chosen ?? sc?.variant ?? DEFAULT_VARIANT);
  const where = chosen !== undefined ? '--variant' : `${file}: variant`;
  if (typeof v === 'string') throw new UsageError(`${where}: ${esc(v)}`);
  // An SVE vcpu under an era without guest SVE (engine: sveProblem, shared with the app).
  const sve = sc ? sveProblem(sc, v) : null;
  if (sve !== null) throw new UsageError(`${file}: ${esc(sve)}`);
  return v;
}

/** Exactly one FILE argument, or a UsageError followed by the command's help. */
export function oneFile(positional: readonly string[], help: string): string {
  if (positional.length === 1) return positional[0];
  throw new UsageError(
    `${positional.length ? `expected one FILE, got ${positional.length}` : 'missing FILE'}\n${help}`,
  );
}

/** No FILE argument: the command takes none. */
export function noFile(command: string, positional: readonly string[]): void {
  if (positional.length) throw new UsageError(`${command} takes no FILE (got ${esc(positional[0])})`);
}

/** The lines every command's help ends with: the common options and the exit status. */
export const COMMON_HELP = `  -o, --output FILE  write the output to FILE (through a temporary file renamed at the end: an
                     error leaves no partial FILE) instead of standard output
  -h, --help         this help`;

/** parseOptions, and --output applied to `io`: what the command writes from now on goes to that file. */
export function commandOptions<T extends OptionTable>(
  args: readonly string[],
  table: T,
  io: CliIO,
): ParsedOptions<T> {
  const parsed = parseOptions(args, table);
  const out = parsed.values.output;
  if (out === '') throw new UsageError('--output: expected a file name (or - for standard output)');
  if (typeof out === 'string' && out !== '-') io.outputTo(out);
  return parsed;
}

/** commandOptions, or null when `--help` asked for the command's help, which it has printed (exit 0). */
export function commandOrHelp<T extends OptionTable>(
  args: readonly string[],
  table: T,
  help: string,
  io: CliIO,
): ParsedOptions<T> | null {
  const parsed = commandOptions(args, table, io);
  if (!parsed.values.help) return parsed;
  io.stdout(help + '\n');
  return null;
}
