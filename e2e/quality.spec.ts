// Accessibility (axe, both themes), offline operation, layout at 1024 px, screenshots of the main views.
import { expect, test } from '@playwright/test';
import { axeFindings, defaultExample, linkFor, screenshot } from './helpers';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious or critical (${colorScheme})`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme });
    // A violation step (banner, marked parts) with the library open covers most of the UI.
    await page.goto(linkFor(defaultExample(), { variant: 'v4.18/no-put-save' }));
    await page.reload();
    await page.getByRole('button', { name: /Jump to next violation/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Violation' })).toBeVisible();
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Edit note' }).click();
    expect(await axeFindings(page)).toEqual([]);
    await screenshot(page, info, `violation-${colorScheme}`);
  });
}

test('no request leaves the page’s own server, and stepping makes none', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto('/');
  await expect(page.locator('svg[data-export="main"]')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  const loaded = requests.length;
  await page.getByRole('listbox', { name: /Events/ }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Copy link' }).click();
  // The browser may fetch the favicon late; nothing else is requested after load.
  expect(requests.slice(loaded).filter((u) => !u.endsWith('/favicon.svg'))).toEqual([]);
});

test('usable at 1024 px: no page-wide horizontal scroll, controls visible', async ({ page }, info) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeInViewport();
  await expect(page.locator('svg[data-export="main"]')).toBeInViewport();
  await screenshot(page, info, 'step-view-1024');
});

test('focus is visible on keyboard navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('svg[data-export="main"]')).toBeVisible();
  for (const name of ['Skip to the diagram', 'Scenarios…']) {
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAccessibleName(name);
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as HTMLElement).outlineStyle,
    );
    expect(outline).not.toBe('none');
  }
});
