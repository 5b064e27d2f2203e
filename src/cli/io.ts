// What the commands need from the outside world; tests pass fakes, main.ts passes the process.
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Reads a file, or standard input for `-`. */
  readFile(path: string): Promise<string>;
  onInterrupt(cb: () => void): void;
  isTTY: boolean;
}

/** Thrown for bad input or usage: exit status 2 with the message on standard error. */
export class UsageError extends Error {}

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
      throw new UsageError(`unknown option ${a}`);
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

/** Reads and parses a scenario file; bad input becomes a UsageError naming the file and place. */
export async function readScenarioFile(
  io: CliIO,
  file: string,
  parse: (
    text: string,
  ) =>
    | { ok: true; scenario: import('../engine').Scenario }
    | { ok: false; errors: { where: string; message: string }[] },
): Promise<import('../engine').Scenario> {
  let text: string;
  const name = file === '-' ? 'standard input' : file;
  try {
    text = await io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `${name}: cannot read${code ? ` (${code})` : ''}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const res = parse(text);
  if (!res.ok)
    throw new UsageError(
      res.errors.map((er) => `${name}: ${er.where ? `${er.where}: ` : ''}${er.message}`).join('\n'),
    );
  return res.scenario;
}
