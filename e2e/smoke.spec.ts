import { expect, test } from '@playwright/test';

test('app loads and shows its title without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto('/');
  await expect(page).toHaveTitle('fpsimd-viz');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('fpsimd-viz');
  expect(errors).toEqual([]);
});
