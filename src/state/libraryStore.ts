// The user's own scenarios (kept in the browser) and the scenario opened from a link, kept apart from
// them until the user saves it.
import { create } from 'zustand';
import type { Scenario } from '../engine';
import { useNoticeStore } from './noticeStore';
import { browserStorage, loadLibrary, saveLibrary, type KeyValueStore, type SavedScenario } from './storage';

interface LibraryState {
  items: SavedScenario[];
  /** A scenario opened from a link, not yet saved. */
  shared: Scenario | null;
  /** Where the library lives; replaced in tests. */
  store: KeyValueStore | null;
  load(store?: KeyValueStore | null): void;
  /** Saves a new scenario or replaces the one with this id; returns its id, or null on failure. */
  save(scenario: Scenario, id?: string): string | null;
  remove(id: string): void;
  setShared(scenario: Scenario | null): void;
}

const newId = (): string => `u${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  items: [],
  shared: null,
  store: null,

  load(store = browserStorage()) {
    const res = loadLibrary(store);
    const notices = useNoticeStore.getState();
    for (const p of res.problems) notices.push('error', 'Saved scenarios', p);
    // Unreadable data has been copied to a backup key, so later saves cannot lose it.
    set({ items: res.items, store });
  },

  save(scenario, id) {
    const s = get();
    const item: SavedScenario = { id: id ?? newId(), savedAt: new Date().toISOString(), scenario };
    const items = s.items.some((i) => i.id === item.id)
      ? s.items.map((i) => (i.id === item.id ? item : i))
      : [...s.items, item];
    const err = saveLibrary(s.store, items);
    if (err) {
      useNoticeStore.getState().push('error', 'Not saved', err);
      return null;
    }
    set({ items });
    return item.id;
  },

  remove(id) {
    const s = get();
    const items = s.items.filter((i) => i.id !== id);
    const err = saveLibrary(s.store, items);
    if (err) useNoticeStore.getState().push('error', 'Not removed', err);
    else set({ items });
  },

  setShared: (shared) => set({ shared }),
}));
