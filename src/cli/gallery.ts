// `fpsimd-viz gallery [--variant ID] [--machine] [--json]`: the bug gallery from the command line.
// Searches each historic variant (a real kernel fix undone) on its machine to its depth, and each era
// claimed clean on the same machines, and reports what it found; fails on any entry not found as its own.
import {
  ERAS,
  findVariant,
  GALLERY_DEPTH,
  GALLERY_MACHINE,
  entryVerdict,
  galleryEntries,
  ownViolation,
  galleryOptions,
  sveCleanEras,
  SVE_GALLERY_DEPTH,
  sveGalleryOptions,
  SVE_GALLERY_MACHINE,
  sveGalleryMachine,
  SVE_UP_MACHINE,
  VARIANTS,
  type GalleryEntry,
  type Scenario,
  type Variant,
} from '../engine';
import { explore, type ExploreOptions, type ExploreResult } from '../engine/explore';
import { searchEntry, searchKey } from '../engine/gallerySearch';
import { galleryFailures } from './galleryVerdicts';
import { EXIT_HELP, UsageError, type CliIO } from './io';
import { COMMON_HELP, commandOptions, noFile } from './options';
import { GALLERY_OPTIONS } from './optionTables';
import { esc, eventText } from './text';

export const GALLERY_HELP = `usage: fpsimd-viz gallery [--variant ID] [--machine] [--json]

Searches every historic variant (ERA/pre-COMMIT12: an era as it stood before a real kernel fix) on the
gallery machine (${GALLERY_MACHINE.cpus} CPUs, ${GALLERY_MACHINE.tasks.map((t) => t.id).join(', ')}) to depth ${GALLERY_DEPTH}, and every
era on the same machine to the same depth, and prints each bug's shortest counterexample. SVE bugs
(historic variants of SVE fixes, and bugs of a release itself, searched as the era) are searched on
the SVE gallery machine (${SVE_GALLERY_MACHINE.cpus} SVE CPUs, ${SVE_GALLERY_MACHINE.tasks.map((t) => t.id).join(', ')}; a plain vcpu for eras
before guest SVE) to depth ${SVE_GALLERY_DEPTH}, where the eras claimed clean (v6.15 and v6.16 with their
release bugs fixed) must be clean; an SVE historic variant is searched on its fixed base (ID+COMMIT12:
its release's own bugs fixed) and machine, to its own depth ("searched to depth N": e.g. v4.18's on the
SVE one-CPU machine, ${SVE_UP_MACHINE.tasks.map((t) => t.id).join(', ')}, to 12 and 15), one of them by the differential search
against its base ('check --unlike'). Each bug's counterexamples are replayed under its base (the era
with the same fixes): "found only a violation ... has too" means the search stopped at a bug of the
base itself, not the one the fix removed.

  --variant ID  only this historic variant, or an era's own bugs (and its era)
  --machine     print the gallery machine as a scenario file, e.g. for
                'fpsimd-viz check FILE --variant ID --depth ${GALLERY_DEPTH}'
  --sve-machine print the SVE gallery machine as a scenario file
  --json        print one fpsimd-gallery/1 object
${COMMON_HELP}

Exit status: 0 every entry, FPSIMD and SVE, is found as its own bug within its depth and every era
claimed clean is clean, 1 otherwise (standard error names each entry or era that failed and why),
2 bad usage,
${EXIT_HELP}`;

interface Row {
  variant: Variant;
  result: ExploreResult;
}

