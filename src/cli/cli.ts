// Subcommand dispatch, independent of the process so tests can drive it.
import { EXIT, EXIT_HELP, failure, type CliIO } from './io';
import { esc, escLines } from './text';

export const HELP = `usage: fpsimd-viz <command> [options]

commands:
  run FILE [--variant ID] [--json]              replay a scenario, report violations and costs
  check FILE [--variant ID] [--depth N] [--first] [--time-limit S] [--json]
                                                 explore every event sequence up to N events
  variants [--json]                              list the kernel eras, ablations and historic variants
  export --promela FILE [--variant ID] [--depth N] the machine and variant as a Promela model (Spin)
  gallery [--variant ID] [--machine] [--json]    find each historic kernel bug with the explorer
  import-trail MODEL [--trail FILE] [--link URL] a Spin trail of an exported model as a scenario
  spin FILE [--cores N] [--swarm RUNS]           check with Spin's multi-core verifier or a swarm

Every command takes -o/--output FILE (written whole or not at all) and -h/--help; an option may be
given once.
Exit status: 0 no violation, 1 violations found, 2 bad input or usage,
${EXIT_HELP}
${EXIT.interrupted} check stopped by Ctrl-C (what it found so far is printed, marked incomplete).
Run 'fpsimd-viz <command> --help' for a command's options.`;

type Command = (args: string[], io: CliIO) => Promise<number>;

// Each command's module is loaded only when it runs (a chunk of its own in the build): start-up pays
// for the one command asked for, not for every command's engine code and schemas (`cli.startRatio`).
const COMMANDS: Record<string, Command> = {
  run: async (args, io) => (await import('./run')).runCommand(args, io),
  variants: async (args, io) => (await import('./variants')).variantsCommand(args, io),
  check: async (args, io) => (await import('./check')).checkCommand(args, io),
  export: async (args, io) => (await import('./export')).exportCommand(args, io),
  gallery: async (args, io) => (await import('./gallery')).galleryCommand(args, io),
  'import-trail': async (args, io) => (await import('./importTrail')).importTrailCommand(args, io),
  spin: async (args, io) => (await import('./spin')).spinCommand(args, io),
};

export async function cli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    try {
      io.stdout(HELP + '\n');
    } catch (e) {
      return failure('help', e, io);
    }
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.stderr(`fpsimd-viz: unknown command "${esc(name)}"\n${HELP}\n`);
    return EXIT.usage;
  }
  // Whatever a command prints reaches the terminal escaped, line by line (its own escaping makes this
  // a no-op; it is the net under any text from input a command forgot).
  const safe: CliIO = { ...io, stdout: (s) => io.stdout(escLines(s)) };
  let status: number;
  try {
    status = await cmd(rest, safe);
  } catch (e) {
    status = failure(name, e, io);
  }
  try {
    // The --output file is written unless the command was refused (bad input or usage).
    io.finish(status !== EXIT.usage && status !== EXIT.write);
  } catch (e) {
    status = failure(name, e, io);
  }
  return status;
}
