// `fpsimd-viz check FILE [--variant ID] [--depth N] [--max-states N] [--json]`: explore every legal
// event sequence from the scenario's initial state and report each violation with a shortest sequence
// (fpsimd-check/1).
import { DEFAULT_VARIANT, parseScenario, variantOrError } from '../engine';
import {
  CLASSIC_OPS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_SIGNAL_FRAMES,
  EXPLORER_OPS,
  storeBytesPerState,
  MAX_STORE_STATES,
  type ExploreProgress,
  type ExploreResult,
} from '../engine/explore';
import { inputName, parseArgs, readScenarioFile, UsageError, type CliIO } from './io';
import { esc, jsonText } from './text';
import { exploreOnCores } from './parallel';
import { availableParallelism } from 'node:os';

const n = (x: number): string => x.toLocaleString('en');

export const DEFAULT_DEPTH = 12;

/** The default state limit, in millions, for a machine whose states pack into W words. */
const millions = (W: number): string => (DEFAULT_MAX_BYTES / storeBytesPerState(W) / 1e6).toFixed(1);
export const MAX_DEPTH = 1000;

const REDUCTIONS = ['dead', 'cpus', 'classes', 'sleep'] as const;
type Reduction = (typeof REDUCTIONS)[number];
/** The reductions a search gets unless --reduce says otherwise: exact, and per context. */
export const DEFAULT_REDUCE: readonly Reduction[] = ['dead', 'cpus'];
export const MAX_WORKERS = 256;
/** How long a search runs on one thread before it moves to every core (when --workers is not given). */
const TRIAL_MS = 300;

export const CHECK_HELP = `usage: fpsimd-viz check FILE [--variant ID] [--depth N] [--ops all|classic] [--reduce LIST] [--workers N] [--max-states N] [--json]

Explores every legal event sequence of up to N events from the initial state of the scenario FILE
(- reads standard input): its cpus, tasks and start are used, its events are ignored. For each kind of
violation and each context it prints a shortest event sequence that produces it; a scenario with those
events reproduces the violation in 'fpsimd-viz run'.

  --variant ID   kernel era or ablation (default: the scenario's own, else ${DEFAULT_VARIANT})
  --depth N      longest sequence explored, 1 to ${MAX_DEPTH} (default ${DEFAULT_DEPTH}: on the reference
                 configuration of 2 CPUs, a vcpu thread, a user task and a kernel thread, every
                 v4.18 ablation breaks within it)
  --ops SET      all (default): every op, at most ${DEFAULT_MAX_SIGNAL_FRAMES} pending signal frame per task; classic: the
                 first eleven (no kernel-mode NEON sections or lifecycle events)
  --reduce LIST  the exact reductions, comma-separated (docs/explorer.md; default ${DEFAULT_REDUCE.join(',')}):
                 dead (dead variables: fewer states), cpus (every renaming of CPUs: fewer states),
                 classes (every renaming of CPUs and interchangeable contexts: fewer still, one
                 report per kind and class of contexts instead of per context), sleep (sleep sets:
                 fewer transitions, usually slower, one core); none: the plain search. The
                 violations and shortest lengths are the same either way; the state count is not
  --workers N    threads searching together, 1 to ${MAX_WORKERS} (default: every core, as Node's
                 os.availableParallelism() counts them, for a search that lasts more than
                 ${TRIAL_MS} ms on one); the answer is the same
  --max-states N most distinct states kept; the search stops there, marked incomplete (default:
                 as many as fit in ${DEFAULT_MAX_BYTES / 1024 ** 3} GB: a state takes ${storeBytesPerState(3)} bytes on the reference machine,
                 ${storeBytesPerState(23)} on 8 CPUs with 32 tasks, so ${millions(3)} or ${millions(23)} million states;
                 at most ${n(MAX_STORE_STATES)})
  --json         print one fpsimd-check/1 object

A search running longer than a second shows its progress on standard error: states, states per
second, the states found at the current depth against what the previous depth's growth predicts, the
time left for the depth, and memory against the limit. Ctrl-C stops it within a fraction of a second
and prints what was found so far, marked incomplete.
Exit status: 0 no violation, 1 violations found, 2 bad input or usage, or a search stopped (Ctrl-C,
--max-states) before it explored any sequence.`;

/** When the progress line appears, and how often it is rewritten on a terminal or written to a log. */
export interface ProgressTiming {
  quietFirstMs: number;
  ttyEveryMs: number;
  logEveryMs: number;
}

/** Longest stretch of searching before Node's event loop (and so a Ctrl-C) gets to run. */
const SLICE_MS = 10;

const PROGRESS: ProgressTiming = { quietFirstMs: 1000, ttyEveryMs: 250, logEveryMs: 5000 };

