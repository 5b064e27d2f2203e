// Subcommand dispatch, independent of the process so tests can drive it.
import { UsageError, type CliIO } from './io';
import { esc } from './text';
import { runCommand } from './run';
import { variantsCommand } from './variants';

export const HELP = `usage: fpsimd-viz <command> [options]

commands:
  run FILE [--variant ID] [--json]              replay a scenario, report violations and costs
  check FILE [--variant ID] [--depth N] [--json] explore every event sequence up to N events
  variants [--json]                              list the kernel eras, ablations and historic variants
  export --promela FILE [--variant ID] [--depth N] the machine and variant as a Promela model (Spin)
  gallery [--variant ID] [--machine] [--json]    find each historic kernel bug with the explorer
  import-trail MODEL [--trail FILE] [--link URL] a Spin trail of an exported model as a scenario

Exit status: 0 no violation, 1 violations found, 2 bad input or usage.
Run 'fpsimd-viz <command> --help' for a command's options.`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  variants: variantsCommand,
  check: async (args, io) => (await import('./check')).checkCommand(args, io),
  export: async (args, io) => (await import('./export')).exportCommand(args, io),
  gallery: async (args, io) => (await import('./gallery')).galleryCommand(args, io),
  'import-trail': async (args, io) => (await import('./importTrail')).importTrailCommand(args, io),
};

export async function cli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP + '\n');
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr(`fpsimd-viz: unknown command "${esc(name)}"\n${HELP}\n`);
    return 2;
  }
  try {
    return await cmd(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`fpsimd-viz ${name}: ${e.message}\n`);
      return 2;
    }
    // No input may crash the tool silently: anything unexpected is reported, still as exit 2.
    io.stderr(
      `fpsimd-viz ${name}: internal error: ${(e instanceof Error ? (e.stack ?? e.message) : String(e)).split('\n').map(esc).join('\n')}\n`,
    );
    return 2;
  }
}
