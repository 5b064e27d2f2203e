// Links: a copied link reopens the same screen in a fresh page; a corrupted link says so and loses
// nothing; a title carrying markup stays inert; the embed view hides the chrome.
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, defaultExample, linkFor, pixelDifference, screenshot } from './helpers';

async function screenOf(page: Page) {
  return {
    title: await page.locator('.scenario-title').textContent(),
    origin: await page.locator('.origin').textContent(),
    step: await page.locator('.step-count').textContent(),
    variant: await page.getByRole('combobox', { name: 'Kernel variant' }).inputValue(),
    explainer: await page.locator('.explainer').innerText(),
    // The animation class depends on how fast one stepped there, not on what is shown.
    diagram: (await page.locator('svg[data-export="main"]').evaluate((el) => el.outerHTML)).replace(
      ' fv-animate',
      '',
    ),
  };
}

test('a copied link opens the same screen in a fresh page', async ({ page, browser }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Kernel variant' }).selectOption('v4.18/no-put-save');
  await page.getByRole('listbox', { name: /Events/ }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('radio', { name: 'CPU0' }).check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this screen' }).inputValue();
  expect(link).toMatch(/#v3&step=4&variant=v4\.18%2Fno-put-save/);
  const before = await screenOf(page);

  const fresh = await browser.newContext({ reducedMotion: 'reduce' });
  const other = await fresh.newPage();
  const errors = collectErrors(other);
  await other.goto(link);
  await expect(other.locator('.step-count')).toHaveText(before.step!);
  expect(await screenOf(other)).toEqual(before);
  // Same page layout above the diagram (the link box), so the pixels line up too.
  await other.getByRole('button', { name: 'Copy link' }).click();
  await expect(other.getByRole('textbox', { name: 'Link to this screen' })).toHaveValue(link);
  const a = await page.locator('svg[data-export="main"]').screenshot();
  const b = await other.locator('svg[data-export="main"]').screenshot();
  expect(await pixelDifference(other, a, b)).toBeLessThan(0.002);
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a corrupted link shows a message, the app stays usable and saved scenarios stay', async ({
  page,
}, info) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Save to My scenarios' }).click();
  await expect(page.getByText('My scenario, saved in this browser')).toBeVisible();
  await page.waitForFunction(() => location.hash.startsWith('#v3&')); // the screen is in the address

  const good = linkFor({ ...defaultExample(), title: 'Someone else’s' }, { step: 3 });
  await page.goto(good.slice(0, good.length - 40));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/damaged or incomplete/);
  await screenshot(page, info, 'corrupted-link');
  // Usable: it steps.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('.step-count')).toHaveText(/^Step 1 of/);
  // Nothing lost.
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  await expect(page.getByRole('list', { name: 'My scenarios' }).getByRole('button')).toHaveCount(2); // item + Delete
  // A valid link opens beside the saved scenario, not over it.
  await page.goto(good); // the same document: the app opens it on hashchange
  await expect(page.locator('.scenario-title')).toHaveText('Someone else’s');
  await page.reload();
  await expect(page.locator('.scenario-title')).toHaveText('Someone else’s');
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  await expect(page.getByRole('list', { name: 'My scenarios' })).toContainText(defaultExample().title);
  await expect(page.getByRole('heading', { name: 'Opened from a link' })).toBeVisible();
});

test('markup in a title, description and note stays inert text', async ({ page }) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const sc = defaultExample();
  const evil = {
    ...sc,
    title: payload,
    description: payload,
    events: sc.events.map((e, i) => (i === 0 ? { ...e, note: payload } : e)),
  };
  const errors = collectErrors(page);
  await page.goto(linkFor(evil, { step: 1 }));
  await page.reload();
  await expect(page.locator('.scenario-title')).toHaveText(payload);
  await expect(page.getByLabel('Note')).toHaveText(payload);
  await page.getByText('About this scenario').click();
  await expect(page.locator('.scenario-desc p')).toHaveText(payload);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main script').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('the embed view shows the diagram and a stepper only', async ({ page }, info) => {
  await page.goto(linkFor(defaultExample(), { step: 5, embed: true }));
  await page.reload();
  await expect(page.locator('svg[data-export="main"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'fpsimd-viz', level: 1 })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Add an event' })).toHaveCount(0);
  await expect(page.locator('.step-count')).toHaveText(/^Step 5 of/);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('.step-count')).toHaveText(/^Step 6 of/);
  await screenshot(page, info, 'embed-view');
});
