import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCodeStore } from '../../../src/state/stores/codeStore';
import { decodeShare, encodeShare } from '../../../src/state/links/share';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { currentScreen, openFragment, startUrlSync } from '../../../src/state/links/urlSync';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { guestScenario, resetStores, twoCpuScenario } from '../fixtures';

describe('view parameters in links', () => {
  beforeEach(() => {
    resetStores(guestScenario());
    useCodeStore.getState().setOpen(false);
  });

  it('carry reviewer mode through a link and back', () => {
    useCodeStore.getState().setOpen(true);
    const frag = encodeShare(currentScreen());
    expect(frag).toMatch(/&code=1&data=/);
    useCodeStore.getState().setOpen(false);
    expect(openFragment(frag)).toBe(true);
    expect(useCodeStore.getState().open).toBe(true);
  });

  it('round-trip unknown fields as parameters, never the link’s own fields', () => {
    const screen = { ...currentScreen(), params: { xd: '7', step: '99' } };
    const res = decodeShare(encodeShare(screen));
    expect(res.ok && res.screen.params).toEqual({ xd: '7' });
    expect(res.ok && res.screen.step).toBe(screen.step);
  });
});

describe('history', () => {
  beforeEach(() => {
    resetStores(guestScenario());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('adds an entry for a change of view, none for steps', () => {
    const stop = startUrlSync(window, 100);
    const before = window.history.length;
    useScenarioStore.getState().stepBy(2);
    vi.advanceTimersByTime(150);
    expect(window.history.length).toBe(before);
    useScenarioStore.getState().stepBy(1);
    useViewStore.getState().setView('compare');
    expect(window.history.length).toBe(before + 1);
    expect(window.location.hash).toContain('view=compare');
    stop();
  });

  it('adds one entry for opening another scenario, with or without a change of view; Back returns', async () => {
    const stop = startUrlSync(window, 100);
    useScenarioStore.getState().stepBy(2);
    vi.advanceTimersByTime(150);
    const before = window.history.length;
    const left = window.location.hash;
    useScenarioStore.getState().open(twoCpuScenario(), { kind: 'generated' });
    await Promise.resolve();
    expect(window.history.length).toBe(before + 1);
    expect(window.location.hash).not.toBe(left);
    // Opening a tour or a gallery example changes the scenario and the view: one entry for both.
    useScenarioStore.getState().open(guestScenario(), { kind: 'example', id: 'x' });
    useViewStore.getState().setView('tour');
    await Promise.resolve();
    expect(window.history.length).toBe(before + 2);
    expect(window.location.hash).toContain('view=tour');
    // Edits are no entries.
    useScenarioStore.getState().deleteEvent(0);
    vi.advanceTimersByTime(150);
    expect(window.history.length).toBe(before + 2);
    stop();
  });
});
