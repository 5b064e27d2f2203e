import { describe, expect, it } from 'vitest';
import {
  COUNTER_NAMES,
  createMachine,
  ERAS as ENGINE_ERAS,
  findVariant,
  replay,
  type Scenario,
} from '../../../src/engine';
import { EXAMPLES } from '../../../src/scenarios';
import {
  compareReplays,
  counterSeries,
  nextViolation,
  ownersAt,
  ownershipDiffSteps,
  perExit,
  replayFor,
  seedReplay,
  totalsOf,
} from '../../../src/state/viewmodels/compareModel';

const example = (id: string): Scenario => EXAMPLES.find((e) => e.id === id)!.scenario;
// Every era, as the engine lists them: a new one makes the per-era expectations below fail until added.
const ERAS = ENGINE_ERAS.map((e) => e.id);

describe('compare model', () => {
  it('sums the exit storm per era as the engine counts it (the patch’s claim)', () => {
    const items = compareReplays(example('exit-storm'), ERAS);
    const totals = items.map((i) => totalsOf(i.replay));
    expect(totals.map((t) => COUNTER_NAMES.map((k) => t.counters[k]))).toEqual([
      [20, 21, 20, 20, 20, 80],
      [1, 2, 1, 1, 1, 3],
      [1, 2, 1, 1, 1, 3],
      [1, 2, 1, 1, 1, 3],
      // v6.16: v6.15's KVM side; the storm has no signal and no kernel-mode section.
      [1, 2, 1, 1, 1, 3],
    ]);
    expect(totals.map((t) => t.exits)).toEqual([20, 20, 20, 20, 20]);
    expect(totals.map((t) => perExit(t.savesRestores, t.exits))).toEqual([
      '4.05',
      '0.25',
      '0.25',
      '0.25',
      '0.25',
    ]);
    expect(totals.map((t) => perExit(t.counters.irqsOffSaveRestores, t.exits))).toEqual([
      '4.00',
      '0.15',
      '0.15',
      '0.15',
      '0.15',
    ]);
    expect(totals.every((t) => t.violations.length === 0)).toBe(true);
    expect(perExit(3, 0)).toBe('—');
  });

  it('replays once per scenario and variant, and a new scenario object replays again', () => {
    const sc = example('exit-storm');
    const v = findVariant('v4.18')!;
    const a = replayFor(sc, v);
    expect(replayFor(sc, v)).toBe(a);
    const edited = { ...sc, events: sc.events.slice(0, 10) };
    const b = replayFor(edited, v);
    expect(b).not.toBe(a);
    expect(b.length).toBe(10);
  });

  it('reuses a replay made by the scenario store', () => {
    const sc = { ...example('exit-storm') };
    const r = replay(createMachine(sc, findVariant('v6.15')!), sc.events);
    seedReplay(sc, r);
    expect(compareReplays(sc, ['v6.15', 'v4.17'])[0].replay).toBe(r);
    // A replay of other events is not taken for this scenario's.
    const other = { ...sc };
    seedReplay(other, replay(createMachine(sc, findVariant('v4.17')!), sc.events.slice(0, 3)));
    expect(replayFor(other, findVariant('v4.17')!).length).toBe(sc.events.length);
  });

  it('finds the steps where register owners differ, exactly as the owners arrays say', () => {
    const items = compareReplays(example('exit-storm'), ERAS);
    const diffs = ownershipDiffSteps(items);
    const cpus = items[0].replay.machine.cfg.cpus;
    const brute: number[] = [];
    for (let n = 0; n <= items[0].replay.length; n++) {
      const owners = items.map((i) => Array.from(i.replay.owners.slice(n * cpus, (n + 1) * cpus)).join());
      if (new Set(owners).size > 1) brute.push(n);
    }
    expect(diffs).toEqual(brute);
    expect(diffs.length).toBeGreaterThan(0);
    expect(ownershipDiffSteps(compareReplays(example('exit-storm'), ['v4.18', 'v4.18']))).toEqual([]);
    // After the first exit v4.17 has restored the host's registers; v4.18 keeps the guest's.
    const firstExit = example('exit-storm').events.findIndex((e) => e.op === 'guest_exit') + 1;
    expect(ownersAt(items, firstExit)).toEqual([
      { cpu: 0, owners: ['qemu', 'vcpu0', 'vcpu0', 'vcpu0', 'vcpu0'], differs: true },
    ]);
    expect(diffs).toContain(firstExit);
  });

  it('reduces a counter to its change points, exact at every step', () => {
    const [it17] = compareReplays(example('exit-storm'), ['v4.17']);
    const r = it17.replay;
    const pts = counterSeries(r, 'irqsOffSaveRestores');
    expect(pts[0]).toEqual([0, 0]);
    expect(pts[pts.length - 1]).toEqual([r.length, 80]);
    expect(pts.length).toBeLessThan(r.length);
    const k = COUNTER_NAMES.indexOf('irqsOffSaveRestores');
    for (let n = 0; n <= r.length; n++) {
      const last = pts.filter((p) => p[0] <= n).at(-1)!;
      expect(last[1]).toBe(r.counters[n * COUNTER_NAMES.length + k]);
    }
  });

  it('finds the next violation of any compared variant, and which variants break there', () => {
    const sc = example('ablation-no-put-save');
    const items = compareReplays(sc, ['v4.18', 'v4.18/no-put-save']);
    expect(items[0].replay.violations).toEqual([]);
    const first = items[1].replay.violations[0];
    expect(nextViolation(items, 0)).toEqual({ step: first.step + 1, ids: ['v4.18/no-put-save'] });
    expect(nextViolation(items, items[1].replay.length)).toBeNull();
  });
});
