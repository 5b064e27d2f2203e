import { describe, expect, it } from 'vitest';
import { LIBRARY_KEY, loadLibrary, saveLibrary } from '../../src/state/storage';
import { guestScenario, memoryStorage } from './fixtures';

describe('library storage', () => {
  it('saves and reads back scenarios', () => {
    const store = memoryStorage();
    expect(saveLibrary(store, [{ id: 'a', savedAt: 'now', scenario: guestScenario() }])).toBeNull();
    const res = loadLibrary(store);
    expect(res.problems).toEqual([]);
    expect(res.items[0].scenario).toEqual(guestScenario());
  });

  it('reports unreadable JSON and keeps the data under a backup key', () => {
    const store = memoryStorage({ [LIBRARY_KEY]: '{"format": "fpsimd-libr' });
    const res = loadLibrary(store);
    expect(res.items).toEqual([]);
    expect(res.problems[0]).toMatch(/not valid JSON/);
    const backups = [...store.data.keys()].filter((k) => k.startsWith(`${LIBRARY_KEY}.unreadable-`));
    expect(backups).toHaveLength(1);
    expect(store.data.get(backups[0])).toBe('{"format": "fpsimd-libr');
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
