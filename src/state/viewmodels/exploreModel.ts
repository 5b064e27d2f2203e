// Pure helpers of the Explore view: the depth field's rules, texts for a configuration and a result,
// and the scenario a counterexample opens as.
import type { Scenario } from '../../engine';
import { violationTitle } from './violationText';
import type { Counterexample, ExploreProgress, ProgressEstimate, ExploreResult } from '../../engine/explore';
import type { ExploreConfig } from '../../workers/protocol';

/** The CLI's default too: the reference configuration completes in well under a second. */
export const DEFAULT_DEPTH = 12;
/** Beyond this the search is either finished long before (the states run out) or at its state limit. */
export const MAX_DEPTH = 100;
/** Distinct states kept before a search stops incomplete: bounds the tab's memory (some 200 MB). */
export const MAX_STATES = 5_000_000;

export { KIND_TEXT } from './violationText';

/** The longest time limit the Explore view takes: a day. */
export const MAX_TIME_LIMIT = 86_400;

/** The time limit field's value in seconds (empty: no limit, null), or what is wrong with it. */
export function parseTimeLimit(
  text: string,
): { ok: true; seconds: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, seconds: null };
  const s = Number(t);
  if (/^\d{1,6}(\.\d{1,3})?$/.test(t) && s > 0 && s <= MAX_TIME_LIMIT) return { ok: true, seconds: s };
  return {
    ok: false,
    message: `Time limit must be a number of seconds above 0 and at most ${n(MAX_TIME_LIMIT)}, or empty for none (not “${t}”).`,
  };
}

/** The depth field's value, or what is wrong with it. */
export function parseDepth(text: string): { ok: true; depth: number } | { ok: false; message: string } {
  const t = text.trim();
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= MAX_DEPTH) return { ok: true, depth: Number(t) };
  return { ok: false, message: `Depth must be a whole number from 1 to ${MAX_DEPTH} (not “${t}”).` };
}

const n = (x: number): string => Math.round(x).toLocaleString('en');
const plural = (k: number, one: string, many = `${one}s`): string => `${n(k)} ${k === 1 ? one : many}`;

/** "2 CPUs; tasks qemu (vcpu0), editor, kworker (kernel thread); CPU0 runs qemu, CPU1 editor". */
export function configText(c: ExploreConfig): string {
  const tasks = c.tasks
    .map((t) => t.id + (t.vcpu ? ` (runs ${t.vcpu})` : t.kthread ? ' (kernel thread)' : ''))
    .join(', ');
  const start = Array.from({ length: c.cpus }, (_, cpu) => `CPU${cpu} ${c.start[String(cpu)] ?? 'idle'}`);
  return `${plural(c.cpus, 'CPU')}; tasks ${tasks}; at the start ${start.join(', ')}`;
}

export function progressText(p: ExploreProgress, depth: number): string {
  return (
    `Depth ${Math.min(p.depth, depth)} of ${depth} · ${plural(p.states, 'state')} · ` +
    `${n(p.statesPerSecond)} states/s · ${p.seconds.toFixed(1)} s` +
    (p.estimate ? ` · ${estimateText(p.estimate)}` : '')
  );
}