/** A whole number from 1 to `max` given to option `name`; `_` and `,` may group its digits. */
function parseCount(name: string, text: string, max: number): number {
  const digits = text.replace(/[_,]/g, '');
  if (!/^[0-9]+$/.test(digits) || Number(digits) < 1 || Number(digits) > max)
    throw new UsageError(`--${name}: "${text}" is not a whole number from 1 to ${n(max)}`);
  return Number(digits);
}

/** The --reduce list: known names, comma-separated, or none; the default when absent. */
function parseReductions(flag: string | true | undefined): Set<Reduction> {
  const out = new Set<Reduction>();
  if (flag === undefined) return new Set(DEFAULT_REDUCE);
  if (flag === true) throw new UsageError(`--reduce: expected none or a list of ${REDUCTIONS.join(', ')}`);
  if (flag.trim() === 'none') return out;
  for (const name of flag.split(',')) {
    const r = REDUCTIONS.find((x) => x === name.trim());
    if (r === undefined)
      throw new UsageError(
        `--reduce: unknown reduction "${esc(name)}" (expected none or ${REDUCTIONS.join(', ')})`,
      );
    out.add(r);
  }
  return out;
}

const reductionText = (r: Reduction): string =>
  r === 'dead'
    ? 'dead variables'
    : r === 'sleep'
      ? 'sleep sets'
      : r === 'cpus'
        ? 'every renaming of CPUs'
        : 'every renaming (a violation is reported once per kind and class of interchangeable contexts)';

