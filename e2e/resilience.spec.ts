// A lazily loaded view whose code cannot be fetched (a redeploy while the tab is open, or offline) says
// so in its own place with a retry; the rest of the app keeps working, and the retry loads it.
import { expect, test } from '@playwright/test';
import { axeFindings, defaultExample } from './helpers';

// The offline copy would fetch the chunk itself, past the page's request routing.
test.use({ serviceWorkers: 'block' });

test('a failed chunk is reported in place, the app keeps working, and Try again loads it', async ({
  page,
}) => {
  const sc = defaultExample();
  await page.route(/assets\/CompareView-[^/]+\.js$/, (route) => route.abort('failed'));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'The compare view could not be shown' });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('could not be loaded');
  expect(await axeFindings(page)).toEqual([]);
  // The header and the other views still work.
  await page.getByRole('button', { name: 'Step through', exact: true }).click();
  await expect(page.locator('svg[data-export="main"] .fv-cpu')).toHaveCount(sc.cpus);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(failed).toBeVisible();
  await page.unroute(/assets\/CompareView-[^/]+\.js$/);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.cmp-table')).toBeVisible();
});
