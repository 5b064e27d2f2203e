// A link never starts a large search by itself: an explore link to 8 CPUs with 32 tasks shows its
// settings and waits for Run the explorer (src/state/links/exploreCost.ts), while a small one still runs.
import { expect, test } from '@playwright/test';
import type { Scenario } from '../src/engine';
import { collectErrors, linkFor } from './helpers';

/** 8 CPUs, 32 tasks: the largest machine a scenario may describe. */
function biggest(): Scenario {
  return {
    format: 'fpsimd-scenario/1',
    title: 'Eight CPUs, 32 tasks',
    cpus: 8,
    tasks: [
      ...Array.from({ length: 8 }, (_, i) => ({ id: `qemu${i}`, vcpu: `vcpu${i}` })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `app${i}` })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `kworker${i}`, kthread: true })),
    ],
    start: Object.fromEntries(
      Array.from({ length: 8 }, (_, c) => [String(c), c < 4 ? `qemu${c}` : `app${c}`]),
    ),
    events: [],
  };
}

const depthField = (page: import('@playwright/test').Page) => page.getByRole('spinbutton', { name: 'Depth' });

test('an explore link to a large machine shows its settings and a Run button, and starts nothing', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(linkFor(biggest(), { view: 'explore', params: { xd: '12', xr: '1' } }));
  await expect(page.getByRole('heading', { name: 'Explore every event sequence' })).toBeVisible();
  const held = page
    .getByRole('status')
    .filter({ hasText: 'This link asks for a search that was not started' });
  await expect(held).toContainText('8 CPUs × 32 tasks × depth 12 = 3,072');
  await expect(depthField(page)).toHaveValue('12');
  const run = page.getByRole('button', { name: 'Run the explorer' });
  await expect(run).toBeEnabled();
  // Nothing runs: a link's search starts as the link is applied, before the notice shows.
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(page.getByText(/states\/s/)).toHaveCount(0);
  // The user's Run starts it; Cancel stops it.
  await run.click();
  await expect(held).toHaveCount(0);
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  await cancel.click();
  await expect(page.getByRole('button', { name: 'Run the explorer' })).toBeVisible({ timeout: 15_000 });
  expect(errors).toEqual([]);
});
