// The user's own scenarios in localStorage. What is read back is validated; anything unreadable is
// reported and copied aside under a backup key (confirmed by reading it back) before anything may be
// written over it. When no copy can be kept (storage full), the data stays where it is, untouched.
import { formatErrors, validateScenario, type Scenario } from '../../engine';

export const LIBRARY_KEY = 'fpsimd-viz/library';
export const LIBRARY_FORMAT = 'fpsimd-library/1';
/** Copies of library data this version could not read: one key per distinct content. */
export const BACKUP_PREFIX = `${LIBRARY_KEY}.unreadable-`;

export interface SavedScenario {
  id: string;
  savedAt: string;
  scenario: Scenario;
}

/** Stored library data that could not be read, and where a confirmed copy of it is (if any). */
export interface Unreadable {
  /** The data as stored; null when storage could not even be read. */
  raw: string | null;
  /** The key of a copy read back equal to `raw`; null while no copy could be kept. */
  backupKey: string | null;
}

export interface LoadResult {
  items: SavedScenario[];
  /** Problems found, in words; empty when everything was read. */
  problems: string[];
  /** Set when part of the stored library could not be read. */
  unreadable: Unreadable | null;
}

/** The storage the app uses; tests pass their own. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function read(store: KeyValueStore, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

function backupKeys(store: KeyValueStore): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k !== null && k.startsWith(BACKUP_PREFIX)) keys.push(k);
    }
  } catch {
    // Keys cannot be listed: a new copy is written instead.
  }
  return keys;
}

/**
 * Makes sure a copy of raw is stored under a backup key, reusing an identical one if there is one
 * (a reload of the same unreadable data must not fill the storage with copies). Returns the key once
 * the copy has been read back equal; null if none could be kept (a partial copy is removed).
 */
export function keepCopy(store: KeyValueStore, raw: string): string | null {
  const same = backupKeys(store).find((k) => read(store, k) === raw);
  if (same) return same;
  let key = `${BACKUP_PREFIX}${Date.now()}`;
  for (let n = 2; read(store, key) !== null; n++) key = `${BACKUP_PREFIX}${Date.now()}-${n}`;
  try {
    store.setItem(key, raw);
    if (read(store, key) === raw) return key;
  } catch {
    // Full or refused: fall through, remove whatever part was written.
  }
  try {
    store.removeItem(key);
  } catch {
    // Nothing more can be done; the original is still untouched.
  }
  return null;
}

/** The end of a problem message: where the unreadable data is now, in words. */
export function whereKept(u: Unreadable): string {
  if (u.backupKey) return ` The original data was kept under the storage key "${u.backupKey}".`;
  if (u.raw === null) return ' Nothing will be written over them.';
  return (
    ' No copy of it could be kept (the browser storage is full), so it is left untouched and nothing' +
    ' will be saved over it: download it to keep it.'
  );
}

function unreadable(store: KeyValueStore, raw: string): Unreadable {
  return { raw, backupKey: keepCopy(store, raw) };
}

/** A stored item as a saved scenario, or why it is not one, in words. */
function readItem(it: unknown): SavedScenario | string {
  if (typeof it !== 'object' || it === null || Array.isArray(it))
    return `it is ${it === null ? 'null' : Array.isArray(it) ? 'a list' : `a ${typeof it}`}, not a saved scenario`;
  const item = it as Partial<SavedScenario>;
  if (typeof item.id !== 'string') return 'its id is missing';
  if (item.scenario === undefined) return 'it holds no scenario';
  const res = validateScenario(item.scenario);
  if (!res.ok) return formatErrors(res.errors);
  return { id: item.id, savedAt: String(item.savedAt ?? ''), scenario: res.scenario };
}

export function loadLibrary(store: KeyValueStore | null): LoadResult {
  if (!store)
    return {
      items: [],
      problems: ['This browser gives the page no storage: your scenarios cannot be kept.'],
      unreadable: null,
    };
  let raw: string | null;
  try {
    raw = store.getItem(LIBRARY_KEY);
  } catch {
    const u: Unreadable = { raw: null, backupKey: null };
    return {
      items: [],
      problems: [
        `The browser refused access to storage: your saved scenarios cannot be read.${whereKept(u)}`,
      ],
      unreadable: u,
    };
  }
  if (raw === null) return { items: [], problems: [], unreadable: null };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    const u = unreadable(store, raw);
    return {
      items: [],
      problems: [
        `Your saved scenarios could not be read (the stored data is not valid JSON).${whereKept(u)}`,
      ],
      unreadable: u,
    };
  }
  const v = value as { format?: unknown; items?: unknown };
  if (typeof v !== 'object' || v === null || v.format !== LIBRARY_FORMAT || !Array.isArray(v.items)) {
    const u = unreadable(store, raw);
    return {
      items: [],
      problems: [`Your saved scenarios are in a format this version does not know.${whereKept(u)}`],
      unreadable: u,
    };
  }
  const items: SavedScenario[] = [];
  const problems: string[] = [];
  v.items.forEach((it: unknown, i: number) => {
    const item = readItem(it);
    if (typeof item === 'string') problems.push(`Saved scenario ${i + 1} could not be read: ${item}`);
    else items.push(item);
  });
  if (!problems.length) return { items, problems, unreadable: null };
  const u = unreadable(store, raw);
  problems[problems.length - 1] += whereKept(u);
  return { items, problems, unreadable: u };
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
