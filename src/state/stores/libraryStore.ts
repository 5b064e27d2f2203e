// The user's own scenarios (kept in the browser) and the scenario opened from a link, kept apart from
// them until the user saves it. Several tabs share the library: every write re-reads it first and
// changes only the scenario it is about (merged by id), so no tab writes back a list it read earlier;
// a save over a scenario that another tab changed or deleted meanwhile is kept as a new one instead.
import { create } from 'zustand';
import { printScenario, type Scenario } from '../../engine';
import { useNoticeStore, type NoticeDownload } from './noticeStore';
import {
  browserStorage,
  loadLibrary,
  saveLibrary,
  LIBRARY_KEY,
  type KeyValueStore,
  type LoadResult,
  type SavedScenario,
  type Unreadable,
} from '../persist/storage';

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
  /**
   * Reads the library again (another tab wrote it); returns the items as they were before, or null
   * when nothing could be read (the list is then left as it was).
   */
  reload(): SavedScenario[] | null;
  /**
   * Saves a new scenario or replaces the one with this id; returns its id, or null on failure. When
   * the stored scenario with this id is no longer the one this tab last read (another tab changed or
   * deleted it), nothing is written over it: the scenario is saved under a new id, returned, and the
   * user told.
   */
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

/** The same stored item (another tab's save gives it a new time, or a new scenario). */
export const sameItem = (a: SavedScenario | undefined, b: SavedScenario | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.savedAt === b.savedAt &&
    JSON.stringify(a.scenario) === JSON.stringify(b.scenario));

/** The stored library text, or undefined when it cannot be read. */
function storedText(store: KeyValueStore): string | null | undefined {
  try {
    return store.getItem(LIBRARY_KEY);
  } catch {
    return undefined;
  }
}

/** Says that this tab's version of a scenario another tab changed or deleted is kept as a new one. */
export function keptApart(title: string, why: 'changed' | 'deleted'): void {
  useNoticeStore
    .getState()
    .push(
      'warning',
      `“${title}” was ${why} in another tab`,
      `Nothing was written over it: this tab's version is kept in My scenarios as a separate scenario, the one on screen.${why === 'deleted' ? ' Delete it here too if it should go.' : ''}`,
    );
}

export const useLibraryStore = create<LibraryState>()((set, get) => {
  /**
   * The stored text this tab's items were read from or written as: while storage still holds it, no
   * other tab wrote since, and a write need not parse and check the whole library again.
   */
  let known: string | null | undefined;
  /** The library as stored now. */
  const readNow = (store: KeyValueStore): LoadResult => {
    const text = storedText(store);
    if (text !== undefined && text === known && !get().unkept)
      return { items: get().items, problems: [], unreadable: null };
    known = text;
    return loadLibrary(store);
  };
  /**
   * Applies `change` to the library as stored now (read again, so another tab's saves are kept) and
   * writes it, unless that would overwrite data of which no copy is kept. The items written, or an
   * error message.
   */
  const write = (
    change: (fresh: SavedScenario[]) => SavedScenario[],
  ): { items: SavedScenario[] } | { error: string } => {
    const { store, unkept } = get();
    if (!store) return { error: saveLibrary(store, []) ?? '' };
    const fresh = readNow(store);
    const u = fresh.unreadable;
    if (u && !u.backupKey) {
      if (!unkept) set({ unkept: u });
      return { error: UNKEPT };
    }
    if (unkept) {
      set({ unkept: null });
      if (u?.backupKey)
        useNoticeStore
          .getState()
          .push(
            'info',
            'Saved scenarios',
            `The data that could not be read is now kept under "${u.backupKey}".`,
          );
    } else if (u) {
      // Written unreadable by another tab (a newer version, say) since this one read it: said once.
      fresh.problems.forEach((p) => useNoticeStore.getState().push('error', 'Saved scenarios', p));
    }
    const items = change(fresh.items);
    const err = saveLibrary(store, items);
    known = err ? undefined : storedText(store);
    return err ? { error: err } : { items };
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
      known = store ? storedText(store) : undefined;
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

    reload() {
      const { store, items: before } = get();
      if (!store) return null;
      const res = readNow(store);
      if (res.unreadable && !res.items.length) return null;
      set({ items: res.items });
      return before;
    },

    save(scenario, id) {
      const known = id === undefined ? undefined : get().items.find((i) => i.id === id);
      let target = id ?? newId();
      let moved: 'changed' | 'deleted' | null = null;
      const res = write((fresh) => {
        const stored = fresh.find((i) => i.id === target);
        if (id !== undefined && stored && !sameItem(stored, known)) moved = 'changed';
        else if (id !== undefined && known && !stored) moved = 'deleted';
        if (moved) target = newId();
        const item: SavedScenario = { id: target, savedAt: new Date().toISOString(), scenario };
        return fresh.some((i) => i.id === item.id)
          ? fresh.map((i) => (i.id === item.id ? item : i))
          : [...fresh, item];
      });
      if ('error' in res) {
        failed('Not saved', res.error, scenario);
        return null;
      }
      set({ items: res.items });
      if (moved) keptApart(scenario.title, moved);
      return target;
    },

    remove(id) {
      const res = write((fresh) => fresh.filter((i) => i.id !== id));
      if ('error' in res) failed('Not removed', res.error);
      else set({ items: res.items });
    },

    setShared: (shared) => set({ shared }),
  };
});
