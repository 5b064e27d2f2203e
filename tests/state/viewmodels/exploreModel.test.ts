// The Explore view's texts and rules, and the scenario a counterexample opens as.
import { describe, expect, it } from 'vitest';
import { createMachine, findVariant, replay, validateScenario } from '../../../src/engine';
import {
  DEFAULT_MAX_SIGNAL_FRAMES,
  EXPLORER_OPS,
  explore,
  type ExploreResult,
} from '../../../src/engine/explore';
import {
  configText,
  counterexampleScenario,
  emptyExplanation,
  exhaustedNote,
  MAX_DEPTH,
  parseDepth,
  parseTimeLimit,
  progressText,
  resultHeadline,
  resultSummary,
} from '../../../src/state/viewmodels/exploreModel';
import { twoCpuScenario } from '../fixtures';

const ONE_CPU = { cpus: 1, tasks: [{ id: 'qemu', vcpu: 'vcpu0' }], start: { '0': 'qemu' } };

function result(over: Partial<ExploreResult> = {}): ExploreResult {
  return {
    variant: 'v4.18',
    depth: 12,
    ops: EXPLORER_OPS,
    maxSignalFrames: DEFAULT_MAX_SIGNAL_FRAMES,
    states: 8423,
    transitions: 30000,
    seconds: 0.05,
    complete: true,
    stopped: null,
    exploredDepth: 12,
    exhausted: false,
    lastDepth: null,
    symmetries: 1,
    cache: null,
    violations: [],
    ...over,
  };
}

