import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES } from '../../../src/scenarios';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { useGuardStore } from '../../../src/state/stores/unsavedGuard';
import { encodeShare } from '../../../src/state/links/share';
import { openFragment, shareFragment, startUrlSync } from '../../../src/state/links/urlSync';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { guestScenario, memoryStorage, resetStores, twoCpuScenario } from '../fixtures';

/** A link to step 2 of the two-CPU scenario, CPU1 in the palette (what a user pastes). */
const twoCpuLink = (): string =>
  encodeShare({
    scenario: twoCpuScenario(),
    variant: 'v4.18',
    step: 2,
    view: 'diagram',
    embed: false,
    cpu: 1,
  });

describe('opening links', () => {
  beforeEach(() => {
    resetStores();
    useLibraryStore.getState().load(memoryStorage());
    useLibraryStore.getState().save(twoCpuScenario());
  });

  it('opens a link as a separate shared scenario, leaving the saved ones alone', () => {
    const sc = { ...guestScenario(), title: 'From a friend' };
    const ok = openFragment(
      encodeShare({ scenario: sc, variant: 'v4.18', step: 4, view: 'diagram', embed: false, cpu: 0 }),
    );
    expect(ok).toBe(true);
    expect(useScenarioStore.getState().origin).toEqual({ kind: 'shared' });
    expect(useScenarioStore.getState().cursor).toBe(4);
    expect(useLibraryStore.getState().shared?.title).toBe('From a friend');
    expect(useLibraryStore.getState().items.map((i) => i.scenario.title)).toEqual(['Two CPUs']);
  });

  it('recognises an example or a saved scenario', () => {
    const ex = EXAMPLES[0];
    openFragment(
      encodeShare({
        scenario: ex.scenario,
        variant: 'v4.18',
        step: 0,
        view: 'diagram',
        embed: false,
        cpu: 0,
      }),
    );
    expect(useScenarioStore.getState().origin).toEqual({ kind: 'example', id: ex.id });
    const mine = useLibraryStore.getState().items[0];
    openFragment(
      encodeShare({
        scenario: twoCpuScenario(),
        variant: 'v4.18',
        step: 0,
        view: 'diagram',
        embed: false,
        cpu: 0,
      }),
    );
    expect(useScenarioStore.getState().origin).toEqual({ kind: 'user', id: mine.id });
  });

  it('shows a message for a corrupted link and changes nothing', () => {
    const before = useScenarioStore.getState().scenario;
    const frag = encodeShare({
      scenario: guestScenario(),
      variant: 'v4.18',
      step: 4,
      view: 'diagram',
      embed: false,
      cpu: 0,
    });
    expect(openFragment(frag.slice(0, -30))).toBe(false);
    expect(useScenarioStore.getState().scenario).toBe(before);
    const n = useNoticeStore.getState().notices;
    expect(n).toHaveLength(1);
    expect(n[0].tone).toBe('error');
    expect(n[0].detail).toMatch(/untouched/);
    expect(useLibraryStore.getState().items).toHaveLength(1);
  });

  it('opens with a warning when the variant, view or CPU are unknown', () => {
    const frag = encodeShare({
      scenario: guestScenario(),
      variant: 'v9.9',
      step: 2,
      view: 'nope',
      embed: false,
      cpu: 5,
    });
    expect(openFragment(frag)).toBe(true);
    expect(useScenarioStore.getState().variantId).toBe('v4.18');
    expect(useViewStore.getState().view).toBe('diagram');
    expect(useViewStore.getState().paletteCpu).toBe(0);
    const n = useNoticeStore.getState().notices;
    expect(n[0].tone).toBe('warning');
    expect(n[0].detail).toMatch(/v9\.9/);
  });
});

describe('URL sync', () => {
  beforeEach(() => {
    resetStores();
    vi.useFakeTimers();
    window.history.replaceState(null, '', '#');
  });
  afterEach(() => vi.useRealTimers());

  it('writes the screen into the fragment after a pause, and opens a pasted fragment', () => {
    const stop = startUrlSync(window, 100);
    useScenarioStore.getState().stepBy(3);
    expect(window.location.hash).toBe('');
    vi.advanceTimersByTime(150);
    expect(window.location.hash).toBe(`#${shareFragment()}`);
    expect(window.location.hash).toContain('step=3');

    const other = twoCpuLink();
    window.location.hash = other;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useScenarioStore.getState().scenario.title).toBe('Two CPUs');
    expect(useViewStore.getState().paletteCpu).toBe(1);
    stop();
  });

  it('asks before a pasted link replaces unsaved edits, and on Cancel puts the screen back in the address', async () => {
    useLibraryStore.getState().load(memoryStorage());
    const stop = startUrlSync(window, 100);
    useScenarioStore.getState().setNote(0, 'mine');
    vi.advanceTimersByTime(150);
    const mine = window.location.hash;
    window.location.hash = twoCpuLink();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const pending = useGuardStore.getState().pending;
    expect(pending?.action).toBe('open the link');
    pending?.answer('cancel');
    await vi.runAllTimersAsync();
    expect(useScenarioStore.getState().scenario.events[0].note).toBe('mine');
    expect(window.location.hash).toBe(mine);
    stop();
  });
});
