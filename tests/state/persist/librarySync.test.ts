// Two tabs share one library: every write re-reads it and merges by id, so neither tab's saves are lost,
// and a tab is told when the scenario it has open was changed or deleted in the other.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/engine';
import { startAutosave } from '../../../src/state/persist/autosave';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { libraryChangedElsewhere, watchLibrary } from '../../../src/state/persist/librarySync';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import {
  LIBRARY_KEY,
  loadLibrary,
  saveLibrary,
  type SavedScenario,
} from '../../../src/state/persist/storage';
import { guestScenario, memoryStorage, resetStores, twoCpuScenario } from '../fixtures';

const lib = () => useLibraryStore.getState();
const titled = (title: string, base: Scenario = guestScenario()): Scenario => ({ ...base, title });
const storedTitles = (store: Storage): string[] =>
  loadLibrary(store)
    .items.map((i) => i.scenario.title)
    .sort();

/** What another tab does: read the library as stored now, change it, write it back. */
function otherTab(store: Storage, change: (items: SavedScenario[]) => SavedScenario[]): void {
  expect(saveLibrary(store, change(loadLibrary(store).items))).toBeNull();
}
const item = (id: string, scenario: Scenario): SavedScenario => ({
  id,
  savedAt: new Date(Date.now() + 1000).toISOString(),
  scenario,
});

describe('the library shared by two tabs', () => {
  let store: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    resetStores();
    store = memoryStorage();
  });

  it('keeps both tabs’ saves, in either order', () => {
    // A saves, B opens (here: this tab loads), A saves a second scenario, B saves.
    otherTab(store, (items) => [...items, item('a1', titled('A first'))]);
    lib().load(store);
    otherTab(store, (items) => [...items, item('a2', titled('A second'))]);
    expect(lib().save(titled('B'))).not.toBeNull();
    expect(storedTitles(store)).toEqual(['A first', 'A second', 'B']);
    // And the other way round: this tab saves, then the other tab (which read before) saves.
    expect(lib().save(titled('B second'))).not.toBeNull();
    otherTab(store, (items) => [...items, item('a3', titled('A third'))]);
    expect(lib().save(titled('B third'))).not.toBeNull();
    expect(storedTitles(store)).toEqual(['A first', 'A second', 'A third', 'B', 'B second', 'B third']);
    expect(lib().items.map((i) => i.scenario.title)).toContain('A third');
  });

  it('removes only what it removes', () => {
    lib().load(store);
    const mine = lib().save(titled('mine'))!;
    otherTab(store, (items) => [...items, item('a1', titled('theirs'))]);
    lib().remove(mine);
    expect(storedTitles(store)).toEqual(['theirs']);
  });

  it('autosaves into the stored library, not the list it read at load', () => {
    const stop = startAutosave(1_000_000);
    lib().load(store);
    const id = lib().save(titled('mine'))!;
    useScenarioStore.getState().open(titled('mine'), { kind: 'user', id });
    otherTab(store, (items) => [...items, item('a1', titled('theirs'))]);
    useScenarioStore.getState().edit(titled('mine, edited'));
    stop();
    expect(storedTitles(store)).toEqual(['mine, edited', 'theirs']);
  });

  it('never writes over a scenario another tab changed: this tab’s version is kept as a new one', () => {
    lib().load(store);
    const id = lib().save(titled('shared one'))!;
    otherTab(store, (items) => items.map((i) => (i.id === id ? item(id, titled('edited there')) : i)));
    const kept = lib().save(titled('edited here'), id);
    expect(kept).not.toBeNull();
    expect(kept).not.toBe(id);
    expect(storedTitles(store)).toEqual(['edited here', 'edited there']);
    expect(useNoticeStore.getState().notices.map((n) => n.title)).toContain(
      '“edited here” was changed in another tab',
    );
  });

  it('does not bring back a scenario another tab deleted under its old id', () => {
    lib().load(store);
    const id = lib().save(titled('doomed'))!;
    otherTab(store, (items) => items.filter((i) => i.id !== id));
    const kept = lib().save(titled('doomed, edited'), id);
    expect(kept).not.toBe(id);
    expect(loadLibrary(store).items.map((i) => i.id)).toEqual([kept]);
  });
});

describe('a storage event from another tab', () => {
  let store: ReturnType<typeof memoryStorage>;
  let id: string;
  beforeEach(() => {
    resetStores();
    store = memoryStorage();
    lib().load(store);
    id = lib().save(titled('open here', twoCpuScenario()))!;
    useScenarioStore.getState().open(titled('open here', twoCpuScenario()), { kind: 'user', id });
    useScenarioStore.getState().setCursor(3);
    useNoticeStore.getState().clear();
  });

  it('shows the other tab’s saves in the list', () => {
    otherTab(store, (items) => [...items, item('a1', titled('theirs'))]);
    const win = new EventTarget();
    const stop = watchLibrary(win as unknown as Window);
    win.dispatchEvent(Object.assign(new Event('storage'), { key: LIBRARY_KEY }));
    stop();
    expect(lib().items.map((i) => i.scenario.title)).toEqual(['open here', 'theirs']);
  });

  it('shows the version saved there when this tab has no edits of its own, and says so', () => {
    otherTab(store, (items) =>
      items.map((i) => (i.id === id ? item(id, titled('changed there', twoCpuScenario())) : i)),
    );
    libraryChangedElsewhere();
    const s = useScenarioStore.getState();
    expect(s.scenario.title).toBe('changed there');
    expect(s.cursor).toBe(3);
    expect(s.origin).toEqual({ kind: 'user', id });
    expect(useNoticeStore.getState().notices[0].title).toBe('“changed there” was changed in another tab');
  });

  it('keeps this tab’s unsaved edits as a new scenario when the other tab changed it', () => {
    useScenarioStore.getState().edit(titled('edited here', twoCpuScenario()));
    otherTab(store, (items) =>
      items.map((i) => (i.id === id ? item(id, titled('changed there', twoCpuScenario())) : i)),
    );
    libraryChangedElsewhere();
    const s = useScenarioStore.getState();
    expect(s.scenario.title).toBe('edited here');
    expect(s.dirty).toBe(false);
    expect(s.origin.kind === 'user' && s.origin.id).not.toBe(id);
    expect(storedTitles(store)).toEqual(['changed there', 'edited here']);
    expect(useNoticeStore.getState().notices[0].title).toBe('“edited here” was changed in another tab');
  });

  it('keeps the scenario on screen when the other tab deleted it, and says so', () => {
    otherTab(store, (items) => items.filter((i) => i.id !== id));
    libraryChangedElsewhere();
    expect(storedTitles(store)).toEqual(['open here']);
    expect(useScenarioStore.getState().origin.kind).toBe('user');
    expect(useNoticeStore.getState().notices[0].title).toBe('“open here” was deleted in another tab');
  });
});