describe('explore model', () => {
  it('takes a depth from 1 to the bound and says what is wrong otherwise', () => {
    expect(parseDepth(' 12 ')).toEqual({ ok: true, depth: 12 });
    expect(parseDepth(String(MAX_DEPTH))).toEqual({ ok: true, depth: MAX_DEPTH });
    for (const bad of ['0', '', '3.5', '-1', 'ten', String(MAX_DEPTH + 1)]) {
      const r = parseDepth(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(new RegExp(`whole number from 1 to ${MAX_DEPTH}`));
    }
  });

  it('takes a time limit in seconds, empty for none, and says what is wrong otherwise', () => {
    expect(parseTimeLimit('')).toEqual({ ok: true, seconds: null });
    expect(parseTimeLimit(' 2.5 ')).toEqual({ ok: true, seconds: 2.5 });
    for (const bad of ['0', '-1', 'soon', '1e3', '86401']) {
      const r = parseTimeLimit(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/number of seconds above 0 and at most 86,400/);
    }
  });

  it('says how a search that stopped early stopped', () => {
    const cx = { kind: 'leak' as const, context: 'qemu', events: [], cpu: 0, message: 'm' };
    const first = result({ complete: false, stopped: 'violation', exploredDepth: 8, violations: [cx] });
    expect(resultSummary(first)).toMatch(
      /stopped at the first depth with a violation: every sequence of up to 8 events tried/,
    );
    expect(resultHeadline(first)).toBe(
      '1 violation found at 8 events, the first depth with any, each with a shortest event sequence.',
    );
    const timed = result({ complete: false, stopped: 'time-limit', exploredDepth: 5 });
    expect(resultSummary(timed)).toMatch(/incomplete: time limit reached/);
    expect(resultHeadline(timed)).toBe(
      'No violation found in every sequence of up to 5 events (incomplete).',
    );
  });

  it('describes the configuration explored', () => {
    expect(configText(twoCpuScenario())).toBe(
      '2 CPUs; tasks qemu (runs vcpu0), editor, kworker (kernel thread); at the start CPU0 qemu, CPU1 idle',
    );
    expect(configText(ONE_CPU)).toMatch(/^1 CPU; /);
  });

  it('words progress and results', () => {
    const cx0 = { kind: 'leak' as const, context: 'qemu', events: [], cpu: 0, message: '' };
    expect(
      progressText({ depth: 9, states: 123456, transitions: 1, seconds: 1.25, statesPerSecond: 98765.4 }, 12),
    ).toBe('Depth 9 of 12 · 123,456 states · 98,765 states/s · 1.3 s');
    const estimate = {
      atDepth: 40000,
      previousDepth: 50000,
      growth: 1.5,
      depthDone: 0.5,
      depthEtaSeconds: 2.2,
      bytes: 5 * 1024 ** 2,
      bytesAtLimit: 2 * 1024 ** 3,
      maxStates: 50_000_000,
    };
    expect(
      progressText(
        { depth: 9, states: 123456, transitions: 1, seconds: 1.25, statesPerSecond: 98765.4, estimate },
        12,
      ),
    ).toBe(
      'Depth 9 of 12 · 123,456 states · 98,765 states/s · 1.3 s · 40,000 of ~75,000 expected at this ' +
        'depth · depth done in ~3 s · memory 5 MB of 2.0 GB',
    );
    expect(resultSummary(result())).toBe(
      'v4.18, depth 12: complete; 8,423 states, 30,000 transitions, 0.05 s',
    );
    expect(resultHeadline(result())).toBe('No violation up to depth 12 (complete).');
    expect(emptyExplanation(result())).toMatch(
      /Every legal sequence of at most 12 events .* under v4\.18\. A longer depth, or more CPUs and tasks, could/,
    );
    expect(emptyExplanation(result({ exhausted: true }))).toMatch(
      /every reachable state was explored, so no sequence of any length breaks it\.$/,
    );
    expect(exhaustedNote(result({ exhausted: true }))).toBeNull();
    expect(exhaustedNote(result({ exhausted: true, violations: [cx0] }))).toMatch(
      /all the violations there are/,
    );
    expect(exhaustedNote(result({ violations: [cx0] }))).toBeNull();
    const cut = result({ complete: false, stopped: 'cancelled', exploredDepth: 7 });
    expect(resultSummary(cut)).toMatch(/depth 12: incomplete: cancelled;/);
    expect(resultHeadline(cut)).toBe('No violation found in every sequence of up to 7 events (incomplete).');
    expect(emptyExplanation(cut)).toMatch(/stopped before depth 12/);
    expect(resultSummary(result({ complete: false, stopped: 'state-limit' }))).toMatch(
      /incomplete: state limit of 5,000,000 reached/,
    );
    const cx = { kind: 'leak' as const, context: 'qemu', events: [], cpu: 0, message: '' };
    expect(resultHeadline(result({ violations: [cx] }))).toBe(
      '1 violation found, each with a shortest event sequence.',
    );
    expect(resultHeadline(result({ violations: [cx, cx], complete: false }))).toMatch(
      /^2 violations found before the search stopped \(incomplete/,
    );
  });

  it('turns each counterexample into a valid scenario that replays to its violation at the last step', () => {
    const variant = findVariant('v4.18/no-put-flush');
    if (!variant) throw new Error('missing variant');
    const r = explore(ONE_CPU, variant, { depth: 10 });
    expect(r.violations.length).toBeGreaterThan(0);
    for (const cx of r.violations) {
      const sc = counterexampleScenario(cx, {
        config: ONE_CPU,
        variant: variant.id,
        depth: 10,
        title: 'Guest',
      });
      expect(validateScenario(JSON.parse(JSON.stringify(sc))).ok).toBe(true);
      expect(sc).toMatchObject({ variant: variant.id, cpus: 1, events: cx.events });
      expect(sc.description).toMatch(/up to 10 events from the initial state of “Guest”/);
      const rep = replay(createMachine(sc, variant), sc.events);
      expect(rep.illegal).toBeNull();
      expect(rep.violations).toContainEqual(
        expect.objectContaining({ step: cx.events.length - 1, kind: cx.kind, context: cx.context }),
      );
    }
  });
});
