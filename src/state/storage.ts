// The user's own scenarios in localStorage. What is read back is validated; anything unreadable is
// reported and kept aside under a backup key, never silently dropped or overwritten.
import { formatErrors, validateScenario, type Scenario } from '../engine';

export const LIBRARY_KEY = 'fpsimd-viz/library';
export const LIBRARY_FORMAT = 'fpsimd-library/1';

export interface SavedScenario {
  id: string;
  savedAt: string;
  scenario: Scenario;
}

export interface LoadResult {
  items: SavedScenario[];
  /** Problems found, in words; empty when everything was read. */
  problems: string[];
}

/** The storage the app uses; tests pass their own. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function backup(store: KeyValueStore, raw: string): string {
  const key = `${LIBRARY_KEY}.unreadable-${Date.now()}`;
  try {
    store.setItem(key, raw);
    return ` The original data was kept under the storage key "${key}".`;
  } catch {
    return '';
  }
}

export function loadLibrary(store: KeyValueStore | null): LoadResult {
  if (!store)
    return {
      items: [],
      problems: ['This browser gives the page no storage: your scenarios cannot be kept.'],
    };
  let raw: string | null;
  try {
    raw = store.getItem(LIBRARY_KEY);
  } catch {
    return {
      items: [],
      problems: ['The browser refused access to storage: your saved scenarios cannot be read.'],
    };
  }
  if (raw === null) return { items: [], problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {
      items: [],
      problems: [
        `Your saved scenarios could not be read (the stored data is not valid JSON).${backup(store, raw)}`,
      ],
    };
  }
  const v = value as { format?: unknown; items?: unknown };
  if (typeof v !== 'object' || v === null || v.format !== LIBRARY_FORMAT || !Array.isArray(v.items))
    return {
      items: [],
      problems: [`Your saved scenarios are in a format this version does not know.${backup(store, raw)}`],
    };
  const items: SavedScenario[] = [];
  const problems: string[] = [];
  v.items.forEach((it: unknown, i: number) => {
    const item = it as Partial<SavedScenario> | null;
    const res = validateScenario(item?.scenario);
    if (!item || typeof item.id !== 'string' || !res.ok) {
      const why = res.ok ? 'its id is missing' : formatErrors(res.errors);
      problems.push(`Saved scenario ${i + 1} could not be read: ${why}`);
      return;
    }
    items.push({ id: item.id, savedAt: String(item.savedAt ?? ''), scenario: res.scenario });
  });
  if (problems.length) problems[problems.length - 1] += backup(store, raw);
  return { items, problems };
}

/** Writes the library; returns an error message, or null. */
export function saveLibrary(store: KeyValueStore | null, items: readonly SavedScenario[]): string | null {
  if (!store) return 'This browser gives the page no storage: the scenario was not saved.';
  try {
    store.setItem(LIBRARY_KEY, JSON.stringify({ format: LIBRARY_FORMAT, items }));
    return null;
  } catch (e) {
    const quota = e instanceof DOMException && /quota/i.test(e.name + e.message);
    return quota
      ? 'The browser storage is full: the scenario was not saved. Export it to a file instead.'
      : 'The browser refused to store the scenario; export it to a file instead.';
  }
}

export function browserStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
