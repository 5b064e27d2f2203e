// `fpsimd-viz import-trail MODEL [--trail FILE] [--spin-output FILE] [--link URL]`: a counterexample
// Spin found on a model written by `export --promela` (one process, -DNCORE, or a swarm of bitstate
// runs) back as a scenario: the trail is replayed by `spin -t -p` (or its output is read from a file),
// each event step named by the model line it ran, and the sequence replayed through the engine, which
// must report the violation pan asserted at the last event.
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  createMachine,
  printScenario,
  replay,
  variantOrError,
  type Scenario,
  type ScenarioEvent,
  type ViolationKind,
} from '../engine';
import { buildConfig } from '../engine/config';
import { promelaOwners } from '../engine/promela';
import { UsageError, type CliIO } from './io';
import { commandOptions } from './options';
import { IMPORT_TRAIL_OPTIONS } from './optionTables';
import { readMachineLine } from './spinModel';
import { esc } from './text';
import { encodeShare } from '../state/links/share';

export const IMPORT_TRAIL_HELP = `usage: fpsimd-viz import-trail MODEL [--trail FILE] [--spin-output FILE] [--link URL]

Turns a counterexample Spin found on MODEL (a model written by 'fpsimd-viz export --promela', with
or without --multicore) into a fpsimd-scenario/1 file on standard output: the machine, variant and
events of the trail, the last event being the one whose assertion failed. Spin replays the trail
('spin -t -p -k TRAIL MODEL', in MODEL's directory); the events are then replayed through the
engine, which must report the same violation at the last event, as 'fpsimd-viz run' will.

  --trail FILE        the trail pan wrote (default: MODEL.trail)
  --spin-output FILE  the output of 'spin -t -p' instead of running spin (- reads standard input)
  --link URL          print a link to the app at URL, opened at the violating step, instead
Exit status: 0 written, 2 bad input or usage (or the trail does not reproduce in the engine).
See docs/explorer.md, "Bigger than one machine: Spin multi-core and swarm".`;

const run = promisify(execFile);

/** The kind names pan asserts (declare.ts's violation flags), back to the engine's. */
const KINDS: Record<string, ViolationKind> = {
  stale_read: 'stale-read',
  lost_update: 'lost-update',
  leak: 'leak',
  kernel_warning: 'kernel-warning',
};

interface Trail {
  events: ScenarioEvent[];
  /** The assertion that failed: kind and owner number (null: none named). */
  kind: ViolationKind;
  owner: number | null;
}

/** Reads `spin -t -p` output against the model's text: each step's event line, and the failed assertion. */
export function readSpinReplay(model: string, output: string, modelName: string): Trail {
  const lines = model.split('\n');
  const stepLine = new Map<number, number>();
  // The first statement of an event's d_step is `cpu = N`, reported with the line of its `::`.
  const re = new RegExp(
    `^\\s*(\\d+):\\s+proc\\s+\\d+ \\(:init::1\\) \\S*?:(\\d+) \\(state \\d+\\)\\s+\\[cpu = \\d+\\]`,
  );
  for (const l of output.split('\n')) {
    const m = re.exec(l);
    if (m && !stepLine.has(Number(m[1]))) stepLine.set(Number(m[1]), Number(m[2]));
  }
  const events: ScenarioEvent[] = [];
  for (const [, line] of [...stepLine].sort((a, b) => a[0] - b[0])) {
    const text = lines[line - 1] ?? '';
    const ev = /:: d_step \{.*\} \/\* cpu(\d+) (\w+)(?: ([\w.-]+))? \*\/\s*$/.exec(text);
    if (!ev) throw new UsageError(`${modelName}:${line}: spin ran this line as an event, but it is not one`);
    events.push({ cpu: Number(ev[1]), op: ev[2] as ScenarioEvent['op'], ...(ev[3] ? { task: ev[3] } : {}) });
  }
  const failed = /text of failed assertion: assert\(!\((\w+?)_(\d+|none)\)\)/.exec(output);
  if (!failed || !(failed[1] in KINDS))
    throw new UsageError(
      `the spin output names no failed assertion of a violation (was the trail of an error?)`,
    );
  if (events.length === 0) throw new UsageError('the trail has no event');
  return { events, kind: KINDS[failed[1]], owner: failed[2] === 'none' ? null : Number(failed[2]) };
}