const mb = (b: number): string =>
  b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GB` : `${Math.round(b / 1024 ** 2)} MB`;

/**
 * Where the current depth stands: states found at it against what the previous depth's growth
 * predicts, the time left for it, and memory against what the state limit allows.
 */
export function estimateText(e: ProgressEstimate): string {
  const expected = e.growth === null ? '' : ` of ~${n(e.previousDepth * e.growth)} expected`;
  const eta = e.depthEtaSeconds === null ? '' : ` · depth done in ~${Math.ceil(e.depthEtaSeconds)} s`;
  return `${n(e.atDepth)}${expected} at this depth${eta} · memory ${mb(e.bytes)}${memoryLabel(e)} of ${mb(e.bytesAtLimit)}`;
}

/** What the memory figure is: what the browser measured, or what the search could count. */
function memoryLabel(e: ProgressEstimate): string {
  const source = e.memory?.source;
  switch (source) {
    case undefined:
      return '';
    case 'resident':
      return ' resident';
    case 'browser':
      return ' (measured by the browser)';
    case 'js-heap':
      return ' (JavaScript heap and the search’s tables)';
    case 'counted':
      return ' (the search’s tables, counted: this browser does not say)';
    default: {
      const never: never = source;
      return never;
    }
  }
}

/** Complete, or why not. */
export function completeness(r: ExploreResult): string {
  if (r.complete) return 'complete';
  if (r.stopped === 'violation')
    return `stopped at the first depth with a violation: every sequence of up to ${r.exploredDepth} events tried`;
  const why =
    r.stopped === 'state-limit'
      ? `state limit of ${n(MAX_STATES)} reached`
      : r.stopped === 'time-limit'
        ? 'time limit reached'
        : 'cancelled';
  return `incomplete: ${why}`;
}

/** One line: what was searched and how far. */
export function resultSummary(r: ExploreResult): string {
  return (
    `${r.variant}, depth ${r.depth}: ${completeness(r)}; ${plural(r.states, 'state')}, ` +
    `${plural(r.transitions, 'transition')}, ${r.seconds.toFixed(2)} s`
  );
}

/** What the result means, for the list's heading and the live region. */
export function resultHeadline(r: ExploreResult): string {
  const k = r.violations.length;
  if (k > 0 && r.stopped === 'violation')
    return `${plural(k, 'violation')} found at ${plural(r.exploredDepth, 'event')}, the first depth with any, each with a shortest event sequence.`;
  if (k > 0)
    return r.complete
      ? `${plural(k, 'violation')} found, each with a shortest event sequence.`
      : `${plural(k, 'violation')} found before the search stopped (incomplete: there may be more).`;
  return r.complete
    ? `No violation up to depth ${r.depth} (complete).`
    : `No violation found in every sequence of up to ${r.exploredDepth} events (incomplete).`;
}

/** Why an empty result is what it is. */
export function emptyExplanation(r: ExploreResult): string {
  if (r.complete)
    return (
      `Every legal sequence of at most ${r.depth} events from this initial state keeps each context's ` +
      `FP/SIMD data safe under ${r.variant}. ` +
      (r.exhausted
        ? `More than that: ${EXHAUSTED}, so no sequence of any length breaks it.`
        : 'A longer depth, or more CPUs and tasks, could still find one.')
    );
  return (
    `The search stopped before depth ${r.depth}, so longer sequences were not all tried; ` +
    `run it again with a smaller depth or a smaller configuration to finish.`
  );
}

const EXHAUSTED = 'the search ran out of new states before the depth, so every reachable state was explored';

/** Said beside a result whose search saw every reachable state. */
export function exhaustedNote(r: ExploreResult): string | null {
  if (!r.exhausted) return null;
  return r.violations.length > 0
    ? `Every reachable state was explored: these are all the violations there are, at any length.`
    : null;
}

/** "cpu0 schedule editor". */
export function eventText(ev: { cpu: number; op: string; task?: string }): string {
  return `cpu${ev.cpu} ${ev.op}${ev.task ? ` ${ev.task}` : ''}`;
}

export function counterexampleTitle(cx: Counterexample, variant: string): string {
  return `${violationTitle(cx)} under ${variant} (explored)`.slice(0, 200);
}

/**
 * The scenario a counterexample opens as: the explored machine, its events the counterexample, the
 * explored variant; the description says where it came from.
 */
export function counterexampleScenario(
  cx: Counterexample,
  run: { config: ExploreConfig; variant: string; depth: number; title: string },
): Scenario {
  const { config } = run;
  const description =
    `A shortest event sequence (${plural(cx.events.length, 'event')}) found by the explorer, which ` +
    `searched every legal sequence of up to ${run.depth} events from the initial state of “${run.title}” ` +
    `(${configText(config)}) under ${run.variant}. Its last event gives: ${cx.message}`;
  return {
    format: 'fpsimd-scenario/1',
    title: counterexampleTitle(cx, run.variant),
    description: description.slice(0, 10_000),
    variant: run.variant,
    cpus: config.cpus,
    tasks: config.tasks.map((t) => ({ ...t })),
    start: { ...config.start },
    ...(config.sve !== undefined ? { sve: config.sve } : {}),
    ...(config.vhe !== undefined ? { vhe: config.vhe } : {}),
    events: cx.events.map((e) => ({
      cpu: e.cpu,
      op: e.op,
      ...(e.task !== undefined ? { task: e.task } : {}),
    })),
  };
}
