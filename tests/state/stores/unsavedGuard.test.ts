import { beforeEach, describe, expect, it } from 'vitest';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { guardReplace, restoreDiscarded, useGuardStore } from '../../../src/state/stores/unsavedGuard';
import { guestScenario, memoryStorage, resetStores, twoCpuScenario } from '../fixtures';

const st = () => useScenarioStore.getState();
const openOther = () => st().open(twoCpuScenario(), { kind: 'generated' });

describe('the unsaved-edits guard', () => {
  beforeEach(() => {
    resetStores(guestScenario());
    useLibraryStore.getState().load(memoryStorage());
    useGuardStore.setState({ pending: null, discarded: null });
  });

  it('replaces at once, without asking, when nothing is unsaved', async () => {
    const asked: string[] = [];
    const p = guardReplace('open x', openOther, (q) => (asked.push(q.action), 'cancel'));
    expect(st().scenario.title).toBe('Two CPUs');
    await expect(p).resolves.toBe(true);
    expect(asked).toEqual([]);
  });

  it('keeps the edits on Cancel, saves them on Save', async () => {
    st().setNote(0, 'mine');
    await expect(guardReplace('open x', openOther, () => 'cancel')).resolves.toBe(false);
    expect(st().scenario.events[0].note).toBe('mine');
    await expect(guardReplace('open x', openOther, () => 'save')).resolves.toBe(true);
    expect(st().scenario.title).toBe('Two CPUs');
    expect(useLibraryStore.getState().items.map((i) => i.scenario.events[0].note)).toEqual(['mine']);
  });

  it('restores the last discarded edits with their undo history', async () => {
    st().setNote(0, 'mine');
    await expect(guardReplace('open x', openOther, () => 'discard')).resolves.toBe(true);
    expect(st().scenario.title).toBe('Two CPUs');
    await expect(restoreDiscarded(() => 'cancel')).resolves.toBe(true);
    expect(st().scenario.events[0].note).toBe('mine');
    expect(st().dirty).toBe(true);
    expect(useGuardStore.getState().discarded).toBeNull();
    st().undo();
    expect(st().dirty).toBe(false);
  });

  it('clears "edited" when undo returns to the scenario as opened, and sets it again on redo', () => {
    st().setNote(0, 'a');
    st().setNote(1, 'b');
    expect(st().dirty).toBe(true);
    st().undo();
    expect(st().dirty).toBe(true);
    st().undo();
    expect(st().dirty).toBe(false);
    st().redo();
    expect(st().dirty).toBe(true);
  });
});