/** The scenario of a trail, checked by replaying it through the engine. */
export function trailScenario(model: string, trail: Trail, modelName: string): Scenario {
  const origin = readMachineLine(model);
  if (!origin)
    throw new UsageError(
      `${modelName}: no fpsimd-viz-machine line: export the model again with this version of fpsimd-viz`,
    );
  const variant = variantOrError(origin.variant);
  if (typeof variant === 'string') throw new UsageError(`${modelName}: variant: ${esc(variant)}`);
  const owners = promelaOwners(buildConfig(origin.machine));
  const context = trail.owner === null ? null : owners[trail.owner];
  if (context === undefined)
    throw new UsageError(`${modelName}: the assertion names owner ${trail.owner}, unknown`);
  const r = replay(createMachine(origin.machine, variant), trail.events);
  const last = trail.events.length - 1;
  if (r.illegal) throw new UsageError(`the trail's events do not replay: ${esc(r.illegal.reason)}`);
  const v = r.violations.find((x) => x.step === last && x.kind === trail.kind && x.context === context);
  if (!v)
    throw new UsageError(
      `the engine does not report ${trail.kind} of ${context ?? '-'} at the trail's last event (${trail.events.length}): Spin and the engine disagree`,
    );
  const events = trail.events.map((e, i) => (i === last ? { ...e, note: `Spin: ${v.message}` } : e));
  return {
    format: 'fpsimd-scenario/1',
    title: `${trail.kind} of ${context ?? '-'} under ${variant.id} (Spin trail)`.slice(0, 200),
    description:
      `A counterexample Spin found on the Promela model of this machine and variant (every sequence of ` +
      `at most ${origin.depth} events), replayed from its trail: ${trail.events.length} events, the last one ` +
      `violating. Spin's search is depth-first: the sequence need not be a shortest one.`,
    variant: variant.id,
    cpus: origin.machine.cpus,
    tasks: origin.machine.tasks.map((t) => ({ ...t })),
    start: { ...origin.machine.start },
    events,
  };
}

export async function importTrailCommand(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = commandOptions(args, IMPORT_TRAIL_OPTIONS, io);
  if (values.help) {
    io.stdout(IMPORT_TRAIL_HELP + '\n');
    return 0;
  }
  if (positional.length !== 1)
    throw new UsageError(
      `${positional.length ? `expected one MODEL, got ${positional.length}` : 'missing MODEL'}\n${IMPORT_TRAIL_HELP}`,
    );
  const modelPath = positional[0];
  const name = esc(modelPath);
  const read = async (p: string, what: string): Promise<string> => {
    try {
      return await io.readFile(p, 256 << 20);
    } catch (e) {
      throw new UsageError(`${esc(p)}: cannot read the ${what}: ${esc((e as Error).message)}`);
    }
  };
  const model = await read(modelPath, 'model');
  const given = values['spin-output'];
  let output: string;
  if (typeof given === 'string') output = await read(given, "spin's output");
  else {
    const trailFlag = values.trail;
    output = await spinReplay(modelPath, typeof trailFlag === 'string' ? trailFlag : undefined);
  }
  const sc = trailScenario(model, readSpinReplay(model, output, name), name);
  const link = values.link;
  io.stdout(typeof link === 'string' ? `${scenarioLink(sc, link)}\n` : printScenario(sc));
  return 0;
}

/** `spin -t -p` of a trail (default MODEL.trail), run in the model's directory: its output. */
export async function spinReplay(modelPath: string, trailPath?: string): Promise<string> {
  const trail = trailPath === undefined ? `${resolve(modelPath)}.trail` : resolve(trailPath);
  try {
    const r = await run('spin', ['-t', '-p', '-k', trail, basename(modelPath)], {
      cwd: dirname(resolve(modelPath)),
      maxBuffer: 256 << 20,
    });
    return r.stdout;
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    if (err.code === 'ENOENT')
      throw new UsageError('spin is not installed (Debian: apt-get install -y spin)');
    throw new UsageError(`spin could not replay ${esc(trail)}: ${esc(err.stderr || err.message)}`);
  }
}

/** A link to the app at `url` opening the scenario at its last (violating) step. */
export function scenarioLink(sc: Scenario, url: string): string {
  const fragment = encodeShare({
    scenario: sc,
    variant: sc.variant ?? '',
    step: sc.events.length,
    view: 'diagram',
    embed: false,
    cpu: 0,
  });
  return `${url.replace(/#.*$/, '')}#${fragment}`;
}
