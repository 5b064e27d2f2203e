// Back and Forward: opening a scenario from the Scenarios list, a gallery example or a tour is a history
// entry of its own, so Back returns to what was on screen (never out of the app), and Forward again.
import { expect, test } from '@playwright/test';
import { TOURS } from '../src/scenarios/tours';
import { collectErrors, defaultExample, tourStartButton } from './helpers';

const title = (page: import('@playwright/test').Page) => page.locator('.scenario-title');

test('Back after opening a scenario from the list returns to the one on screen before', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const first = defaultExample().title;
  await expect(title(page)).toHaveText(first);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: /^Scenarios/ }).click();
  await page.getByRole('button', { name: 'Guest exit storm', exact: true }).click();
  await expect(title(page)).toHaveText('Guest exit storm');
  await page.goBack();
  await expect(title(page)).toHaveText(first);
  await expect(page.locator('.step-count')).toHaveText(/^Step 1 of/);
  expect(new URL(page.url()).pathname).toBe('/');
  await page.goForward();
  await expect(title(page)).toHaveText('Guest exit storm');
  expect(errors).toEqual([]);
});

test('Back after starting a tour returns to the tour view with the scenario before', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided tours' }).click();
  const tour = TOURS.find((t) => t.scenarioId !== 'guest-first-fp') ?? TOURS[0];
  await page
    .getByRole('button', { name: tourStartButton(tour.title) })
    .first()
    .click();
  await expect(page.locator('.tour-kicker')).toContainText(tour.title);
  await page.goBack();
  // The default example is a tour's own scenario: the tour view showed that tour.
  await expect(page.locator('.tour-kicker')).not.toContainText(tour.title);
  await expect(page.getByRole('button', { name: 'Guided tours' })).toHaveAttribute('aria-pressed', 'true');
  await expect(title(page)).toHaveText(defaultExample().title);
});

test('Back after opening a gallery example returns to the gallery', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Bug gallery' }).click();
  await page
    .getByRole('button', { name: /^Open the example at the violating step/ })
    .first()
    .click();
  await expect(page.getByRole('button', { name: 'Step through', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const opened = await title(page).textContent();
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Bug gallery' })).toHaveAttribute('aria-pressed', 'true');
  // The gallery has its own header (not the scenario's title): what was on screen is back.
  await expect(page.getByRole('heading', { name: 'Bug gallery: real kernel fixes, undone' })).toBeVisible();
  await expect(title(page)).toHaveCount(0);
  await page.goForward();
  await expect(title(page)).toHaveText(opened ?? '');
});
