// The user's own scenarios (kept in the browser) and the scenario opened from a link, kept apart from
// them until the user saves it.
import { create } from 'zustand';
import { printScenario, type Scenario } from '../engine';
import { useNoticeStore, type NoticeDownload } from './noticeStore';
import {
  browserStorage,
  keepCopy,
  loadLibrary,
  saveLibrary,
  type KeyValueStore,
  type SavedScenario,
  type Unreadable,
} from './storage';

interface LibraryState {
  items: SavedScenario[];
  /** A scenario opened from a link, not yet saved. */
  shared: Scenario | null;
  /** Where the library lives; replaced in tests. */
  store: KeyValueStore | null;
  /**
   * Stored library data that could not be read and of which no copy is kept yet: while set, the
   * library is never written (each save tries again to keep a copy first).
   */
  unkept: Unreadable | null;
  load(store?: KeyValueStore | null): void;
  /** Saves a new scenario or replaces the one with this id; returns its id, or null on failure. */
  save(scenario: Scenario, id?: string): string | null;
  remove(id: string): void;
  setShared(scenario: Scenario | null): void;
}

const newId = (): string => `u${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The unreadable library data, offered as a file. */
export function unreadableDownload(raw: string): NoticeDownload {
  return {
    label: 'Download the unreadable saved data',
    fileName: 'fpsimd-viz-saved-scenarios.json',
    text: raw,
  };
}

const UNKEPT =
  'Your earlier saved data could not be read and no copy of it could be kept (the browser storage is' +
  ' full), so nothing is written over it. Download it, and this scenario, to keep them.';

export const useLibraryStore = create<LibraryState>()((set, get) => {
  /** Writes items unless that would overwrite data of which no copy is kept; an error message or null. */
  const write = (items: readonly SavedScenario[]): string | null => {
    const { store, unkept } = get();
    if (store && unkept) {
      const key = unkept.raw === null ? null : keepCopy(store, unkept.raw);
      if (!key) return UNKEPT;
      set({ unkept: null });
      useNoticeStore
        .getState()
        .push('info', 'Saved scenarios', `The data that could not be read is now kept under "${key}".`);
    }
    return saveLibrary(store, items);
  };
  const failed = (title: string, err: string, scenario?: Scenario): void => {
    const raw = get().unkept?.raw;
    const downloads: NoticeDownload[] = raw != null ? [unreadableDownload(raw)] : [];
    if (scenario)
      downloads.push({
        label: 'Download this scenario',
        fileName: 'fpsimd-viz-scenario.json',
        text: printScenario(scenario),
      });
    useNoticeStore.getState().push('error', title, err, downloads.length ? downloads : undefined);
  };

  return {
    items: [],
    shared: null,
    store: null,
    unkept: null,

    load(store = browserStorage()) {
      const res = loadLibrary(store);
      const notices = useNoticeStore.getState();
      const unkept = res.unreadable && !res.unreadable.backupKey ? res.unreadable : null;
      res.problems.forEach((p, i) => {
        const last = i === res.problems.length - 1;
        const raw = last ? unkept?.raw : null;
        notices.push('error', 'Saved scenarios', p, raw != null ? [unreadableDownload(raw)] : undefined);
      });
      set({ items: res.items, store, unkept });
    },

    save(scenario, id) {
      const s = get();
      const item: SavedScenario = { id: id ?? newId(), savedAt: new Date().toISOString(), scenario };
      const items = s.items.some((i) => i.id === item.id)
        ? s.items.map((i) => (i.id === item.id ? item : i))
        : [...s.items, item];
      const err = write(items);
      if (err) {
        failed('Not saved', err, scenario);
        return null;
      }
      set({ items });
      return item.id;
    },

    remove(id) {
      const items = get().items.filter((i) => i.id !== id);
      const err = write(items);
      if (err) failed('Not removed', err);
      else set({ items });
    },

    setShared: (shared) => set({ shared }),
  };
});
