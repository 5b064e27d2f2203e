// `fpsimd-viz check FILE [--variant ID] [--depth N] [--first] [--time-limit S] [--max-states N] [--json]`:
// explore every legal event sequence from the scenario's initial state and report each violation with
// a shortest sequence (fpsimd-check/1).
import { DEFAULT_VARIANT, parseScenario } from '../engine';
import {
  DEFAULT_CACHE_BYTES,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_SIGNAL_FRAMES,
  defaultMaxStates,
  RUNTIME_BYTES,
  storeBytesPerState,
  MAX_STORE_STATES,
  type ExploreProgress,
} from '../engine/explore';
import { CPU_RENAMING_MAX_CPUS } from '../engine/explore/defaults';
import { checkJson, progressText, report } from './checkReport';
import { EXIT, EXIT_HELP, failure, inputName, readScenarioFile, UsageError, type CliIO } from './io';
import {
  COMMON_HELP,
  commandOptions,
  countOption,
  oneFile,
  opsOption,
  secondsOption,
  variantOption,
} from './options';
import { CHECK_OPTIONS } from './optionTables';
import { defaultReduce, parseReductions, reduceOptions } from './reduce';
import { MEASURED_BYTES_PER_STATE, mb, residentMemory } from './memory';
import { defaultWorkers, exploreOnCores, TRIAL_MS } from './parallel';
import { runUnlike, unlikeOption, unlikeReductions } from './checkUnlike';

/** The longest --time-limit: about 11.5 days. */
export const MAX_TIME_LIMIT = 1_000_000;

const n = (x: number): string => x.toLocaleString('en');

export const DEFAULT_DEPTH = 12;

/** The default state limit, in millions, for a machine whose states pack into W words. */
const millions = (W: number): string => (defaultMaxStates(W) / 1e6).toFixed(1);
export const MAX_DEPTH = 1000;

export const MAX_WORKERS = 256;

export const CHECK_HELP = `usage: fpsimd-viz check FILE [--variant ID] [--depth N] [--first] [--time-limit SECONDS]
                        [--ops all|classic] [--reduce LIST] [--workers N] [--max-states N]
                        [--unlike BASE] [--json] [-o FILE]

Explores every legal event sequence of up to N events from the initial state of the scenario FILE
(- reads standard input): its cpus, tasks and start are used, its events are ignored. For each kind of
violation and each context it prints a shortest event sequence that produces it; a scenario with those
events reproduces the violation in 'fpsimd-viz run'.

  --variant ID   kernel era or ablation (default: the scenario's own, else ${DEFAULT_VARIANT})
  --depth N      longest sequence explored, 1 to ${MAX_DEPTH} (default ${DEFAULT_DEPTH}: on the reference
                 configuration of 2 CPUs, a vcpu thread, a user task and a kernel thread, every
                 v4.18 ablation breaks within it)
  --first        stop at the first depth that has a violation and report every violation of
                 that length (each a shortest sequence); with none, the search goes on to --depth
                 and proves the bound clean. The gallery's searches stop the same way.
  --time-limit S stop after S seconds (decimals allowed), reporting what was found, marked
                 incomplete ("stopped": "time-limit" in --json)
  --ops SET      all (default): every op, at most ${DEFAULT_MAX_SIGNAL_FRAMES} pending signal frame per task; classic: the
                 first eleven (no kernel-mode NEON sections or lifecycle events)
  --reduce LIST  the exact reductions, comma-separated (docs/explorer.md; default dead, and cpus
                 on machines of at most ${CPU_RENAMING_MAX_CPUS} CPUs):
                 dead (dead variables: fewer states), cpus (every renaming of CPUs: fewer states),
                 classes (every renaming of CPUs and interchangeable contexts: fewer still, one
                 report per kind and class of contexts instead of per context), sleep (sleep sets:
                 fewer transitions, usually slower, one core); none: the plain search. The
                 violations and shortest lengths are the same either way; the state count is not
  --workers N    threads searching together, 1 to ${MAX_WORKERS} (default: one per core, ${defaultWorkers()} here,
                 after ${TRIAL_MS} ms on one thread, so a small search starts none); 1 is the
                 single-thread search; the answer is the same (states, violations, lengths)
  --max-states N most distinct states kept; the search stops there, marked incomplete (default:
                 as many as keep its stated memory bound within ${DEFAULT_MAX_BYTES / 1024 ** 3} GB, about ${millions(3)} million
                 states on the reference machine and ${millions(23)} million on 8 CPUs with 32 tasks; at most
                 ${n(MAX_STORE_STATES)}). The bound: ${mb(RUNTIME_BYTES)} for the process, ${mb(DEFAULT_CACHE_BYTES)} for the transition
                 cache, fixed tables, and at most ${storeBytesPerState(3)} bytes a state on the reference machine,
                 ${storeBytesPerState(23)} on 8 CPUs with 32 tasks. Measured (peak resident growth over 1,000,000
                 states, fixed parts included): ${MEASURED_BYTES_PER_STATE.reference} and ${MEASURED_BYTES_PER_STATE.big} bytes a state
  --unlike BASE  the differential search: only violations BASE (a variant) does not report on the
                 same sequence at the same step count; those both report are no stop, the search
                 goes on past them. Each state is the pair of both variants' states, so each
                 report is a shortest such sequence; every report is replayed under both. One
                 thread; --reduce dead (default) or none; a sequence is followed while both
                 variants take every event
  --json         print one fpsimd-check/1 object
${COMMON_HELP}

A search running longer than a second shows its progress on standard error: states, states per
second, the states found at the current depth against what the previous depth's growth predicts, the
time left for the depth, and the process's resident memory against the stated bound (--json gives
both, and the peak, in "memory"). Ctrl-C stops it within a fraction of a second
and prints what was found so far, marked incomplete.
Exit status: 0 no violation (within --depth; or, marked incomplete, within the depth reached when
--max-states or --time-limit stopped the search), 1 violations found, 2 bad input or usage, or a
search stopped by --max-states or --time-limit before it explored any sequence,
${EXIT_HELP}
${EXIT.interrupted} interrupted by Ctrl-C: what was found so far is printed, marked incomplete.`;