const mb = (b: number): string =>
  b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GB` : `${Math.round(b / 1024 ** 2)} MB`;

function progressText(p: ExploreProgress, depth: number): string {
  const e = p.estimate;
  let more = '';
  if (e) {
    const expected = e.growth === null ? '' : ` of ~${n(Math.round(e.previousDepth * e.growth))} expected`;
    const eta = e.depthEtaSeconds === null ? '' : `, depth done in ~${Math.ceil(e.depthEtaSeconds)} s`;
    more = ` (${n(e.atDepth)}${expected} at this depth${eta}), memory ${mb(e.bytes)} of ${mb(e.bytesAtLimit)}`;
  }
  return (
    `depth ${p.depth}/${depth}: ${n(p.states)} states, ${n(p.transitions)} transitions, ` +
    `${n(Math.round(p.statesPerSecond))} states/s${more}, ${p.seconds.toFixed(1)} s`
  );
}

function eventText(ev: { cpu: number; op: string; task?: string }): string {
  return `cpu${ev.cpu} ${ev.op}${ev.task ? ` ${ev.task}` : ''}`;
}

function report(r: ExploreResult, file: string, reduce: ReadonlySet<Reduction>): string {
  const lines: string[] = [];
  const how = r.complete
    ? 'complete'
    : `incomplete (${r.stopped === 'cancelled' ? 'interrupted' : 'state limit reached'}): ` +
      `every sequence of at most ${r.exploredDepth} events was explored`;
  lines.push(
    `${file}: variant ${r.variant}, depth ${r.depth}, ${how}; ${n(r.states)} states, ` +
      `${n(r.transitions)} transitions, ${r.seconds.toFixed(2)} s`,
  );
  lines.push(
    `ops explored: ${r.ops.join(', ')}; at most ${r.maxSignalFrames} pending signal frame${r.maxSignalFrames === 1 ? '' : 's'} per task (signal is illegal in the explorer beyond it)`,
  );
  lines.push(
    `reductions: ${reduce.size > 0 ? [...reduce].map(reductionText).join(', ') : 'none'} (--reduce; states are counted up to them)`,
  );
  if (r.exhausted)
    lines.push(
      `every reachable state was explored (the deepest ${r.lastDepth} events from the start): the violations below are all there are, at any length`,
    );
  if (r.violations.length === 0)
    lines.push(r.exhausted ? 'no violation at any length' : `no violation within ${r.exploredDepth} events`);
  else {
    lines.push(
      `${r.violations.length} violation${r.violations.length > 1 ? 's' : ''} (kind, context, shortest):`,
    );
    for (const v of r.violations) {
      lines.push(`  ${v.kind} ${esc(v.context ?? '-')} after ${v.events.length} events: ${esc(v.message)}`);
      lines.push(`    ${v.events.map(eventText).join(', ')}`);
      lines.push(`    "events": ${JSON.stringify(v.events.map((e) => ({ ...e })))}`);
    }
  }
  return lines.join('\n') + '\n';
}

function checkJson(r: ExploreResult): string {
  const out = {
    format: 'fpsimd-check/1',
    variant: r.variant,
    depth: r.depth,
    states: r.states,
    transitions: r.transitions,
    seconds: Math.round(r.seconds * 1000) / 1000,
    complete: r.complete,
    ops: r.ops,
    maxSignalFrames: r.maxSignalFrames,
    violations: r.violations.map((v) => ({ kind: v.kind, context: v.context, events: v.events })),
  };
  return jsonText(out) + '\n';
}

async function check(args: string[], io: CliIO, timing: ProgressTiming): Promise<number> {
  const { positional, flags } = parseArgs(
    args,
    ['json', 'help'],
    ['variant', 'depth', 'max-states', 'ops', 'reduce', 'workers'],
  );
  if (flags.has('help')) {
    io.stdout(CHECK_HELP + '\n');
    return 0;
  }
  if (positional.length !== 1)
    throw new UsageError(
      `${positional.length ? `expected one FILE, got ${positional.length}` : 'missing FILE'}\n${CHECK_HELP}`,
    );
  const file = positional[0];
  const name = inputName(file);
  const depthFlag = flags.get('depth');
  const depth = typeof depthFlag === 'string' ? parseCount('depth', depthFlag, MAX_DEPTH) : DEFAULT_DEPTH;
  const limitFlag = flags.get('max-states');
  const maxStates =
    typeof limitFlag === 'string' ? parseCount('max-states', limitFlag, MAX_STORE_STATES) : undefined;
  const opsFlag = flags.get('ops') ?? 'all';
  if (opsFlag !== 'all' && opsFlag !== 'classic')
    throw new UsageError(`--ops: expected all or classic, got ${esc(String(opsFlag))}`);
  const ops = opsFlag === 'classic' ? CLASSIC_OPS : EXPLORER_OPS;
  const reduce = parseReductions(flags.get('reduce'));
  const workersFlag = flags.get('workers');
  const workers =
    typeof workersFlag === 'string'
      ? parseCount('workers', workersFlag, MAX_WORKERS)
      : availableParallelism();
  const sc = await readScenarioFile(io, file, parseScenario);
  const chosen = flags.get('variant');
  const variant = variantOrError(typeof chosen === 'string' ? chosen : (sc.variant ?? DEFAULT_VARIANT));
  if (typeof variant === 'string')
    throw new UsageError(`${typeof chosen === 'string' ? '--variant' : `${name}: variant`}: ${esc(variant)}`);

  let interrupted = false;
  io.onInterrupt(() => {
    interrupted = true;
  });
  let shown = false;
  let lastShown = 0;
  const every = io.isTTY ? timing.ttyEveryMs : timing.logEveryMs;
  const onProgress = (p: ExploreProgress): void => {
    const ms = p.seconds * 1000;
    if (ms < timing.quietFirstMs || (shown && ms - lastShown < every)) return;
    shown = true;
    lastShown = ms;
    io.stderr(io.isTTY ? `\r\x1b[K${progressText(p, depth)}` : `${progressText(p, depth)}\n`);
  };
  const opts = {
    depth,
    ops,
    maxStates,
    dead: reduce.has('dead'),
    sleep: reduce.has('sleep'),
    symmetry: reduce.has('classes') ? 'classes' : reduce.has('cpus') ? 'cpus' : 'exact',
    onProgress,
    progressEveryMs: Math.min(100, every),
    shouldStop: () => interrupted,
    // Short slices, and setImmediate (no timer clamp): the SIGINT handler runs between any two.
    sliceMs: SLICE_MS,
    yieldTo: () => new Promise<void>((resolve) => setImmediate(resolve)),
  } as const;
  // Unless --workers says otherwise, a search short enough to end within the trial stays on one thread.
  const result = await exploreOnCores(sc, variant, opts, workers, workersFlag === undefined ? TRIAL_MS : 0);
  if (shown && io.isTTY) io.stderr('\r\x1b[K');
  if (result.stopped !== null && result.exploredDepth === 0) {
    const why =
      result.stopped === 'cancelled' ? 'interrupted' : `stopped at --max-states ${n(result.states)}`;
    throw new UsageError(`${why} before any event sequence was explored: nothing to report`);
  }
  if (result.stopped === 'cancelled')
    io.stderr(`interrupted: every sequence of at most ${result.exploredDepth} events was explored\n`);
  else if (result.stopped === 'state-limit')
    io.stderr(
      `stopped at ${n(result.states)} states (--max-states): every sequence of at most ` +
        `${result.exploredDepth} events was explored; try a smaller --depth or a larger --max-states\n`,
    );
  io.stdout(flags.has('json') ? checkJson(result) : report(result, name, reduce));
  return result.violations.length > 0 ? 1 : 0;
}

/**
 * The `check` subcommand: exit status 0 (no violation), 1 (violations) or 2 (bad input, usage).
 * `timing` is for tests; the defaults show progress after a second.
 */
export async function checkCommand(args: string[], io: CliIO, timing = PROGRESS): Promise<number> {
  try {
    return await check(args, io, timing);
  } catch (e) {
    if (e instanceof UsageError) io.stderr(`fpsimd-viz check: ${e.message}\n`);
    else {
      const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
      io.stderr(`fpsimd-viz check: internal error: ${text.split('\n').map(esc).join('\n')}\n`);
    }
    return 2;
  }
}
