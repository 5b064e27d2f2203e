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
  expect(svg.suggestedFilename()).toMatch(/-step-1\.svg$/);
  const markup = readFileSync(await svg.path(), 'utf8');
  expect(markup).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(markup).toContain('--d-bg:');
  expect(markup).toContain('fpsimd_last_state');

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
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
