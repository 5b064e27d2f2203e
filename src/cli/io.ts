// What the commands need from the outside world; tests pass fakes, main.ts passes the process.
import type { Scenario } from '../engine';
import { MAX_SCENARIO_BYTES } from '../engine/limits';
import { WriteFailed } from './output';
import { esc, escLines } from './text';

export interface CliIO {
  /** Writes to standard output, or to the --output file's buffer. Throws WriteFailed. */
  stdout(s: string): void;
  stderr(s: string): void;
  /**
   * Reads a file, or standard input for `-`, as UTF-8. Reads at most maxBytes + 1 bytes: beyond
   * maxBytes it stops reading and throws InputTooLarge; bytes that are not UTF-8 throw NotUtf8.
   */
  readFile(path: string, maxBytes: number): Promise<string>;
  onInterrupt(cb: () => void): void;
  isTTY: boolean;
  /** From now on standard output is kept for the file at `path` (--output), written whole by finish. */
  outputTo(path: string): void;
  /**
   * Ends the command's output: the --output file is written whole (temporary file, then renamed) when
   * `keep`, else not at all. Throws WriteFailed.
   */
  finish(keep: boolean): void;
}

/** Exit statuses, the same for every command (README "Exit status", each command's --help). */
export const EXIT = {
  ok: 0,
  violations: 1,
  usage: 2,
  /** The output could not be written (disk full, closed pipe, permission). */
  write: 3,
  /** Ctrl-C (SIGINT): 128 + 2, as shells report a process killed by it. */
  interrupted: 130,
} as const;

/** The exit statuses every command shares, for the helps. */
export const EXIT_HELP = `${EXIT.write} the output could not be written (disk full, closed pipe, permission): one line on
standard error names the file or standard output and the cause; a --output FILE is left as it was.`;

/** Thrown for bad input or usage: exit status 2 with the message on standard error. */
export class UsageError extends Error {}

/** Thrown by CliIO.readFile when the bytes are not UTF-8 text; the message says what they are. */
export class NotUtf8 extends Error {}

/** Thrown by CliIO.readFile when the input goes on past its limit. */
export class InputTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes.toLocaleString('en')} bytes`);
  }
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
    if (e instanceof NotUtf8) throw new UsageError(`${name}: ${esc(e.message)}`);
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

/**
 * Reports a command's failure on standard error and returns its exit status: a UsageError (2), a
 * WriteFailed (3, one line naming the file or standard output and the cause), anything else as an
 * internal error (2). Every line is escaped: messages quote arguments and files.
 */
export function failure(command: string, e: unknown, io: CliIO): number {
  const head = `fpsimd-viz ${command}: `;
  if (e instanceof UsageError) {
    io.stderr(`${head}${escLines(e.message)}\n`);
    return EXIT.usage;
  }
  if (e instanceof WriteFailed) {
    io.stderr(`${head}cannot write to ${esc(e.target)}: ${esc(e.why)}\n`);
    return EXIT.write;
  }
  // No input may crash the tool silently: anything unexpected is reported, still as exit 2.
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.stderr(`${head}internal error: ${escLines(text)}\n`);
  return EXIT.usage;
}
