// The bug gallery in the browser: reached from the header, an entry opened at its violating step (the
// violation banner shows), an entry's link reopening that entry, and no serious axe finding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  createMachine,
  ERAS,
  GALLERY_DEPTH,
  replay,
  VARIANTS,
  type HistoricFix,
  type Scenario,
  type Variant,
} from '../src/engine';
import { axeFindings, collectErrors } from './helpers';

const scenarioFile = (id: string): string => path.join(import.meta.dirname, `../src/scenarios/${id}.json`);

/**
 * The example of a fix under variant id, as the gallery picks it (src/state/viewmodels/galleryModel.ts):
 * history-COMMIT-* whose variant is this one, else history-COMMIT.
 */
function exampleOf(fix: HistoricFix, id: string): Scenario | null {
  const dir = path.join(import.meta.dirname, '../src/scenarios');
  const read = (f: string): Scenario => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  const own = readdirSync(dir).find(
    (f) => f.startsWith(`history-${fix.commit}-`) && f.endsWith('.json') && read(f).variant === id,
  );
  if (own) return read(own);
  return existsSync(scenarioFile(`history-${fix.commit}`)) ? read(`history-${fix.commit}.json`) : null;
}

/**
 * Each gallery entry (historic variants, then each era's own bugs, era by era) with its example and the
 * step (cursor) of its first violation, by the engine; null where no example reaches it.
 */
const entries = ERAS.flatMap((era) => {
  const own = VARIANTS.find((v) => v.id === era.id) as Variant;
  return [
    ...VARIANTS.filter((v) => v.era === era && v.historic).map((v) => ({ id: v.id, v, fix: v.historic! })),
    ...(era.releaseBugs ?? []).map((fix) => ({ id: `${era.id}@${fix.commit}`, v: own, fix })),
  ];
}).map(({ id, v, fix }) => {
  const example = exampleOf(fix, v.id);
  const first = example ? replay(createMachine(example, v), example.events).violations[0] : undefined;
  return { id, fix, example, first, violatingCursor: first ? first.step + 1 : null };
});

test('the gallery lists every historic variant and opens one at its violating step', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Bug gallery' }).click();
  const nav = page.getByRole('navigation', { name: 'Gallery entries' });
  await expect(nav.getByRole('link')).toHaveCount(entries.length);
  expect(await axeFindings(page)).toEqual([]);

  const e = entries.find((x) => x.id === 'v6.15/pre-e92bee9f861b') ?? entries[0];
  if (!e.example || e.violatingCursor === null) throw new Error(`${e.id}: no example`);
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

test('the SVE entries, tagged, open at their violating step with the lost or stale H, or the warning, drawn', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Bug gallery' }).click();
  const nav = page.getByRole('navigation', { name: 'Gallery entries' });
  await expect(nav.locator('.gallery-tag')).toHaveCount(entries.filter((e) => e.fix.sve).length);
  // The FPSIMD analogue keeps its id and opens as before, labelled an analogue, beside the real bug.
  await nav.getByRole('link', { name: 'v6.15/pre-751ecf6afd65' }).click();
  const analogue = page.locator('article[data-entry="v6.15/pre-751ecf6afd65"]');
  await expect(analogue.locator('.gallery-analogue')).toContainText('Analogue.');
  const real = entries.find((e) => e.id === 'v6.13/pre-751ecf6afd65');
  if (real) await expect(analogue.getByRole('button', { name: real.id })).toBeVisible();
  for (const e of entries.filter((x) => x.fix.sve && x.example && x.first)) {
    await page.getByRole('button', { name: 'Bug gallery' }).click();
    await nav.getByRole('link', { name: e.id, exact: true }).click();
    const article = page.locator(`article[data-entry="${e.id}"]`);
    await expect(article.locator('.gallery-kind')).toContainText('An SVE bug');
    await article
      .getByRole('button', { name: `Open the example at the violating step (step ${e.violatingCursor})` })
      .click();
    await expect(page.locator('.step-count')).toContainText(
      `Step ${e.violatingCursor} of ${e.example!.events.length}`,
    );
    // One violation, or several at the same step (the banner counts them).
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: new RegExp(`(Violation|\\d+ violations) at step ${e.violatingCursor}(?!\\d)`) }),
    ).toBeVisible();
    const main = page.locator('svg[data-export="main"]');
    await expect(main.locator('[data-violation="true"]').first()).toBeVisible();
    if (/upper bits|above the low 128 bits/.test(e.first!.message))
      // The upper bits gone on the card, or marked on the H band or sve_state in the before picture.
      await expect(
        page.locator('[data-band="gone"], .fv-regs-h[data-mark], [data-field="sveState"][data-mark]').first(),
      ).toBeVisible();
    else await expect(main.locator('.fv-regs-h').first()).toBeVisible();
  }
  expect(errors).toEqual([]);
});
