// The README's picture of the main view (docs/screenshots/main.png): the default example at its guest
// FP trap, on a freshly opened link, light theme, no animation. The compare view's picture comes from
// e2e/compare.spec.ts. Only `npm run screenshots` rewrites the tracked file (docScreenshot).
import { expect, test } from '@playwright/test';
import { collectErrors, defaultExample, docScreenshot, linkFor } from './helpers';

test('docs/screenshots/main.png: the step-through view at the first guest FP trap @docs-screenshots', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const sc = defaultExample();
  const trap = sc.events.findIndex((e) => e.op === 'guest_fp');
  expect(trap).toBeGreaterThanOrEqual(0);
  await page.goto(linkFor(sc, { step: trap + 1, variant: sc.variant ?? 'v4.18' }));
  await expect(page.locator('svg[data-export="main"]')).toHaveAttribute('data-step', String(trap + 1));
  await expect(
    page.getByRole('heading', { name: new RegExp(`^Step ${trap + 1}: CPU0 guest_fp`) }),
  ).toBeVisible();
  await docScreenshot(page, 'main.png');
  expect(errors).toEqual([]);
  await context.close();
});
