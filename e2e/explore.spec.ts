// The explorer in real Chromium: a search in the Web Worker on a v4.18 ablation, its counterexample
// opened at the violating step (and shared by link); a long search cancelled with what it found kept,
// while the page goes on answering the keyboard.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../src/engine';
import { axeFindings, collectErrors, linkFor, screenshot } from './helpers';

/** The reference configuration: 2 CPUs; a vcpu thread, a user task and a kernel thread. */
function reference(): Scenario {
  const file = path.join(import.meta.dirname, '../src/scenarios/vcpu-preempt-migrate.json');
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The reference plus a third CPU and a second vcpu thread: millions of states at depth 30. */
function big(): Scenario {
  const sc = reference();
  return {
    ...sc,
    title: 'Three CPUs, two vcpus',
    cpus: 3,
    tasks: [...sc.tasks, { id: 'qemu2', vcpu: 'vcpu1' }],
  };
}

const variantField = (page: Page) => page.getByRole('combobox', { name: 'Variant', exact: true });
const depthField = (page: Page) => page.getByRole('spinbutton', { name: 'Depth' });
const finished = (page: Page) => page.getByRole('status').filter({ hasText: 'Search finished.' });

test('explores a v4.18 ablation and opens its counterexample at the violating step', async ({
  page,
}, info) => {
  const errors = collectErrors(page);
  await page.goto(linkFor(reference(), { variant: 'v4.18/no-put-flush', view: 'explore' }));
  await expect(page.getByRole('heading', { name: 'Explore every event sequence' })).toBeVisible();
  await expect(variantField(page)).toHaveValue('v4.18/no-put-flush');
  await expect(
    page.getByText(/2 CPUs; tasks qemu \(runs vcpu0\), editor, kworker \(kernel thread\)/),
  ).toBeVisible();

  // From the keyboard: depth 10, Enter.
  await depthField(page).fill('10');
  await depthField(page).press('Enter');
  await expect(finished(page)).toContainText(/violations found, each with a shortest event sequence/);
  const bar = page.getByRole('progressbar', { name: /Search progress/ });
  await expect(bar).toHaveAttribute('aria-valuenow', '10');
  await expect(page.getByText(/v4\.18\/no-put-flush, depth 10: complete; [\d,]+ states/)).toBeVisible();
  // The search ran in a worker, not in the page: the explorer's, and on a search longer than 300 ms
  // one more per core (the partitioned search, each started once).
  const [explorer, ...partition] = page.workers().map((w) => w.url());
  expect(explorer).toMatch(/explorer\.worker/);
  for (const url of partition) expect(url).toMatch(/partition\.worker/);

  const table = page.getByRole('table', { name: /Violations found under v4\.18\/no-put-flush/ });
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText('leaked to');
  await expect(first).toContainText('qemu');
  await expect(first).toContainText('8 events');
  await screenshot(page, info, 'explore-results');
  expect(await axeFindings(page)).toEqual([]);

  await first.getByRole('button', { name: "Open at step 8: vcpu0's data leaked to qemu" }).click();
  await expect(page.locator('.step-count')).toHaveText(/^Step 8 of 8/);
  await expect(page.getByText('Found by the explorer (not saved)')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kernel variant' })).toHaveValue('v4.18/no-put-flush');
  const banner = page.getByRole('alert').filter({ hasText: 'Violation at step 8' });
  await expect(banner).toContainText("vcpu0's data leaked to qemu");
  await screenshot(page, info, 'explore-opened');

  // The existing Copy link shares it: a fresh page opens the same step with the same banner.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this screen' }).inputValue();
  expect(link).toMatch(/#v3&step=8&variant=v4\.18%2Fno-put-flush&view=diagram/);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.locator('.step-count')).toHaveText(/^Step 8 of 8/);
  await expect(other.getByRole('alert').filter({ hasText: 'Violation at step 8' })).toContainText(
    "vcpu0's data leaked to qemu",
  );
  expect(errors).toEqual([]);
});

test('explores with dead-variable reduction: the same shortest violation, said in the result line', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(linkFor(reference(), { variant: 'v4.18/no-put-flush', view: 'explore' }));
  await page.getByRole('checkbox', { name: 'Dead-variable reduction' }).check();
  await depthField(page).fill('10');
  await depthField(page).press('Enter');
  await expect(finished(page)).toContainText(/violations found/);
  await expect(
    page.getByText(/depth 10: complete; [\d,]+ states.*\(dead-variable reduction\)/),
  ).toBeVisible();
  const table = page.getByRole('table', { name: /Violations found under v4\.18\/no-put-flush/ });
  await expect(table.getByRole('row').nth(1)).toContainText('8 events');
  // The link to this screen carries the option; opened afresh, the box is ticked again.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this screen' }).inputValue();
  expect(link).toMatch(/xz=1/);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByRole('checkbox', { name: 'Dead-variable reduction' })).toBeChecked();
  expect(errors).toEqual([]);
});

test('stops at the first violating depth, with a time limit, and both ride in the link', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(linkFor(reference(), { variant: 'v4.18/no-ctxsync-bind', view: 'explore' }));
  await page.getByRole('checkbox', { name: 'Stop at the first violating depth' }).check();
  await page.getByRole('textbox', { name: 'Time limit (seconds)' }).fill('600');
  await depthField(page).fill('12');
  await depthField(page).press('Enter');
  await expect(finished(page)).toContainText(/found at 6 events, the first depth with any/);
  await expect(
    page.getByText(
      /depth 12: stopped at the first depth with a violation: every sequence of up to 6 events tried/,
    ),
  ).toBeVisible();
  const table = page.getByRole('table', { name: /Violations found under v4\.18\/no-ctxsync-bind/ });
  const rows = table.getByRole('row');
  // Every row is a 6-event sequence: nothing longer was looked for.
  for (let i = 1; i < (await rows.count()); i++) await expect(rows.nth(i)).toContainText('6 events');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this screen' }).inputValue();
  expect(link).toMatch(/xf=1/);
  expect(link).toMatch(/xt=600/);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByRole('checkbox', { name: 'Stop at the first violating depth' })).toBeChecked();
  await expect(other.getByRole('textbox', { name: 'Time limit (seconds)' })).toHaveValue('600');
  expect(errors).toEqual([]);
});

