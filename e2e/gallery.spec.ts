// The bug gallery in the browser: reached from the header, an entry opened at its violating step (the
// violation banner shows), an entry's link reopening that entry, and no serious axe finding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createMachine, GALLERY_DEPTH, galleryVariants, replay, type Scenario } from '../src/engine';
import { axeFindings, collectErrors } from './helpers';

/** Each historic variant with its example and the step (cursor) of its first violation, by the engine. */
const entries = galleryVariants().map((v) => {
  const fix = v.historic!;
  const example: Scenario = JSON.parse(
    readFileSync(path.join(import.meta.dirname, `../src/scenarios/history-${fix.commit}.json`), 'utf8'),
  );
  const first = replay(createMachine(example, v), example.events).violations[0];
  return { id: v.id, fix, example, violatingCursor: first.step + 1 };
});

test('the gallery lists every historic variant and opens one at its violating step', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Bug gallery' }).click();
  const nav = page.getByRole('navigation', { name: 'Gallery entries' });
  await expect(nav.getByRole('link')).toHaveCount(entries.length);
  expect(await axeFindings(page)).toEqual([]);

  const e = entries.find((x) => x.id === 'v6.15/pre-e92bee9f861b') ?? entries[0];
  await nav.getByRole('link', { name: e.id }).click();
  const article = page.getByRole('article', { name: `${e.id}: ${e.fix.subject}` });
  await expect(article).toBeVisible();
  await expect(article.locator('.gallery-sides pre')).toHaveCount(2);
  await article
    .getByRole('button', { name: `Open the example at the violating step (step ${e.violatingCursor})` })
    .click();
  await expect(page.locator('.scenario-title')).toHaveText(e.example.title);
  const banner = page.getByRole('alert').filter({ hasText: `Violation at step ${e.violatingCursor}` });
  await expect(banner).toBeVisible();
  await expect(page.locator('.step-count')).toContainText(
    `Step ${e.violatingCursor} of ${e.example.events.length}`,
  );
  expect(errors).toEqual([]);
});

test('an entry’s link reopens the same entry', async ({ page }) => {
  const errors = collectErrors(page);
  const e = entries[entries.length - 1];
  await page.goto('/');
  await page.getByRole('button', { name: 'Bug gallery' }).click();
  const link = page.getByRole('navigation', { name: 'Gallery entries' }).getByRole('link', { name: e.id });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/entry=/);
  await page.goto('about:blank');
  await page.goto(`/${href}`);
  const article = page.getByRole('article', { name: `${e.id}: ${e.fix.subject}` });
  await expect(article).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Gallery entries' }).getByRole('link', { name: e.id }),
  ).toHaveAttribute('aria-current', 'true');
  if (e.fix.analogue) await expect(article.getByText('Analogue.')).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('“Find it with the explorer” searches the gallery machine in the explorer’s worker', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // v4.18/pre-b045e4d0f392 needs only the ops the explorer has always tried.
  const e = entries.find((x) => x.id === 'v4.18/pre-b045e4d0f392') ?? entries[0];
  await page.goto('/');
  await page.getByRole('button', { name: 'Bug gallery' }).click();
  await page.getByRole('navigation', { name: 'Gallery entries' }).getByRole('link', { name: e.id }).click();
  await page.getByRole('button', { name: 'Find it with the explorer' }).click();
  // The explorer's own form (the header has a variant selector too).
  const form = page.locator('form.explore-form');
  await expect(form.getByRole('combobox', { name: 'Variant' })).toHaveValue(e.id);
  await expect(form.getByRole('spinbutton', { name: 'Depth' })).toHaveValue(String(GALLERY_DEPTH));
  const open = page.getByRole('button', { name: /^Open at step \d+: / }).first();
  await expect(open).toBeVisible({ timeout: 60_000 });
  await open.click();
  await expect(page.getByRole('alert').filter({ hasText: /Violation at step \d+/ })).toBeVisible();
  expect(errors).toEqual([]);
});
