// The explore store over the in-process runner: a search's life (progress, result, cancel), what it
// was asked fixed at the start, counterexamples opened as explored scenarios, messages of older runs.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExploreRunner } from '../../../src/state/stores/exploreRunner';
import { setExploreRunner, useExploreStore } from '../../../src/state/stores/exploreStore';
import { applyLinkParams, connectLinkOwners, readLinkParams } from '../../../src/state/links/linkParams';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { inProcessRunner } from '../../../src/workers/inProcess';
import type { FromExplorer, StartMessage } from '../../../src/workers/protocol';
import { bigScenario, ended, until } from '../exploreFixtures';
import { guestScenario, memoryStorage, resetStores } from '../fixtures';

// The lazy owners of link parameters (linkRegistry.ts) registered up front, as their views do in the app.
beforeAll(() => Promise.all(['explore', 'gallery'].map((v) => connectLinkOwners(v))));

const initial = useExploreStore.getState();

beforeEach(() => {
  resetStores();
  useExploreStore.setState(initial, true);
  setExploreRunner(inProcessRunner());
});

afterEach(() => setExploreRunner(null));

describe('explore store', () => {
  it('explores the scenario on screen under its own variant by default, and finds nothing in v4.18', async () => {
    useExploreStore.getState().setDepth(10);
    useExploreStore.getState().start();
    const s = useExploreStore.getState();
    expect(s.status).toBe('running');
    expect(s.run).toMatchObject({ variant: 'v4.18', depth: 10, symmetry: false, title: 'Guest first FP' });
    expect(s.run?.config).toEqual({
      cpus: 1,
      tasks: [{ id: 'qemu', vcpu: 'vcpu0' }],
      start: { '0': 'qemu' },
    });
    await ended();
    const done = useExploreStore.getState();
    expect(done.status).toBe('finished');
    expect(done.result).toMatchObject({ variant: 'v4.18', depth: 10, complete: true, stopped: null });
    expect(done.result?.states).toBeGreaterThan(10);
    expect(done.found).toEqual([]);
    expect(done.progress).toMatchObject({ depth: 10, states: done.result?.states });
  });

  it('uses the chosen variant and reports each violation with a shortest sequence', async () => {
    useExploreStore.getState().setVariant('v4.18/no-put-flush');
    useExploreStore.getState().setDepth(10);
    useExploreStore.getState().start();
    await ended();
    const { result, found } = useExploreStore.getState();
    expect(result?.complete).toBe(true);
    expect(found.map((c) => `${c.kind} ${c.context} ${c.events.length}`)).toContain('leak qemu 8');
    const lengths = found.map((c) => c.events.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('keeps what it was asked when the scenario on screen changes during the search', async () => {
    useExploreStore.getState().start();
    useScenarioStore.getState().open(bigScenario(), { kind: 'generated' }, { variant: 'mainline' });
    await ended();
    const { run, result } = useExploreStore.getState();
    expect(run?.config.cpus).toBe(1);
    expect(result?.variant).toBe('v4.18');
  });

  it('ignores start while a search runs', async () => {
    useExploreStore.getState().start();
    const first = useExploreStore.getState().run?.id;
    useExploreStore.getState().start();
    expect(useExploreStore.getState().run?.id).toBe(first);
    await ended();
  });

  it('cancels a long search, keeping what it found, marked incomplete', async () => {
    resetStores(bigScenario(), 'v4.18/no-put-flush');
    useExploreStore.getState().setDepth(30);
    useExploreStore.getState().start();
    await until(() => (useExploreStore.getState().progress?.states ?? 0) > 1000);
    useExploreStore.getState().cancel();
    expect(useExploreStore.getState().status).toBe('cancelling');
    await ended();
    const { status, result, found } = useExploreStore.getState();
    expect(status).toBe('finished');
    expect(result).toMatchObject({ complete: false, stopped: 'cancelled' });
    expect(result?.exploredDepth).toBeLessThan(30);
    expect(found).toBe(result?.violations);
  }, 30_000);

  it('opens a counterexample as a new explored scenario at its violating step, in the step-through view', async () => {
    useLibraryStore.getState().load(memoryStorage());
    const mine = useLibraryStore.getState().save(guestScenario());
    useScenarioStore.getState().markSaved({ kind: 'user', id: mine as string });
    useViewStore.getState().setView('explore');
    useExploreStore.getState().setVariant('v4.18/no-put-flush');
    useExploreStore.getState().setDepth(10);
    useExploreStore.getState().start();
    await ended();
    const found = useExploreStore.getState().found;
    const i = found.findIndex((c) => c.kind === 'leak' && c.context === 'qemu');
    useExploreStore.getState().openCounterexample(i);

    const sc = useScenarioStore.getState();
    expect(sc.origin).toEqual({ kind: 'explored' });
    expect(sc.dirty).toBe(false);
    expect(sc.variantId).toBe('v4.18/no-put-flush');
    expect(sc.scenario.variant).toBe('v4.18/no-put-flush');
    expect(sc.scenario.events).toEqual(found[i].events);
    expect(sc.scenario.title).toMatch(/vcpu0's data leaked to qemu under v4\.18\/no-put-flush/);
    expect(sc.cursor).toBe(found[i].events.length);
    expect(sc.replay.violations).toContainEqual(
      expect.objectContaining({ step: found[i].events.length - 1, kind: 'leak', context: 'qemu' }),
    );
    expect(useViewStore.getState().view).toBe('diagram');
    // The user's own scenario is as it was.
    expect(useLibraryStore.getState().items).toHaveLength(1);
    expect(useLibraryStore.getState().items[0].scenario).toEqual(guestScenario());
  });

  it('tells a user on another view, by a notice, that the search has finished', async () => {
    useExploreStore.getState().start();
    useViewStore.getState().setView('diagram');
    await ended();
    expect(useNoticeStore.getState().notices).toEqual([
      expect.objectContaining({ tone: 'info', title: 'The explorer has finished' }),
    ]);
  });

  it('says nothing by notice when the explore view is shown (its live region does)', async () => {
    useViewStore.getState().setView('explore');
    useExploreStore.getState().start();
    await ended();
    expect(useNoticeStore.getState().notices).toEqual([]);
  });

  it('keeps the found-so-far list and shows the message when the runner fails', () => {
    let listener: ((m: FromExplorer) => void) | null = null;
    let started: StartMessage | null = null;
    const fake: ExploreRunner = {
      start(msg, l) {
        started = msg;
        listener = l;
        return { cancel() {} };
      },
      dispose() {},
    };
    setExploreRunner(fake);
    useExploreStore.getState().start();
    const id = (started as StartMessage | null)?.id as number;
    const progress = { depth: 3, states: 10, transitions: 20, seconds: 0.1, statesPerSecond: 100 };
    const cx = { kind: 'leak' as const, context: 'qemu', events: [], cpu: 0, message: 'm' };
    listener!({ type: 'progress', id, progress, found: [cx] });
    // A message of an earlier search is ignored.
    listener!({ type: 'error', id: id - 1, message: 'old' });
    expect(useExploreStore.getState().status).toBe('running');
    listener!({ type: 'error', id, message: 'The worker failed: out of memory.' });
    const s = useExploreStore.getState();
    expect(s).toMatchObject({ status: 'failed', error: 'The worker failed: out of memory.', found: [cx] });
    expect(s.progress).toEqual(progress);
    expect(started).toMatchObject({ type: 'start', variant: 'v4.18', depth: 12, maxStates: 5_000_000 });
  });

  it('runs with dead-variable reduction when asked: fewer states, the same violations as short', async () => {
    const search = async (dead: boolean) => {
      useExploreStore.setState(initial, true);
      useExploreStore.getState().setVariant('v4.18/no-put-flush');
      useExploreStore.getState().setDepth(10);
      useExploreStore.getState().setDead(dead);
      useExploreStore.getState().start();
      expect(useExploreStore.getState().run?.dead).toBe(dead);
      await ended();
      const { result, found } = useExploreStore.getState();
      return { states: result!.states, found: found.map((c) => `${c.kind} ${c.context} ${c.events.length}`) };
    };
    const plain = await search(false);
    const dead = await search(true);
    expect(dead.found).toEqual(plain.found);
    expect(dead.states).toBeLessThan(plain.states);
  });

  it('carries dead-variable reduction through a link to the explore view', () => {
    useExploreStore.getState().setDead(true);
    expect(readLinkParams('explore')).toMatchObject({ xz: '1' });
    useExploreStore.getState().setDead(false);
    expect(readLinkParams('explore').xz).toBeUndefined();
    applyLinkParams({ xd: '9', xz: '1' }, 'explore');
    expect(useExploreStore.getState()).toMatchObject({ depth: 9, dead: true, symmetry: false });
  });

  it('renames CPUs by default up to 4 CPUs, as check does; a link without xc keeps it off', () => {
    const eightCpus = { ...bigScenario(), cpus: 8 };
    expect(useExploreStore.getState().cpus).toBeNull();
    // The scenario on screen has 1 CPU: on by default, and the link says so.
    expect(readLinkParams('explore')).toMatchObject({ xz: '1', xc: '1' });
    useScenarioStore.getState().open(eightCpus, { kind: 'generated' }, { variant: 'v4.18' });
    expect(readLinkParams('explore').xc).toBeUndefined();
    useExploreStore.getState().setCpus(true);
    expect(readLinkParams('explore')).toMatchObject({ xc: '1' });
    // A link made when CPU renaming was off unless ticked means off.
    applyLinkParams({ xd: '9', xz: '1' }, 'explore');
    expect(useExploreStore.getState()).toMatchObject({ depth: 9, dead: true, cpus: false });
  });

  it('stops at the first violating depth when asked, sending the option to the worker', async () => {
    useExploreStore.getState().setVariant('v4.18/no-put-flush');
    useExploreStore.getState().setDepth(12);
    useExploreStore.getState().setFirst(true);
    useExploreStore.getState().start();
    expect(useExploreStore.getState().run).toMatchObject({ first: true, timeLimit: null });
    await ended();
    const { result, found } = useExploreStore.getState();
    // no-put-flush's shortest violation on this machine is a leak of qemu in 8 events.
    expect(result).toMatchObject({ stopped: 'violation', complete: false, exploredDepth: 8 });
    expect(found.map((c) => `${c.kind} ${c.context} ${c.events.length}`)).toEqual(['leak qemu 8']);
  });

  it('stops at the time limit, keeping what it found, marked incomplete', async () => {
    useExploreStore.getState().setVariant('v4.18/no-neon-save');
    useExploreStore.getState().setDepth(60);
    useExploreStore.getState().setTimeLimit(0.001);
    useExploreStore.getState().start();
    await ended();
    expect(useExploreStore.getState().result).toMatchObject({ stopped: 'time-limit', complete: false });
  });

  it('carries the first-depth stop and the time limit through a link; older links mean neither', () => {
    useExploreStore.getState().setFirst(true);
    useExploreStore.getState().setTimeLimit(2.5);
    expect(readLinkParams('explore')).toMatchObject({ xf: '1', xt: '2.5' });
    applyLinkParams({ xd: '9' }, 'explore');
    expect(useExploreStore.getState()).toMatchObject({
      depth: 9,
      first: false,
      timeLimit: null,
      dead: false,
    });
    expect(readLinkParams('explore').xf).toBeUndefined();
    expect(readLinkParams('explore').xt).toBeUndefined();
    applyLinkParams({ xd: '9', xf: '1', xt: '30' }, 'explore');
    expect(useExploreStore.getState()).toMatchObject({ first: true, timeLimit: 30 });
    // A limit that is not a number of seconds is not taken.
    applyLinkParams({ xd: '9', xt: '-5' }, 'explore');
    expect(useExploreStore.getState().timeLimit).toBeNull();
  });
});
