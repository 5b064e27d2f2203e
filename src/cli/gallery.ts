// `fpsimd-viz gallery [--variant ID] [--machine] [--json]`: the bug gallery from the command line.
// Searches each historic variant (a real kernel fix undone) on the gallery machine to the gallery
// depth, and each era on the same machine to the same depth, and reports what it found.
import {
  ERAS,
  findVariant,
  GALLERY_DEPTH,
  GALLERY_MACHINE,
  galleryOptions,
  galleryVariants,
  VARIANTS,
  type Variant,
} from '../engine';
import { explore, type ExploreResult } from '../engine/explore';
import { EXIT_HELP, UsageError, type CliIO } from './io';
import { COMMON_HELP, commandOptions, noFile } from './options';
import { esc } from './text';

/** gallery's options (with --help and --output, which every command takes). */
export const GALLERY_OPTIONS = {
  variant: { type: 'string' },
  machine: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const GALLERY_HELP = `usage: fpsimd-viz gallery [--variant ID] [--machine] [--json]

Searches every historic variant (ERA/pre-COMMIT12: an era as it stood before a real kernel fix) on the
gallery machine (${GALLERY_MACHINE.cpus} CPUs, ${GALLERY_MACHINE.tasks.map((t) => t.id).join(', ')}) to depth ${GALLERY_DEPTH}, and every
era on the same machine to the same depth, and prints each bug's shortest counterexample.

  --variant ID  only this historic variant (and its era)
  --machine     print the gallery machine as a scenario file, e.g. for
                'fpsimd-viz check FILE --variant ID --depth ${GALLERY_DEPTH}'
  --json        print one fpsimd-gallery/1 object
${COMMON_HELP}

Exit status: 0 every historic variant breaks and every era is clean, 1 otherwise, 2 bad usage,
${EXIT_HELP}`;

interface Row {
  variant: Variant;
  result: ExploreResult;
}

const eventText = (ev: { cpu: number; op: string; task?: string }): string =>
  `cpu${ev.cpu} ${ev.op}${ev.task ? ` ${ev.task}` : ''}`;

export async function galleryCommand(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = commandOptions(args, GALLERY_OPTIONS, io);
  if (values.help) {
    io.stdout(GALLERY_HELP + '\n');
    return 0;
  }
  noFile('gallery', positional);
  if (values.machine) {
    io.stdout(JSON.stringify(GALLERY_MACHINE, null, 2) + '\n');
    return 0;
  }
  const only = values.variant;
  // Resolved by the engine, so an alias names its variant here as everywhere.
  const asked = only === undefined ? undefined : findVariant(only)?.id;
  const entries = galleryVariants().filter((v) => only === undefined || v.id === asked);
  if (only !== undefined && entries.length === 0)
    throw new UsageError(
      `--variant: "${esc(only)}" is not a historic variant; known: ${galleryVariants()
        .map((v) => v.id)
        .join(', ')}`,
    );
  const eraIds = new Set(entries.map((v) => v.era.id));
  const eras = ERAS.filter((e) => only === undefined || eraIds.has(e.id)).map((e) =>
    VARIANTS.find((v) => v.id === e.id)!,
  );
  const search = (variant: Variant, bug: boolean): Row => ({
    variant,
    result: explore(GALLERY_MACHINE, variant, galleryOptions(bug)),
  });
  const bugs = entries.map((v) => search(v, true));
  const clean = eras.map((v) => search(v, false));
  const bound = clean[0]?.result.maxSignalFrames ?? bugs[0]?.result.maxSignalFrames;
  const ok =
    bugs.every((b) => b.result.violations.length > 0) && clean.every((c) => c.result.violations.length === 0);
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
          format: 'fpsimd-gallery/1',
          machine: GALLERY_MACHINE,
          depth: GALLERY_DEPTH,
          maxSignalFrames: bound,
          bugs: bugs.map(({ variant, result }) => ({
            variant: variant.id,
            ...variant.historic,
            seconds: result.seconds,
            states: result.states,
            shortest: result.violations[0] ?? null,
          })),
          eras: clean.map(({ variant, result }) => ({
            variant: variant.id,
            seconds: result.seconds,
            states: result.states,
            exhausted: result.exhausted,
            violations: result.violations.length,
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return ok ? 0 : 1;
  }
  const lines: string[] = [
    `gallery machine: ${GALLERY_MACHINE.title}; depth ${GALLERY_DEPTH}; every op, at most ${bound} pending signal frame(s) per task`,
  ];
  for (const { variant, result } of bugs) {
    const h = variant.historic!;
    const v = result.violations[0];
    lines.push(`${variant.id}  ${h.commit} "${h.subject}" (${h.date}${h.analogue ? ', analogue' : ''})`);
    lines.push(
      v
        ? `  found in ${result.seconds.toFixed(2)} s: ${v.kind} ${v.context ?? '-'} after ${v.events.length} events: ${v.events.map(eventText).join(', ')}`
        : `  NOT FOUND within ${GALLERY_DEPTH} events (${result.states} states, ${result.seconds.toFixed(2)} s)`,
    );
  }
  for (const { variant, result } of clean)
    lines.push(
      `${variant.id}: ${result.violations.length ? `${result.violations.length} violation(s)!` : 'clean'} to depth ${GALLERY_DEPTH}${result.exhausted ? ' (exhausted: every reachable state)' : ''}, ${result.states} states, ${result.seconds.toFixed(2)} s`,
    );
  io.stdout(lines.join('\n') + '\n');
  return ok ? 0 : 1;
}
