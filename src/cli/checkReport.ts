// check's output: the progress line, the text report and the fpsimd-check/1 object of a search.
import type { ExploreProgress, ExploreResult } from '../engine/explore';
import { mb, memoryJson, memoryText } from './memory';
import { reductionText, type Reduction } from './reduce';
import { esc, eventText, jsonText } from './text';

const n = (x: number): string => x.toLocaleString('en');

export function progressText(p: ExploreProgress, depth: number): string {
  const e = p.estimate;
  let more = '';
  if (e) {
    const expected = e.growth === null ? '' : ` of ~${n(Math.round(e.previousDepth * e.growth))} expected`;
    const eta = e.depthEtaSeconds === null ? '' : `, depth done in ~${Math.ceil(e.depthEtaSeconds)} s`;
    const memory = e.memory ? memoryText(e.memory) : `memory ${mb(e.bytes)} of ${mb(e.bytesAtLimit)}`;
    more = ` (${n(e.atDepth)}${expected} at this depth${eta}), ${memory}`;
  }
  return (
    `depth ${p.depth}/${depth}: ${n(p.states)} states, ${n(p.transitions)} transitions, ` +
    `${n(Math.round(p.statesPerSecond))} states/s${more}, ${p.seconds.toFixed(1)} s`
  );
}

/** Why the search ended early, as fpsimd-check/1 names it (null: it reached --depth or ran out of states). */
export type CheckStop = null | 'interrupted' | 'state-limit' | 'time-limit' | 'first-violation';

export function stopName(r: ExploreResult): CheckStop {
  switch (r.stopped) {
    case null:
      return null;
    case 'cancelled':
      return 'interrupted';
    case 'state-limit':
    case 'time-limit':
      return r.stopped;
    case 'violation':
      return 'first-violation';
    default: {
      const never: never = r.stopped;
      throw new Error(`check: unknown stop ${String(never)}`);
    }
  }
}

/** How far the search went: complete, or why and where it stopped. */
function howFar(r: ExploreResult, timeLimit: number | undefined): string {
  const upTo = `every sequence of at most ${r.exploredDepth} events was explored`;
  const stop = stopName(r);
  if (stop === 'first-violation') return `stopped at the first depth with a violation (--first): ${upTo}`;
  if (r.complete || stop === null) return 'complete';
  const why =
    stop === 'interrupted'
      ? 'interrupted'
      : stop === 'state-limit'
        ? 'state limit reached'
        : `time limit of ${timeLimit ?? '?'} s reached`;
  return `incomplete (${why}): ${upTo}`;
}

export function report(
  r: ExploreResult,
  file: string,
  reduce: ReadonlySet<Reduction>,
  timeLimit: number | undefined,
): string {
  const lines: string[] = [];
  const how = howFar(r, timeLimit);
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

export function checkJson(r: ExploreResult & { base?: string }): string {
  const out = {
    format: 'fpsimd-check/1',
    variant: r.variant,
    // --unlike: the variant every reported violation is unlike (absent otherwise: the format unchanged).
    ...(r.base !== undefined ? { unlike: r.base } : {}),
    depth: r.depth,
    states: r.states,
    transitions: r.transitions,
    seconds: Math.round(r.seconds * 1000) / 1000,
    complete: r.complete,
    stopped: stopName(r),
    exploredDepth: r.exploredDepth,
    ops: r.ops,
    maxSignalFrames: r.maxSignalFrames,
    violations: r.violations.map((v) => ({ kind: v.kind, context: v.context, events: v.events })),
    ...(r.memory ? { memory: memoryJson(r.memory) } : {}),
  };
  return jsonText(out) + '\n';
}