test('an invalid time limit is named at the field and nothing runs', async ({ page }) => {
  await page.goto(linkFor(reference(), { variant: 'v4.18', view: 'explore' }));
  const limit = page.getByRole('textbox', { name: 'Time limit (seconds)' });
  await limit.fill('soon');
  await limit.press('Enter');
  await expect(limit).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Time limit must be a number of seconds above 0/)).toBeVisible();
  await expect(finished(page)).toHaveCount(0);
});

test('a long search stays out of the page’s way, and cancelling keeps what it found', async ({
  page,
}, info) => {
  const errors = collectErrors(page);
  const sc = big();
  await page.goto(linkFor(sc, { variant: 'v4.18/no-put-flush', view: 'explore' }));
  await depthField(page).fill('30');
  await page.getByRole('button', { name: 'Run the explorer' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Violations show up while it runs.
  await expect(page.locator('.explore-progress-text')).toContainText(/found so far/, { timeout: 15_000 });
  const states = async (): Promise<number> =>
    Number(
      /([\d,]+) states ·/
        .exec((await page.locator('.explore-progress-text').textContent()) ?? '')?.[1]
        .replaceAll(',', ''),
    );
  const before = await states();

  // Meanwhile the step-through view answers the keyboard.
  await page.getByRole('button', { name: 'Step through' }).click();
  const list = page.getByRole('listbox', { name: /Events/ });
  await list.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.step-count')).toHaveText(new RegExp(`^Step 3 of ${sc.events.length}`));
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.step-count')).toHaveText(new RegExp(`^Step 2 of ${sc.events.length}`));

  // Back on the explorer, the same search is still going.
  await page.getByRole('button', { name: 'Explore' }).click();
  await expect.poll(states, { timeout: 10_000 }).toBeGreaterThan(before);
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  await cancel.click();
  await expect(finished(page)).toContainText(/found before the search stopped \(incomplete/);
  await expect(page.getByText(/depth 30: incomplete: cancelled;/)).toBeVisible();
  const rows = page.getByRole('table', { name: /Violations found/ }).getByRole('row');
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(page.getByRole('button', { name: 'Run the explorer' })).toBeEnabled();
  await screenshot(page, info, 'explore-cancelled');
  expect(errors).toEqual([]);
});
