// Which explore links start their search by themselves: only those of small estimated cost.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AUTO_START_MAX_COST,
  autoStartAllowed,
  heldText,
  searchCost,
} from '../../../src/state/links/exploreCost';
import { setExploreRunner, useExploreStore } from '../../../src/state/stores/exploreStore';
import { inProcessRunner } from '../../../src/workers/inProcess';
import { applyLinkParams, connectLinkOwners, readLinkParams } from '../../../src/state/links/linkParams';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import type { Scenario } from '../../../src/engine';
import { resetStores } from '../fixtures';

// The lazy owners of link parameters (linkRegistry.ts) registered up front, as their views do in the app.
beforeAll(() => Promise.all(['explore', 'gallery'].map((v) => connectLinkOwners(v))));

const machine = (cpus: number, tasks: number) => ({
  cpus,
  tasks: Array.from({ length: tasks }, (_, i) => ({ id: `t${i}` })),
});

describe('searchCost', () => {
  it('is CPUs x tasks x depth, and a link starts only what costs at most the reference at depth 16', () => {
    expect(searchCost(machine(2, 3), 12)).toBe(72);
    expect(searchCost(machine(8, 32), 12)).toBe(3072);
    expect(AUTO_START_MAX_COST).toBe(96);
    expect(autoStartAllowed(machine(2, 3), 12)).toBe(true); // the reference machine, default depth
    expect(autoStartAllowed(machine(2, 4), 8)).toBe(true); // the gallery machine at its depth
    expect(autoStartAllowed(machine(2, 4), 12)).toBe(true);
    expect(autoStartAllowed(machine(3, 4), 12)).toBe(false);
    expect(autoStartAllowed(machine(8, 32), 1)).toBe(false);
    expect(heldText(machine(8, 32), 12)).toMatch(/8 CPUs × 32 tasks × depth 12 = 3,072, above 96/);
  });
});

function scenario(cpus: number, tasks: number): Scenario {
  const m = machine(cpus, tasks);
  return { format: 'fpsimd-scenario/1', title: 'x', ...m, start: { '0': 't0' }, events: [] };
}

const initial = useExploreStore.getState();

describe('an explore link', () => {
  beforeEach(() => {
    resetStores();
    useExploreStore.setState(initial, true);
    setExploreRunner(inProcessRunner());
  });
  afterEach(() => setExploreRunner(null));

  it('holds a large search: the settings are applied, nothing runs, and the link keeps asking for it', () => {
    useScenarioStore.getState().open(scenario(8, 32), { kind: 'shared' });
    applyLinkParams({ xd: '12', xr: '1' }, 'explore');
    const s = useExploreStore.getState();
    expect(s.status).toBe('idle');
    expect(s.held).toBe(true);
    expect(s.depth).toBe(12);
    expect(readLinkParams('explore')).toMatchObject({ xd: '12', xr: '1' });
  });

  it('starts a small search by itself', () => {
    useScenarioStore.getState().open(scenario(2, 3), { kind: 'shared' });
    applyLinkParams({ xd: '4', xr: '1' }, 'explore');
    const s = useExploreStore.getState();
    expect(s.held).toBe(false);
    expect(s.status).toBe('running');
    expect(s.fromLink).toBe(true);
    s.cancel();
  });
});
