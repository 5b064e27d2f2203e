// The library never writes over stored data it could not read until a copy of it is confirmed kept.
import { beforeEach, describe, expect, it } from 'vitest';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { BACKUP_PREFIX, LIBRARY_KEY } from '../../../src/state/persist/storage';
import { guestScenario, quotaStorage, resetStores, twoCpuScenario } from '../fixtures';

const lib = () => useLibraryStore.getState();
const notices = () => useNoticeStore.getState().notices;

/** A library written by a later version: this one cannot read it. */
const newer = (size: number): string =>
  JSON.stringify({ format: 'fpsimd-library/2', items: [{ id: 'n', blob: 'q'.repeat(size) }] });

describe('library store on a full storage', () => {
  beforeEach(() => resetStores());

  it('does not save over a newer library of which no copy could be kept', () => {
    const raw = newer(3000);
    const store = quotaStorage(raw.length + 1000, { [LIBRARY_KEY]: raw });
    lib().load(store);
    const loadNotice = notices()[0];
    expect(loadNotice.detail).toMatch(/No copy of it could be kept \(the browser storage is full\)/);
    expect(loadNotice.downloads?.[0].text).toBe(raw);

    expect(lib().save(guestScenario())).toBeNull();
    lib().remove('n');
    expect(store.data.get(LIBRARY_KEY)).toBe(raw);
    const failed = notices().find((n) => n.title === 'Not saved')!;
    expect(failed.detail).toMatch(/nothing is written over it/);
    expect(failed.downloads?.map((d) => d.text)).toEqual([raw, expect.stringContaining('Guest first FP')]);
  });

  it('does not save over a corrupt library that sits beside another large key', () => {
    const raw = `{"format":"fpsimd-library/1","items":[${'9'.repeat(2000)}`;
    const store = quotaStorage(raw.length + 2500, { [LIBRARY_KEY]: raw, other: 'o'.repeat(2000) });
    lib().load(store);
    for (let i = 0; i < 3; i++) lib().save(twoCpuScenario());
    expect(store.data.get(LIBRARY_KEY)).toBe(raw);
    expect(store.data.get('other')).toBe('o'.repeat(2000));
    // Repeated failures are said once.
    expect(notices().filter((n) => n.title === 'Not saved')).toHaveLength(1);
  });

  it('saves once a copy could be kept after all, and the copy is the data', () => {
    const raw = newer(1000);
    const store = quotaStorage(raw.length * 2 + 200, { [LIBRARY_KEY]: raw, other: 'o'.repeat(500) });
    lib().load(store);
    expect(lib().unkept).not.toBeNull();
    store.removeItem('other');
    const id = lib().save(guestScenario());
    expect(id).not.toBeNull();
    const copies = [...store.data.keys()].filter((k) => k.startsWith(BACKUP_PREFIX));
    expect(copies.map((k) => store.data.get(k))).toEqual([raw]);
    expect(JSON.parse(store.data.get(LIBRARY_KEY)!).items[0].id).toBe(id);
    expect(notices().some((n) => n.detail?.includes(copies[0]))).toBe(true);
  });

  it('saves as before when the unreadable data was copied at load', () => {
    const store = quotaStorage(100_000, { [LIBRARY_KEY]: 'not json' });
    lib().load(store);
    expect(lib().unkept).toBeNull();
    expect(lib().save(guestScenario())).not.toBeNull();
    expect(notices()[0].downloads).toBeUndefined();
  });
});
