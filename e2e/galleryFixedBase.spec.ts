// Fixed bases in the browser: an SVE gallery entry's "Find it with the explorer" runs the explorer's
// worker on the entry's own machine (with SVE), fixed base and depth, and finds the bug at its length;
// the counterexample opens under the fixed base, which the header's picker shows labelled as one.
import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';

const FIXED = 'v6.13/pre-61da7c8e2a60+49ce484187f7';

test('an SVE entry is searched on its machine, fixed base and depth; its counterexample opens under the fixed base', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Bug gallery' }).click();
  await page
    .getByRole('navigation', { name: 'Gallery entries' })
    .getByRole('link', { name: 'v6.13/pre-61da7c8e2a60' })
    .click();
  const article = page.locator('article[data-entry="v6.13/pre-61da7c8e2a60"]');
  await expect(
    article.getByText(
      /^Searched to depth 7 as v6\.13\/pre-61da7c8e2a60\+49ce484187f7 on the SVE host machine/,
    ),
  ).toBeVisible();
  await article.getByRole('button', { name: 'Find it with the explorer' }).click();
  const form = page.locator('form.explore-form');
  await expect(form.getByRole('combobox', { name: 'Variant' })).toHaveValue(FIXED);
  await expect(form.getByRole('spinbutton', { name: 'Depth' })).toHaveValue('7');
  // Found at 7 events, as `fpsimd-viz gallery` finds it (only on an SVE machine: the SVE ops).
  const open = page.getByRole('button', { name: /^Open at step 7: / }).first();
  await expect(open).toBeVisible({ timeout: 60_000 });
  await open.click();
  // The counterexample opens under the fixed base, which the header's picker shows as one.
  const picker = page.getByRole('combobox', { name: 'Kernel variant' });
  await expect(picker).toHaveValue(FIXED);
  await expect(picker.locator('option:checked')).toHaveText(
    'v6.13/pre-61da7c8e2a60 (fixed base: 49ce484187f7 fixed)',
  );
  expect(errors).toEqual([]);
});
