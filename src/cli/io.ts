// What the commands need from the outside world; tests pass fakes, main.ts passes the process.
import type { Scenario } from '../engine';
import { MAX_SCENARIO_BYTES } from '../engine/limits';
import { esc } from './text';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /**
   * Reads a file, or standard input for `-`, as UTF-8. Reads at most maxBytes + 1 bytes: beyond
   * maxBytes it stops reading and throws InputTooLarge.
   */
  readFile(path: string, maxBytes: number): Promise<string>;
  onInterrupt(cb: () => void): void;
  isTTY: boolean;
}

/** Thrown for bad input or usage: exit status 2 with the message on standard error. */
export class UsageError extends Error {}

/** Thrown by CliIO.readFile when the input goes on past its limit. */
export class InputTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes.toLocaleString('en')} bytes`);
  }
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** Parses `--name value` / `--name=value` / `--flag`; `booleans` lists the flags that take no value. */
export function parseArgs(
  args: readonly string[],
  booleans: readonly string[],
  valued: readonly string[],
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (!a.startsWith('--') || (!booleans.includes(name) && !valued.includes(name)))
      throw new UsageError(`unknown option ${esc(a)}`);
    if (booleans.includes(name)) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      flags.set(name, true);
    } else if (eq >= 0) flags.set(name, a.slice(eq + 1));
    else {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`option --${name} needs a value`);
      flags.set(name, v);
    }
  }
  return { positional, flags };
}

/** The name shown for a file argument (`-` is standard input), escaped for the terminal. */
export const inputName = (file: string): string => (file === '-' ? 'standard input' : esc(file));

/**
 * Reads and parses a scenario file; bad input becomes a UsageError naming the file and place. Input
 * over the scenario size limit is refused as soon as the limit is passed, before the rest is read.
 */
export async function readScenarioFile(
  io: CliIO,
  file: string,
  parse: (
    text: string,
  ) => { ok: true; scenario: Scenario } | { ok: false; errors: { where: string; message: string }[] },
): Promise<Scenario> {
  let text: string;
  const name = inputName(file);
  try {
    text = await io.readFile(file, MAX_SCENARIO_BYTES);
  } catch (e) {
    if (e instanceof InputTooLarge)
      throw new UsageError(
        `${name}: more than ${MAX_SCENARIO_BYTES / 1e6} MB; scenarios are limited to ` +
          `${MAX_SCENARIO_BYTES / 1e6} MB (${MAX_SCENARIO_BYTES.toLocaleString('en')} bytes)`,
      );
    const code = (e as { code?: string }).code;
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(`${name}: cannot read${code ? ` (${esc(code)})` : ''}: ${esc(why)}`);
  }
  const res = parse(text);
  if (!res.ok)
    throw new UsageError(
      res.errors.map((er) => `${name}: ${er.where ? `${esc(er.where)}: ` : ''}${esc(er.message)}`).join('\n'),
    );
  return res.scenario;
}
