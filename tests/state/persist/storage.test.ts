import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_PREFIX,
  keepCopy,
  LIBRARY_KEY,
  loadLibrary,
  saveLibrary,
} from '../../../src/state/persist/storage';
import { guestScenario, memoryStorage, quotaStorage } from '../fixtures';

const backups = (store: { data: Map<string, string> }): string[] =>
  [...store.data.keys()].filter((k) => k.startsWith(BACKUP_PREFIX));

afterEach(() => vi.restoreAllMocks());

describe('library storage', () => {
  it('saves and reads back scenarios', () => {
    const store = memoryStorage();
    expect(saveLibrary(store, [{ id: 'a', savedAt: 'now', scenario: guestScenario() }])).toBeNull();
    const res = loadLibrary(store);
    expect(res.problems).toEqual([]);
    expect(res.unreadable).toBeNull();
    expect(res.items[0].scenario).toEqual(guestScenario());
  });

  it('reports unreadable JSON and keeps the data under a backup key', () => {
    const store = memoryStorage({ [LIBRARY_KEY]: '{"format": "fpsimd-libr' });
    const res = loadLibrary(store);
    expect(res.items).toEqual([]);
    expect(res.problems[0]).toMatch(/not valid JSON/);
    expect(backups(store)).toHaveLength(1);
    expect(store.data.get(backups(store)[0])).toBe('{"format": "fpsimd-libr');
    expect(res.unreadable).toEqual({ raw: '{"format": "fpsimd-libr', backupKey: backups(store)[0] });
    expect(res.problems[0]).toContain(backups(store)[0]);
  });

  it('keeps the readable items when one is invalid, naming the problem', () => {
    const bad = { ...guestScenario(), cpus: 99 };
    const store = memoryStorage({
      [LIBRARY_KEY]: JSON.stringify({
        format: 'fpsimd-library/1',
        items: [
          { id: 'good', savedAt: '', scenario: guestScenario() },
          { id: 'bad', savedAt: '', scenario: bad },
        ],
      }),
    });
    const res = loadLibrary(store);
    expect(res.items.map((i) => i.id)).toEqual(['good']);
    expect(res.problems[0]).toMatch(/Saved scenario 2.*cpus/s);
  });

  it('says what a stored item is when it is not a saved scenario at all', () => {
    const store = memoryStorage({
      [LIBRARY_KEY]: JSON.stringify({ format: 'fpsimd-library/1', items: [null, 5, [], { id: 'x' }] }),
    });
    const res = loadLibrary(store);
    expect(res.problems.map((p) => p.replace(/ The original data.*/s, ''))).toEqual([
      'Saved scenario 1 could not be read: it is null, not a saved scenario',
      'Saved scenario 2 could not be read: it is a number, not a saved scenario',
      'Saved scenario 3 could not be read: it is a list, not a saved scenario',
      'Saved scenario 4 could not be read: it holds no scenario',
    ]);
    for (const p of res.problems) expect(p).not.toMatch(/required/);
  });

  it('reports an unknown format and a missing storage', () => {
    expect(loadLibrary(memoryStorage({ [LIBRARY_KEY]: '[1,2]' })).problems[0]).toMatch(/format/);
    expect(loadLibrary(null).problems[0]).toMatch(/no storage/);
    expect(saveLibrary(null, [])).toMatch(/not saved/);
  });

  it('explains a full storage', () => {
    const store = memoryStorage();
    store.setItem = () => {
      throw new DOMException('exceeded', 'QuotaExceededError');
    };
    expect(saveLibrary(store, [])).toMatch(/full/);
  });
});

describe('copies of unreadable data', () => {
  it('keeps one copy per distinct content, however often the library is loaded', () => {
    let now = 1_700_000_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now++);
    const store = memoryStorage({ [LIBRARY_KEY]: 'x'.repeat(1000) });
    for (let i = 0; i < 5; i++) loadLibrary(store);
    expect(backups(store)).toHaveLength(1);
    // Other content gets its own copy, once.
    store.data.set(LIBRARY_KEY, '{"format":"fpsimd-library/9"}');
    for (let i = 0; i < 3; i++) loadLibrary(store);
    expect(backups(store)).toHaveLength(2);
  });

  it('reuses an identical copy written by an earlier version under its own key', () => {
    const raw = '{"broken":';
    const store = memoryStorage({ [LIBRARY_KEY]: raw, [`${BACKUP_PREFIX}1600000000000`]: raw });
    const res = loadLibrary(store);
    expect(res.unreadable?.backupKey).toBe(`${BACKUP_PREFIX}1600000000000`);
    expect(backups(store)).toHaveLength(1);
  });

  it('does not claim a copy that the storage did not keep (checked by reading it back)', () => {
    const store = memoryStorage({ [LIBRARY_KEY]: 'not json' });
    const setItem = store.setItem;
    store.setItem = (k, v) => setItem(k, k.startsWith(BACKUP_PREFIX) ? v.slice(0, 3) : v);
    const res = loadLibrary(store);
    expect(res.unreadable).toEqual({ raw: 'not json', backupKey: null });
    expect(res.problems[0]).toMatch(/No copy of it could be kept/);
    expect(backups(store)).toEqual([]);
    expect(store.data.get(LIBRARY_KEY)).toBe('not json');
  });

  it('says plainly when the storage is too full for a copy, and leaves the data where it is', () => {
    const raw = JSON.stringify({ format: 'fpsimd-library/2', items: ['y'.repeat(2000)] });
    const store = quotaStorage(raw.length + LIBRARY_KEY.length + 500, { [LIBRARY_KEY]: raw });
    const res = loadLibrary(store);
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]).toMatch(
      /format this version does not know.*No copy of it could be kept.*full.*download/s,
    );
    expect(res.unreadable).toEqual({ raw, backupKey: null });
    expect(backups(store)).toEqual([]);
    expect(store.data.get(LIBRARY_KEY)).toBe(raw);
  });

  it('writes a copy once space allows', () => {
    const raw = 'z'.repeat(40);
    const store = quotaStorage(150, { [LIBRARY_KEY]: raw, other: 'o'.repeat(60) });
    expect(keepCopy(store, raw)).toBeNull();
    expect(backups(store)).toEqual([]);
    store.removeItem('other');
    const key = keepCopy(store, raw);
    expect(key?.startsWith(BACKUP_PREFIX)).toBe(true);
    expect(store.data.get(key!)).toBe(raw);
  });
});
