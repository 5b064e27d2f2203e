// The README's picture of the main view (docs/screenshots/main.png): the default example at its guest
// FP trap, on a freshly opened link, light theme, no animation. The compare view's picture comes from
// e2e/compare.spec.ts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { collectErrors, defaultExample, linkFor } from './helpers';

test('docs/screenshots/main.png: the step-through view at the first guest FP trap', async ({ browser }) => {
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
  const dir = path.join(import.meta.dirname, '../docs/screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.png');
  await page.screenshot({ path: file, animations: 'disabled' });
  expect(errors).toEqual([]);
  await context.close();
});
