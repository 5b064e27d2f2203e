// A full localStorage loses nothing: library data this version cannot read is never written over until a
// copy of it is kept, reloads do not pile up copies, and what cannot be kept is offered as a file.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const LIBRARY_KEY = 'fpsimd-viz/library';
const BACKUP_PREFIX = `${LIBRARY_KEY}.unreadable-`;

interface Stored {
  library: string | null;
  backups: string[];
  /** Backup values equal to the library as it was written. */
  identical: number;
}

/** Writes the storage as a test sets it up (in the page, so large strings do not cross the wire). */
async function seed(page: Page, entries: Record<string, [string, number, string]>): Promise<void> {
  await page.evaluate((e) => {
    localStorage.clear();
    for (const [k, [head, n, tail]] of Object.entries(e))
      localStorage.setItem(k, head + 'q'.repeat(n) + tail);
  }, entries);
}

async function stored(page: Page, [head, n, tail]: [string, number, string]): Promise<Stored> {
  return page.evaluate(
    ([key, prefix, head, n, tail]) => {
      const expected = head + 'q'.repeat(n) + tail;
      const backups = Object.keys(localStorage).filter((k) => k.startsWith(prefix));
      return {
        library: localStorage.getItem(key) === expected ? 'unchanged' : localStorage.getItem(key),
        backups,
        identical: backups.filter((k) => localStorage.getItem(k) === expected).length,
      };
    },
    [LIBRARY_KEY, BACKUP_PREFIX, head, n, tail] as const,
  );
}

test('a 2.7M-character library from a newer version survives a full storage and can be downloaded', async ({
  page,
}) => {
  const lib: [string, number, string] = [
    '{"format":"fpsimd-library/2","items":[{"id":"n","data":"',
    2_700_000,
    '"}]}',
  ];
  await page.goto('/');
  await seed(page, { [LIBRARY_KEY]: lib });
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'format this version does not know' });
  await expect(alert).toContainText('No copy of it could be kept (the browser storage is full)');

  // Saving must not write over it; the refusal says why.
  await page.getByRole('button', { name: 'Save to My scenarios' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'nothing is written over it' })).toBeVisible();
  expect(await stored(page, lib)).toEqual({ library: 'unchanged', backups: [], identical: 0 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Download the unreadable saved data' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.length).toBe(lib[0].length + lib[1] + lib[2].length);
  expect(text).toBe(lib[0] + 'q'.repeat(lib[1]) + lib[2]);

  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'No copy of it could be kept' })).toBeVisible();
  expect(await stored(page, lib)).toEqual({ library: 'unchanged', backups: [], identical: 0 });
});

test('a 1 MB corrupt library beside a large key is kept, and copied once when space allows', async ({
  page,
}) => {
  const lib: [string, number, string] = ['{"format":"fpsimd-library/1","items":[{"id":"', 1_000_000, ''];
  const other: [string, number, string] = ['', 3_800_000, ''];
  await page.goto('/');
  await seed(page, { [LIBRARY_KEY]: lib, other });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toContainText(
    'No copy of it could be kept',
  );
  await page.getByRole('button', { name: 'Save to My scenarios' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'nothing is written over it' })).toBeVisible();
  expect(await stored(page, lib)).toEqual({ library: 'unchanged', backups: [], identical: 0 });

  // Space is freed elsewhere: the next load keeps one copy, and further loads no more.
  await page.evaluate(() => localStorage.removeItem('other'));
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toContainText(
      'The original data was kept under the storage key',
    );
  }
  const kept = await stored(page, lib);
  expect(kept.backups).toHaveLength(1);
  expect(kept.identical).toBe(1);

  // Now saving may replace the library: the copy holds the old data.
  await page.getByRole('button', { name: 'Save to My scenarios' }).click();
  await expect(page.getByRole('button', { name: 'Save to My scenarios' })).toBeHidden();
  const after = await stored(page, lib);
  expect(after.library).toMatch(/^\{"format":"fpsimd-library\/1","items":\[\{"id":"u/);
  expect(after.identical).toBe(1);
});