interface BugRow extends Row {
  entry: GalleryEntry;
}

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
  if (values['sve-machine']) {
    io.stdout(JSON.stringify(SVE_GALLERY_MACHINE, null, 2) + '\n');
    return 0;
  }
  const only = values.variant;
  // Resolved by the engine, so an alias names its variant here as everywhere.
  const asked = only === undefined ? undefined : findVariant(only)?.id;
  const all = galleryEntries();
  const entries = all.filter((e) => only === undefined || e.variant.id === asked);
  if (only !== undefined && entries.length === 0)
    throw new UsageError(
      `--variant: "${esc(only)}" is not a historic variant nor an era with bugs of its own; known: ${[
        ...new Set(all.map((e) => e.variant.id)),
      ].join(', ')}`,
    );
  const eraIds = new Set(entries.map((e) => e.variant.era.id));
  const eras = ERAS.filter((e) => only === undefined || eraIds.has(e.id)).map((e) =>
    VARIANTS.find((v) => v.id === e.id)!,
  );
  // An era with bugs of its own is not claimed clean on the machine its bugs are searched on; the SVE
  // claims are made once SVE bugs exist.
  const ownFpsimd = new Set(entries.filter((e) => e.releaseBug && !e.sve).map((e) => e.variant.id));
  const fpsimdEras = eras.filter((v) => !ownFpsimd.has(v.id));
  const sveEras = entries.some((e) => e.sve)
    ? sveCleanEras().filter((v) => only === undefined || eraIds.has(v.era.id))
    : [];
  // A release's bugs are one search of the era (the same variant, machine and options): run it once.
  const searches = new Map<string, ExploreResult>();
  const search = (variant: Variant, machine: Scenario, options: ExploreOptions): Row => {
    const key = JSON.stringify([variant.id, machine, options]);
    const result = searches.get(key) ?? explore(machine, variant, options);
    searches.set(key, result);
    return { variant, result };
  };
  const bugs: BugRow[] = entries.map((e) => {
    const result = searches.get(searchKey(e)) ?? searchEntry(e);
    searches.set(searchKey(e), result);
    return { entry: e, variant: e.variant, result };
  });
  const clean = fpsimdEras.map((v) => search(v, GALLERY_MACHINE, galleryOptions(false)));
  const sveClean = sveEras.map((v) => search(v, sveGalleryMachine(v), sveGalleryOptions(false)));
  const bound = clean[0]?.result.maxSignalFrames ?? bugs[0]?.result.maxSignalFrames;
  // Every entry must be found as its own bug, and every era claimed clean be clean.
  const failures = galleryFailures(
    bugs.map(({ entry, variant }) => ({
      id: `${variant.id}${entry.releaseBug ? `:${entry.fix.commit}` : ''}`,
      verdict: entryVerdict(entry, bugs.find((b) => b.entry === entry)!.result.violations),
      depth: entry.depth,
      sve: entry.sve,
      base: entry.base?.id ?? null,
    })),
    [
      ...clean.map((c) => ({
        id: c.variant.id,
        violations: c.result.violations.length,
        depth: GALLERY_DEPTH,
        sve: false,
      })),
      ...sveClean.map((c) => ({
        id: c.variant.id,
        violations: c.result.violations.length,
        depth: SVE_GALLERY_DEPTH,
        sve: true,
      })),
    ],
  );
  const ok = failures.length === 0;
  for (const f of failures) io.stderr(`fpsimd-viz gallery: FAILED: ${f}\n`);
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
          format: 'fpsimd-gallery/1',
          machine: GALLERY_MACHINE,
          depth: GALLERY_DEPTH,
          maxSignalFrames: bound,
          ...(sveEras.length || bugs.some((b) => b.entry.sve)
            ? { sveMachine: SVE_GALLERY_MACHINE, sveDepth: SVE_GALLERY_DEPTH }
            : {}),
          bugs: bugs.map(({ entry, variant, result }) => ({
            variant: variant.id,
            ...entry.fix,
            ...(entry.releaseBug ? { releaseBug: true } : {}),
            ...(entry.sve ? { depth: entry.depth } : {}),
            ...(entry.search && entry.base
              ? {
                  searched: {
                    variant: variant.id,
                    base: entry.base.id,
                    machine: entry.machine.title,
                    depth: entry.depth,
                    ...(entry.unlike ? { unlike: entry.base.id } : {}),
                    why: entry.search.why,
                  },
                }
              : {}),
            seconds: result.seconds,
            states: result.states,
            shortest: ownViolation(entry, result.violations) ?? result.violations[0] ?? null,
            verdict: entryVerdict(entry, result.violations),
          })),
          eras: clean.map(({ variant, result }) => ({
            variant: variant.id,
            seconds: result.seconds,
            states: result.states,
            exhausted: result.exhausted,
            violations: result.violations.length,
          })),
          ...(sveClean.length
            ? {
                sveEras: sveClean.map(({ variant, result }) => ({
                  variant: variant.id,
                  seconds: result.seconds,
                  states: result.states,
                  exhausted: result.exhausted,
                  violations: result.violations.length,
                })),
              }
            : {}),
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
  if (bugs.some((b) => b.entry.sve) || sveClean.length)
    lines.push(`SVE gallery machine: ${SVE_GALLERY_MACHINE.title}; depth ${SVE_GALLERY_DEPTH}`);
  for (const { entry, variant, result } of bugs) {
    const h = entry.fix;
    const v = ownViolation(entry, result.violations) ?? result.violations[0];
    const tags = [
      h.date,
      h.analogue ? 'analogue' : '',
      entry.sve ? 'SVE' : '',
      entry.releaseBug ? 'this release itself' : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`${variant.id}  ${entry.releaseBug ? 'fixed by ' : ''}${h.commit} "${h.subject}" (${tags})`);
    const verdict = entryVerdict(entry, result.violations);
    if (entry.search)
      lines.push(
        `  searched as ${variant.id} on the ${entry.machine.title.split(':')[0]} to depth ${entry.depth}${entry.unlike ? ` against ${entry.base?.id ?? variant.era.id} (differential: what it does not report)` : ''}${entry.search.why ? `: ${entry.search.why}` : ''}`,
      );
    const what =
      verdict === 'era-bug-only'
        ? `found only a violation ${entry.base?.id ?? variant.era.id} has too (not this fix's bug) in`
        : 'found in';
    lines.push(
      v
        ? `  ${what} ${result.seconds.toFixed(2)} s: ${v.kind} ${v.context ?? '-'} after ${v.events.length} events: ${v.events.map(eventText).join(', ')}`
        : `  NOT FOUND within ${entry.depth} events (${result.states} states, ${result.seconds.toFixed(2)} s)${entry.sve ? ': its example scenario shows it' : ''}`,
    );
  }
  const eraLine = ({ variant, result }: Row, depth: number, what: string): string =>
    `${variant.id}${what}: ${result.violations.length ? `${result.violations.length} violation(s)!` : 'clean'} to depth ${depth}${result.exhausted ? ' (exhausted: every reachable state)' : ''}, ${result.states} states, ${result.seconds.toFixed(2)} s`;
  for (const row of clean) lines.push(eraLine(row, GALLERY_DEPTH, ''));
  for (const row of sveClean) lines.push(eraLine(row, SVE_GALLERY_DEPTH, ' with SVE'));
  io.stdout(lines.join('\n') + '\n');
  return ok ? 0 : 1;
}