/** When the progress line appears, and how often it is rewritten on a terminal or written to a log. */
export interface ProgressTiming {
  quietFirstMs: number;
  ttyEveryMs: number;
  logEveryMs: number;
}

/** Longest stretch of searching before Node's event loop (and so a Ctrl-C) gets to run. */
const SLICE_MS = 10;

const PROGRESS: ProgressTiming = { quietFirstMs: 1000, ttyEveryMs: 250, logEveryMs: 5000 };

async function check(args: string[], io: CliIO, timing: ProgressTiming): Promise<number> {
  const { positional, values } = commandOptions(args, CHECK_OPTIONS, io);
  if (values.help) {
    io.stdout(CHECK_HELP + '\n');
    return EXIT.ok;
  }
  const file = oneFile(positional, CHECK_HELP);
  const name = inputName(file);
  const depth = countOption('depth', values.depth, MAX_DEPTH, DEFAULT_DEPTH);
  const maxStates = countOption('max-states', values['max-states'], MAX_STORE_STATES);
  const timeLimit = secondsOption('time-limit', values['time-limit'], MAX_TIME_LIMIT);
  const ops = opsOption(values.ops);
  const reduceGiven = parseReductions(values.reduce);
  // Every core unless asked; without --workers a search first runs TRIAL_MS on this thread, so a
  // small one starts no threads (docs/explorer.md, "On every core").
  const workers = countOption('workers', values.workers, MAX_WORKERS, defaultWorkers());
  const trialMs = values.workers === undefined ? TRIAL_MS : 0;
  const sc = await readScenarioFile(io, file, parseScenario);
  const variant = variantOption(values.variant, sc, name);
  const base = values.unlike === undefined ? null : unlikeOption(values.unlike, sc, name);
  const reduce = base ? unlikeReductions(reduceGiven) : (reduceGiven ?? defaultReduce(sc.cpus));

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
    ...reduceOptions(reduce),
    // --first: the gallery's stop, finishing the depth so every violation of that length is reported.
    stopAtViolation: values.first ? 'depth' : false,
    timeLimitMs: timeLimit === undefined ? undefined : timeLimit * 1000,
    onProgress,
    memoryUsage: residentMemory,
    progressEveryMs: Math.min(100, every),
    shouldStop: () => interrupted,
    // Short slices, and setImmediate (no timer clamp): the SIGINT handler runs between any two.
    sliceMs: SLICE_MS,
    yieldTo: () => new Promise<void>((resolve) => setImmediate(resolve)),
  } as const;
  const result = base
    ? runUnlike(sc, variant, base, {
        ...opts,
        dead: reduce.has('dead'),
        first: values.first === true,
      })
    : await exploreOnCores(sc, variant, opts, workers, trialMs);
  if (base && !values.json)
    io.stdout(
      `compared with ${base.id} (--unlike): only violations it does not report on the same sequence\n`,
    );
  if (shown && io.isTTY) io.stderr('\r\x1b[K');
  const upTo = `every sequence of at most ${result.exploredDepth} events was explored`;
  if (result.stopped === 'cancelled') io.stderr(`interrupted: ${upTo}\n`);
  else if (
    result.exploredDepth === 0 &&
    (result.stopped === 'state-limit' || result.stopped === 'time-limit')
  ) {
    const why =
      result.stopped === 'state-limit'
        ? `stopped at --max-states ${n(result.states)}`
        : `stopped at --time-limit ${timeLimit} s`;
    throw new UsageError(`${why} before any event sequence was explored: nothing to report`);
  } else if (result.stopped === 'state-limit')
    io.stderr(
      `stopped at ${n(result.states)} states (--max-states): ${upTo}; ` +
        `try a smaller --depth or a larger --max-states\n`,
    );
  else if (result.stopped === 'time-limit')
    io.stderr(`stopped at the time limit (--time-limit ${timeLimit} s): ${upTo}\n`);
  io.stdout(values.json ? checkJson(result) : report(result, name, reduce, timeLimit));
  if (result.stopped === 'cancelled') return EXIT.interrupted;
  return result.violations.length > 0 ? EXIT.violations : EXIT.ok;
}

/**
 * The `check` subcommand: exit status 0 (no violation), 1 (violations), 2 (bad input, usage), 3 (the
 * output could not be written) or 130 (Ctrl-C). `timing` is for tests; the defaults show progress
 * after a second.
 */
export async function checkCommand(args: string[], io: CliIO, timing = PROGRESS): Promise<number> {
  try {
    return await check(args, io, timing);
  } catch (e) {
    return failure('check', e, io);
  }
}
