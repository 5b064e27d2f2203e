// Links at the limits, in the browser: a crafted link that would unpack to 500 MB leaves the page
// painted and answering and is refused with a clear message; the largest accepted link opens (decoded
// in a worker); a link made by the earlier format (v1) opens; a changed character is reported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { bombPayload } from '../tests/state/links/linkBomb';
import { collectErrors, defaultExample, linkFor } from './helpers';

const fixture = (file: string): string =>
  readFileSync(path.join(import.meta.dirname, '../tests/fixtures', file), 'utf8');

test('a crafted link that would unpack to 500 MB: the page paints, answers and says why', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const bomb = `v1&step=0&variant=v4.18&view=diagram&data=${bombPayload(31_623)}`;
  await page.goto(`/#${bomb}`);
  const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
  await expect(alert).toContainText('unpacks to more than 5,000,000 characters');
  // The page painted before the link was refused (it was decoded off the page's thread).
  const times = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    now: performance.now(),
  }));
  expect(times.paint).toBeGreaterThan(0);
  expect(times.paint).toBeLessThan(times.now);
  // The default scenario is on screen and the page answers.
  await expect(page.locator('.scenario-title')).toHaveText(defaultExample().title);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('.step-count')).toHaveText(/^Step 1 of/);

  // The same link pasted into the address bar: measured in the page, frames keep coming meanwhile.
  await page.evaluate(() => (location.hash = ''));
  await page
    .getByRole('button', { name: /Dismiss/ })
    .first()
    .click();
  const measured = await page.evaluate(async (link) => {
    const start = performance.now();
    let last = start;
    let longestFrameGap = 0;
    let frames = 0;
    location.hash = link;
    while (![...document.querySelectorAll('[role=alert]')].some((a) => a.textContent?.includes('unpacks'))) {
      await new Promise((r) => requestAnimationFrame(r));
      const t = performance.now();
      longestFrameGap = Math.max(longestFrameGap, t - last);
      last = t;
      frames++;
    }
    return {
      refusedAfterMs: Math.round(performance.now() - start),
      longestFrameGap: Math.round(longestFrameGap),
      frames,
    };
  }, bomb);
  test.info().annotations.push({ type: 'hashchange: refused', description: JSON.stringify(measured) });
  expect(measured.frames).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('the largest accepted link opens, decoded off the page', async ({ page }) => {
  const link = fixture('links-limits/full-notes-at-limit.txt').trim();
  await page.goto('/');
  await expect(page.locator('.scenario-title')).toHaveText(defaultExample().title);
  const started = Date.now();
  await page.evaluate((l) => (location.hash = l), link);
  // The page answers while the link is decoded.
  expect(await page.evaluate(() => document.title)).toBeTruthy();
  await expect(page.locator('.scenario-title')).toHaveText('Full notes', { timeout: 20_000 });
  test.info().annotations.push({ type: 'opened after', description: `${Date.now() - started} ms` });
  await expect(page.locator('.step-count')).toHaveText(/of 2448/);
});

test('a v1 link made by the earlier format opens to its screen', async ({ page }) => {
  const links = JSON.parse(fixture('links/v1-links.json')) as {
    name: string;
    fragment: string;
    decoded: { scenario: { title: string } };
    opened: { cursor: number };
  }[];
  const l = links.find((x) => x.name === 'every-op-step-view')!;
  await page.goto(`/#${l.fragment}`);
  await expect(page.locator('.scenario-title')).toHaveText(l.decoded.scenario.title);
  await expect(page.locator('.step-count')).toHaveText(new RegExp(`^Step ${l.opened.cursor} of`));
  // Once the screen changes, the address holds it as a v3 link.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#v3&'));
});

test('a link with one character of its scenario changed is reported, not opened as another screen', async ({
  page,
}) => {
  const link = linkFor(defaultExample(), { step: 3 }).replace('&data=N', '&data=M');
  await page.goto(link);
  const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
  await expect(alert).toContainText('does not match its checksum');
  await expect(page.locator('.step-count')).toHaveText(/^Step 0 of/);
});

test('a step or variant edited by hand opens, each refused value named on its own', async ({ page }) => {
  await page.goto(linkFor(defaultExample(), { step: 3 }).replace('step=3', 'step=4'));
  await expect(page.locator('.step-count')).toHaveText(/^Step 4 of/);
  await page.goto(
    linkFor(defaultExample(), { step: 2, view: 'explore', params: { xv: 'v4.18/no-put-flushX', xr: '1' } }),
  );
  const notice = page.locator('.notice').filter({ hasText: 'xv=v4.18/no-put-flushX: unknown variant' });
  await expect(notice).toContainText('the search the link asked for was not run');
  await expect(page.getByText('Nothing explored yet.')).toBeVisible();
});
