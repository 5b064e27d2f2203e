// SVE in the app: an SVE scenario (the tour "SVE in one page") shows each CPU's vector length, EL0
// SVE and the H band of its register file, each context's H (dead by the ABI, live, or gone), the SVE
// legend entries and the SVE ops in the palette with their reasons; the tour ends with the upper bits
// gone; readable on a phone. An FPSIMD-only scenario shows none of it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../src/engine';
import { collectErrors, smallestDiagramText, tourStartButton } from './helpers';

const TITLE = 'SVE in one page';
const sc: Scenario = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../src/scenarios/sve-in-one-page.json'), 'utf8'),
);

async function startTour(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided tours' }).click();
  await page.getByRole('button', { name: tourStartButton(TITLE) }).click();
  await expect(page.locator('.tour-count')).toHaveText(/^Step 0 of \d+$/);
}

const main = (page: Page) => page.locator('svg[data-export="main"]');

/** Shows the legend (a toggle, kept across visits). */
async function showLegend(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Legend' });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

test('an SVE scenario shows the H band, the vector length, EL0 SVE and the SVE ops with reasons', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await startTour(page);
  const cpu = main(page).locator('[data-cpu="0"]');
  await expect(cpu.locator('[data-field="vl"]')).toContainText('max');
  await expect(cpu.locator('[data-field="el0Sve"]')).toContainText('trapped');
  await expect(cpu.locator('.fv-regs-h')).toHaveAttribute('data-state', 'zero');
  await expect(cpu.locator('.fv-regs-h text')).toHaveText('H: zero');
  const qemu = main(page).locator('[data-context="qemu"]');
  await expect(qemu.locator('[data-field="sveH"]')).toHaveAttribute('data-band', 'dead');
  await expect(qemu.locator('[data-field="sveH"]')).toContainText('dead (ABI)');
  await expect(qemu.locator('[data-field="TIF_SVE"]')).toContainText('clear');
  await expect(qemu.locator('[data-field="fp_type"]')).toContainText('FPSIMD');
  // Leave the tour: the step view, its legend and palette.
  await page.keyboard.press('Escape');
  await expect(page.locator('.step-count')).toContainText('Step 0 of');
  await showLegend(page);
  for (const key of ['sve-h', 'sve-dead', 'sve-gone', 'sve-vl', 'sve-el0'])
    await expect(page.locator(`[data-legend="${key}"]`)).toBeVisible();
  const userSve = page.getByRole('button', { name: 'user_sve' });
  await expect(userSve).toHaveAttribute('aria-disabled', 'true');
  await expect(userSve).toHaveAccessibleDescription(/not running a task in user space/);
  await expect(page.getByRole('button', { name: 'guest_zcr' })).toHaveAccessibleDescription(/not in a guest/);
  await expect(page.getByRole('button', { name: 'prctl_set_vl' })).toHaveAccessibleDescription(/syscall/);
  await expect(page.getByRole('combobox', { name: 'Task to trace (stopped), ptrace_setsve' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'do_sve_acc' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ptrace_getsve' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the tour “SVE in one page” ends with qemu’s upper bits gone', async ({ page }) => {
  const errors = collectErrors(page);
  await startTour(page);
  const n = sc.events.length;
  // The whole tour replays (v6.13's SVE code: do_sve_acc(), fp_user_discard(), fpsimd_kvm_prepare()).
  await expect(page.locator('.tour-count')).toHaveText(`Step 0 of ${n}`);
  const h = main(page).locator('[data-context="qemu"] [data-field="sveH"]');
  const band = main(page).locator('[data-cpu="0"] .fv-regs-h');
  for (let k = 1; k <= n; k++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.tour-count')).toHaveText(`Step ${k} of ${n}`);
    // After qemu's first untrapped SVE use (step 6), its H is live in CPU0's registers.
    if (k === 6) {
      await expect(band).toHaveAttribute('data-owner', 'qemu');
      await expect(h).toHaveAttribute('data-band', 'live');
    }
    // The syscall makes it dead by the ABI: nothing lost.
    if (k === 7) await expect(h).toHaveAttribute('data-band', 'dead');
  }
  await expect(h).toHaveAttribute('data-band', 'gone');
  await expect(h).toContainText('upper bits gone');
  await expect(main(page).locator('[data-context="qemu"]')).toHaveAttribute('data-violation', 'true');
  expect(errors).toEqual([]);
});

test('on a phone (390 px) the SVE rows and H band are drawn at 11 px or more', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await startTour(page);
  await expect(main(page).locator('.fv-regs-h')).toHaveCount(1);
  expect(await smallestDiagramText(page)).toBeGreaterThanOrEqual(11);
  // The card's H row and the CPU's H band are inside the diagram's drawing, not cut off.
  const box = await main(page).boundingBox();
  const hBox = await main(page).locator('[data-context="qemu"] [data-field="sveH"]').boundingBox();
  expect(box && hBox && hBox.x >= box.x - 1 && hBox.x + hBox.width <= box.x + box.width + 1).toBe(true);
  await context.close();
});

test('an FPSIMD-only scenario has no SVE row, band, legend entry or op', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(main(page)).toBeVisible();
  await showLegend(page);
  await expect(page.locator('[data-legend="arrow"]')).toBeVisible();
  await expect(page.locator('[data-legend^="sve-"]')).toHaveCount(0);
  await expect(main(page).locator('.fv-regs-h')).toHaveCount(0);
  await expect(
    main(page).locator('[data-field="vl"], [data-field="el0Sve"], [data-field="sveH"]'),
  ).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'ret_to_user' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'user_sve' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
