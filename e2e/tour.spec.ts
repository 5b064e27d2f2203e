// Guided tours: each tour can be played to its end with the keyboard, every step showing its note;
// a tour step's link opens the same step of the same tour.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Scenario } from '../src/engine';
import { TOURS } from '../src/scenarios/tours';
import { axeFindings, collectErrors, screenshot, tourStartButton } from './helpers';

const scenarioOf = (id: string): Scenario =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, `../src/scenarios/${id}.json`), 'utf8'));

for (const tour of TOURS) {
  test(`the tour “${tour.title}” plays to its end with the keyboard`, async ({ page }) => {
    const errors = collectErrors(page);
    const sc = scenarioOf(tour.scenarioId);
    const n = sc.events.length;
    await page.goto('/');
    await page.getByRole('button', { name: 'Guided tours' }).click();
    await page.getByRole('button', { name: tourStartButton(tour.title) }).click();
    const count = page.locator('.tour-count');
    const note = page.locator('.tour-note');
    await expect(count).toHaveText(`Step 0 of ${n}`);
    await expect(page.locator('.tour-kicker')).toHaveText(`Guided tour: ${tour.title}`);
    if (sc.description) await expect(note).toHaveText(sc.description);
    for (let k = 1; k <= n; k++) {
      await page.keyboard.press('ArrowRight');
      await expect(count).toHaveText(`Step ${k} of ${n}`);
      await expect(
        page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${k}: CPU`) }),
      ).toBeVisible();
      await expect(note).toHaveText(sc.events[k - 1].note!);
      await expect(page.locator('svg[data-export="main"]')).toHaveAttribute('data-step', String(k));
    }
    await expect(page.getByText('End of the tour.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next →' })).toBeDisabled();
    await page.keyboard.press('ArrowRight');
    await expect(count).toHaveText(`Step ${n} of ${n}`);
    await page.keyboard.press('ArrowLeft');
    await expect(count).toHaveText(`Step ${n - 1} of ${n}`);
    await page.keyboard.press('Escape');
    await expect(page.locator('.step-count')).toContainText(`Step ${n - 1} of ${n}`);
    expect(errors).toEqual([]);
  });
}

test('a tour step highlights what it changed, and its link opens the same step', async ({
  page,
  browser,
}, info) => {
  const tour = TOURS[0];
  const sc = scenarioOf(tour.scenarioId);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided tours' }).click();
  await page.getByRole('button', { name: tourStartButton(tour.title) }).click();
  for (let k = 0; k < 5; k++) await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.locator('.tour-count')).toHaveText(`Step 5 of ${sc.events.length}`);
  // The guest's first FP access: the trap bit and the registers change, and the diagram marks them.
  await expect(page.locator('.tour-changes')).toContainText('cpu0.CPTR_EL2.TFP');
  await expect(page.locator('.fv-row-changed, .fv-tile-changed, .fv-changed').first()).toBeVisible();
  await screenshot(page, info, 'tour-step');
  expect(await axeFindings(page)).toEqual([]);

  await expect.poll(() => page.url()).toMatch(/[#&]step=5&.*view=tour/);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = collectErrors(other);
  await other.goto(page.url());
  await expect(other.locator('.tour-count')).toHaveText(`Step 5 of ${sc.events.length}`);
  await expect(other.locator('.tour-note')).toHaveText(sc.events[4].note!);
  await expect(other.locator('.tour-kicker')).toHaveText(`Guided tour: ${tour.title}`);
  // And it is an ordinary scenario: a copy can be edited in the step view.
  await other.getByRole('button', { name: 'Edit a copy' }).click();
  await expect(other.locator('.scenario-title')).toHaveText(`${sc.title} (my copy)`);
  await expect(other.locator('.origin')).toHaveText('My scenario, saved in this browser');
  await expect(other.locator('.step-count')).toContainText('Step 5 of');
  expect(errors).toEqual([]);
  await fresh.close();
});
