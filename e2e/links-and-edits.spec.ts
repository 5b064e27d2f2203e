// Nothing is lost and every screen is a link: unsaved edits are asked about on every path and the last
// discarded ones come back; undoing every edit clears "edited"; reviewer mode, the explorer's search and
// a compare embed survive a copied link; Back/Forward move between views; ← → step from anywhere but
// text fields, selects and sliders; "?" lists the keys. Axe-clean with the dialogs open.
import { expect, test, type Page } from '@playwright/test';
import { axeFindings, collectErrors, defaultExample, linkFor } from './helpers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../src/engine';

const stepCount = (page: Page) => page.locator('.step-count');

async function copiedLink(page: Page, embed = false): Promise<string> {
  await page.getByRole('button', { name: embed ? 'Copy embed link' : 'Copy link' }).click();
  return page.getByRole('textbox', { name: 'Link to this screen' }).inputValue();
}

test('unsaved edits: Cancel keeps them, Discard can be restored, undo back to the original clears “edited”', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const sc = defaultExample();
  const other: { scenario: Scenario } = {
    scenario: JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../src/scenarios/exit-storm.json'), 'utf8'),
    ),
  };
  await page.goto('/');
  await page.getByRole('button', { name: 'kernel_neon', exact: true }).click();
  await expect(page.getByText('Example, edited (not saved)')).toBeVisible();
  // Undoing the only edit returns to the example as it was: no longer "edited".
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.origin')).toHaveText('Example');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByText('Example, edited (not saved)')).toBeVisible();

  // The library asks.
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  await page.getByRole('button', { name: other.scenario.title, exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Unsaved edits' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeFocused();
  expect(await axeFindings(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
  await expect(stepCount(page)).toContainText(`of ${sc.events.length + 1}`);

  // A tour asks the same question.
  await page.getByRole('button', { name: 'Guided tours' }).click();
  await page
    .getByRole('button', { name: /^Start: / })
    .first()
    .click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Step through', exact: true }).click();

  // Discard, then restore.
  await page.getByRole('button', { name: other.scenario.title, exact: true }).click();
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { level: 2, name: other.scenario.title })).toBeVisible();
  await page.getByRole('button', { name: `Restore discarded edits of ${sc.title}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
  await expect(page.getByText('Example, edited (not saved)')).toBeVisible();
  await expect(stepCount(page)).toContainText(`of ${sc.events.length + 1}`);

  // Save keeps them in My scenarios (opening a scenario closed the list: opened again).
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  await page.getByRole('button', { name: other.scenario.title, exact: true }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: other.scenario.title })).toBeVisible();
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  await expect(page.getByRole('list', { name: 'My scenarios' })).toContainText(sc.title);
  expect(errors).toEqual([]);
});

test('a link copied with the code pane open reopens with it; Back and Forward move between views', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(linkFor(defaultExample(), { step: 1 }));
  await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
  await expect(page.locator('.code-block').first()).toBeVisible();
  // Each function links to the kernel's source at the era's release.
  await expect(page.locator('.code-block').first().locator('a.kernel-link').first()).toHaveAttribute(
    'href',
    /^https:\/\/elixir\.bootlin\.com\/linux\/v4\.18\/source\/[\w/]+\.[ch]$/,
  );
  const link = await copiedLink(page);
  expect(link).toContain('code=1');
  const fresh = await page.context().newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('button', { name: 'Hide kernel code' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(fresh.locator('.code-block').first()).toBeVisible();
  await expect(fresh.locator('.step-count')).toContainText('Step 1 of');

  // Views are history entries; steps are not.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.locator('.cmp-table')).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Explore every event sequence' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('.cmp-table')).toBeVisible();
  await expect(stepCount(page)).toContainText('Step 2 of');
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Step through', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('button', { name: 'Hide kernel code' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(errors).toEqual([]);
});

test('the explorer’s search and a compare embed are links', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(linkFor(defaultExample(), { view: 'explore' }));
  await page.getByRole('spinbutton', { name: 'Depth' }).fill('5');
  await page.getByRole('spinbutton', { name: 'Depth' }).press('Enter');
  const finished = (p: Page) => p.getByRole('status').filter({ hasText: 'Search finished.' });
  await expect(finished(page)).toBeVisible();
  const link = await copiedLink(page);
  expect(link).toMatch(/xd=5.*xr=1|xr=1.*xd=5/);
  const fresh = await page.context().newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('spinbutton', { name: 'Depth' })).toHaveValue('5');
  await expect(finished(fresh)).toBeVisible();
  await expect(fresh.getByText('Recomputed in this browser when the link was opened')).toBeVisible();

  // `mainline` in a link of today's format is the alias of the newest era: the screen names v6.16.
  await page.goto(linkFor(defaultExample(), { view: 'compare', compare: ['v4.17', 'v4.18', 'mainline'] }));
  await expect(page.locator('.cmp-table')).toBeVisible();
  const embed = await copiedLink(page, true);
  const slide = await page.context().newPage();
  await slide.goto(embed);
  await expect(slide.locator('.embed-compare .cmp-column')).toHaveCount(3);
  await expect(slide.locator('.embed-compare')).toHaveAttribute('data-compared', 'v4.17,v4.18,v6.16');
  expect(errors).toEqual([]);
});

test('← → step after clicking a button or the diagram, not in selects or sliders; “?” lists the keys', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepCount(page)).toContainText('Step 1 of');
  await page.keyboard.press('ArrowRight');
  await expect(stepCount(page)).toContainText('Step 2 of');
  await page.locator('svg[data-export="main"]').click();
  await page.keyboard.press('ArrowRight');
  await expect(stepCount(page)).toContainText('Step 3 of');
  await page.keyboard.press('ArrowLeft');
  await expect(stepCount(page)).toContainText('Step 2 of');
  // A select keeps its arrows.
  const variant = page.getByRole('combobox', { name: 'Kernel variant' });
  await variant.focus();
  await page.keyboard.press('ArrowRight');
  await expect(stepCount(page)).toContainText('Step 2 of');
  // The slider moves by one itself (not two).
  await page.getByRole('slider', { name: 'Step' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(stepCount(page)).toContainText('Step 3 of');

  await page.locator('svg[data-export="main"]').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
