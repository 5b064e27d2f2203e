// Open the default scenario, step with the keyboard, and check the diagram's text and arrows against
// the engine's own view of each step.
import { expect, test } from '@playwright/test';
import { createMachine, describeState, findVariant, replay, stateAt } from '../src/engine';
import { collectErrors, defaultExample, screenshot } from './helpers';

test('keyboard stepping through the default scenario shows the engine’s state at each step', async ({
  page,
}, info) => {
  const errors = collectErrors(page);
  const sc = defaultExample();
  const r = replay(createMachine(sc, findVariant(sc.variant ?? 'v4.18')!), sc.events);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
  const list = page.getByRole('listbox', { name: /Events/ });
  await list.focus();

  const checkStep = async (n: number): Promise<void> => {
    await expect(page.locator('.step-count')).toHaveText(`Step ${n} of ${r.length}`);
    const view = describeState(r.machine, stateAt(r, n));
    for (const cpu of view.cpus) {
      const panel = page.locator(`.fv-cpu[data-cpu="${cpu.id}"]`);
      const regs = panel.locator('.fv-regs');
      await expect(regs).toHaveAttribute('data-owner', cpu.regs.owner ?? '');
      if (cpu.regs.owner && cpu.regs.owner !== 'kernel-neon')
        await expect(regs).toContainText(`${cpu.regs.owner} · ${cpu.regs.latest ? 'newest' : 'stale'}`);
      await expect(panel).toContainText(cpu.mode);
      const arrows = page.locator(`.fv-arrow[data-from="cpu${cpu.id}"]`);
      if (cpu.lastState === null) {
        await expect(arrows).toHaveCount(0);
        await expect(panel).toContainText('fpsimd_last_state = NULL');
      } else {
        await expect(arrows).toHaveAttribute('data-to', cpu.lastState);
        await expect(panel).toContainText(`fpsimd_last_state → ${cpu.lastState}`);
      }
    }
    for (const ctx of view.contexts) {
      const card = page.locator(`.fv-context[data-context="${ctx.id}"]`);
      await expect(card.locator('[data-field="memory"]')).toContainText(ctx.memLatest ? 'newest' : 'stale');
    }
  };

  await checkStep(0);
  let at = 0;
  for (const target of [1, 2, 5, 6, r.length - 2, r.length]) {
    while (at < target) {
      await page.keyboard.press('ArrowRight');
      at++;
    }
    await checkStep(at);
    if (at === 5) await screenshot(page, info, 'step-view-light');
  }
  await page.keyboard.press('ArrowLeft');
  await checkStep(r.length - 1);
  await page.keyboard.press('Home');
  await checkStep(0);
  await page.keyboard.press('End');
  await checkStep(r.length);
  // Space plays from the start (the cursor was at the end); Space again pauses.
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the explainer shows the step’s calls, changes and note', async ({ page }) => {
  const sc = defaultExample();
  await page.goto('/');
  await page.getByRole('listbox', { name: /Events/ }).focus();
  const withNote = sc.events.findIndex((e) => e.note !== undefined);
  expect(withNote, 'the default example carries notes').toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= withNote; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Note')).toHaveText(sc.events[withNote].note!);
  await expect(page.locator('.explanation')).not.toBeEmpty();
  await expect(page.getByRole('table')).toBeVisible();
  // Each changed field says whether and where the diagram draws it.
  const where = page.locator('table.changes td.where');
  await expect(where.first()).toHaveText(/^(drawn: .+|not drawn in the diagram)$/);
  expect(await where.count()).toBe(await page.locator('table.changes tbody tr').count());
});
