// Exports: the diagram as SVG and PNG, the scenario as a file that imports back.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { defaultExample } from './helpers';

test('the diagram exports as a standalone SVG and as a PNG', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('listbox', { name: /Events/ }).focus();
  await page.keyboard.press('ArrowRight');
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  // Named and captioned with the scenario, the step and the variant.
  const variant = await page.getByRole('combobox', { name: 'Kernel variant' }).inputValue();
  const title = (await page.locator('.scenario-title').textContent())!;
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  expect(svg.suggestedFilename()).toBe(`${slug(title)}-${slug(variant)}-step-1.svg`);
  const markup = readFileSync(await svg.path(), 'utf8');
  const steps = defaultExample().events.length;
  expect(markup).toContain(`<title>${title} · step 1 of ${steps} · ${variant}</title>`);
  expect(markup).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(markup).toContain('--d-bg:');
  expect(markup).toContain('fpsimd_last_state');

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe(`${slug(title)}-${slug(variant)}-step-1.png`);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5000);
});

test('an exported scenario file imports back into My scenarios', async ({ page }) => {
  const sc = defaultExample();
  await page.goto('/');
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export the scenario on screen/ }).click(),
  ]);
  const text = readFileSync(await file.path(), 'utf8');
  expect(JSON.parse(text).events).toHaveLength(sc.events.length);
  await page.getByLabel(/Import a scenario file/).setInputFiles(await file.path());
  await expect(
    page.getByRole('status').filter({ hasText: `Imported “${sc.title}” into My scenarios` }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'My scenarios' })).toContainText(sc.title);
  // Kept across a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  await expect(page.getByRole('list', { name: 'My scenarios' })).toContainText(sc.title);
});
