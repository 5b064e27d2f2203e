// Two tabs of one browser share the library: each save re-reads it and merges by id, so both tabs' saves
// survive in every order, and a tab sees the other's saves without a reload.
import { expect, test, type Page } from '@playwright/test';
import { defaultExample, linkFor } from './helpers';

const LIBRARY_KEY = 'fpsimd-viz/library';

const titles = (page: Page): Promise<string[]> =>
  page.evaluate((key) => {
    const lib = JSON.parse(localStorage.getItem(key) ?? '{"items":[]}') as {
      items: { scenario: { title: string } }[];
    };
    return lib.items.map((i) => i.scenario.title).sort();
  }, LIBRARY_KEY);

/** Opens a scenario titled `title` from a link and saves it to My scenarios. */
async function saveTitled(page: Page, title: string): Promise<void> {
  await page.goto(linkFor({ ...defaultExample(), title }));
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Save to My scenarios' }).click();
  await expect(page.getByText('My scenario, saved in this browser')).toBeVisible();
}

for (const order of [
  ['A', 'B'],
  ['B', 'A'],
] as const) {
  test(`both tabs' saves survive: tab A saves, tab B opens, then ${order.join(' then ')} save`, async ({
    context,
  }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await saveTitled(a, 'A first');
    await b.goto('/');
    const tab = { A: a, B: b };
    await saveTitled(tab[order[0]], `${order[0]} second`);
    await saveTitled(tab[order[1]], `${order[1]} second`);
    const all = ['A first', 'A second', 'B second'];
    expect(await titles(a)).toEqual(all);
    // Each tab's list shows the other's saves (the storage event), with no reload.
    for (const page of [a, b]) {
      await page.getByRole('button', { name: /^Scenarios/ }).click();
      const list = page.getByRole('list', { name: 'My scenarios' });
      for (const t of all) await expect(list.getByRole('button', { name: t, exact: true })).toBeVisible();
    }
  });
}

test('a tab whose open scenario another tab changed shows that version and says so', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await saveTitled(a, 'Shared one');
  const id = await a.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key)!) as { items: { id: string }[] }).items[0].id,
    LIBRARY_KEY,
  );
  await b.goto('/');
  await b.getByRole('button', { name: /^Scenarios/ }).click();
  await b
    .getByRole('list', { name: 'My scenarios' })
    .getByRole('button', { name: 'Shared one', exact: true })
    .click();
  await expect(b.getByRole('heading', { name: 'Shared one' })).toBeVisible();
  // Tab A changes it (as its autosave would write it).
  await a.evaluate(
    ([key, id]) => {
      const lib = JSON.parse(localStorage.getItem(key)!) as {
        items: { id: string; savedAt: string; scenario: { title: string } }[];
      };
      const it = lib.items.find((i) => i.id === id)!;
      it.scenario.title = 'Renamed in A';
      it.savedAt = new Date().toISOString();
      localStorage.setItem(key, JSON.stringify(lib));
    },
    [LIBRARY_KEY, id] as const,
  );
  await expect(b.getByRole('heading', { name: 'Renamed in A' })).toBeVisible();
  await expect(b.getByText('was changed in another tab')).toBeVisible();
});
