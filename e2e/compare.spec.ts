// The compare view: the exit storm under v4.17, v4.18 and v6.16 opened from a link, its summed table
// and charts checked against the engine, one cursor for every diagram, a copied link reopening the same
// screen, the library's "Compare eras", a link naming an unknown variant, axe in both themes, 1024 px.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  COUNTER_NAMES,
  countersAt,
  createMachine,
  ERAS as ENGINE_ERAS,
  findVariant,
  replay,
  type Scenario,
} from '../src/engine';
import { axeFindings, collectErrors, docScreenshot, linkFor, screenshot } from './helpers';

const ERAS = ['v4.17', 'v4.18', 'v6.16'];
const storm: Scenario = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../src/scenarios/exit-storm.json'), 'utf8'),
);
const stormLink = (over: Parameters<typeof linkFor>[1] = {}): string =>
  linkFor(storm, { view: 'compare', compare: ERAS, ...over });

/** Totals in COUNTER_NAMES order, checked by hand against `fpsimd-viz run --variant X --json`. */
const EXPECTED: Record<string, number[]> = {
  'v4.17': [20, 21, 20, 20, 20, 80],
  'v4.18': [1, 2, 1, 1, 1, 3],
  'v6.16': [1, 2, 1, 1, 1, 3],
};

async function openStorm(page: Page, over: Parameters<typeof linkFor>[1] = {}): Promise<void> {
  await page.goto(stormLink(over));
  await expect(page.locator('.cmp-table')).toBeVisible();
}

async function screenOf(page: Page) {
  return {
    title: await page.locator('.scenario-title').textContent(),
    step: await page.locator('.step-count').textContent(),
    slots: await Promise.all(
      ['Variant A', 'Variant B', 'Variant C'].map((name) =>
        page.getByRole('combobox', { name, exact: true }).inputValue(),
      ),
    ),
    owners: await page.locator('.cmp-owners').innerText(),
    table: await page.locator('.cmp-totals').innerText(),
    charts: await page.locator('.cmp-chart svg').evaluateAll((els) => els.map((el) => el.outerHTML)),
    diagrams: await page.locator('.cmp-column').evaluateAll((els) => els.map((el) => el.textContent)),
  };
}

test('the exit storm compared across the eras: summed table and charts from the engine', async ({ page }) => {
  const errors = collectErrors(page);
  await openStorm(page);
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const id of ERAS) {
    const r = replay(createMachine(storm, findVariant(id)!), storm.events);
    const engine = countersAt(r, r.length);
    expect(COUNTER_NAMES.map((k) => engine[k])).toEqual(EXPECTED[id]);
    const cells = page.locator(`.cmp-table tr[data-variant="${id}"] td`);
    for (const [i, k] of COUNTER_NAMES.entries())
      await expect(cells.and(page.locator(`[data-counter="${k}"]`))).toHaveText(String(EXPECTED[id][i]));
  }
  await expect(page.locator('.cmp-table tr[data-variant="v4.17"] td[data-counter="perExit"]')).toHaveText(
    '4.05',
  );
  await expect(page.locator('.cmp-table tr[data-variant="v4.18"] td[data-counter="perExit"]')).toHaveText(
    '0.25',
  );
  await expect(
    page.locator('.cmp-table tr[data-variant="v4.17"] td[data-counter="irqsOffPerExit"]'),
  ).toHaveText('4.00');
  await expect(
    page.locator('.cmp-table tr[data-variant="v6.16"] td[data-counter="irqsOffPerExit"]'),
  ).toHaveText('0.15');

  // Six charts, three step curves each, inside the plot; v4.17's IRQs-off line climbs, the others stay low.
  await expect(page.locator('.cmp-chart')).toHaveCount(6);
  const lines = page.locator('.cmp-series .cmp-line');
  await expect(lines).toHaveCount(18);
  for (const d of await lines.evaluateAll((els) => els.map((el) => el.getAttribute('d') ?? ''))) {
    expect(d).toMatch(/^M[\d.]+,[\d.]+([LHV][\d.,]+)+$/);
    const nums = d.match(/[\d.]+/g)!.map(Number);
    expect(Math.min(...nums)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...nums)).toBeLessThanOrEqual(340);
  }
  const irqs = page.locator('.cmp-chart[data-counter="irqsOffSaveRestores"]');
  const ends = await irqs.locator('.cmp-series').evaluateAll((gs) =>
    gs.map((g) => {
      const ys = (g.querySelector('.cmp-line')!.getAttribute('d') ?? '')
        .match(/,([\d.]+)/g)!
        .map((s) => Number(s.slice(1)));
      return { variant: g.getAttribute('data-variant'), first: ys[0], last: ys[ys.length - 1] };
    }),
  );
  expect(ends.map((e) => e.variant)).toEqual(ERAS);
  expect(ends[0].last).toBeLessThan(ends[0].first - 80); // 0 -> 80 over the plot's height
  expect(ends[1].first - ends[1].last).toBeLessThan(10); // 0 -> 3
  await expect(irqs.locator('svg')).toHaveAttribute(
    'aria-label',
    /After step 0: v4\.17 \(solid line, circles\) 0, 80 at the end/,
  );
  expect(errors).toEqual([]);
});

test('one cursor moves every diagram and chart; a copied link reopens the same screen @docs-screenshots', async ({
  page,
  browser,
}, info) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openStorm(page);
  await page.getByRole('listbox', { name: /Events/ }).focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.step-count')).toHaveText('Step 6 of 66');
  await expect(page.locator('.cmp-column .fv-diagram')).toHaveCount(3);
  for (const d of await page.locator('.cmp-column .fv-diagram').all())
    await expect(d).toHaveAttribute('data-step', '6');
  // Step 6 is the first exit: v4.17 has restored the host's registers, the others keep the guest's.
  await expect(page.locator('.cmp-owners')).toContainText('the variants’ register owners differ');
  await expect(page.locator('.cmp-column[data-variant="v4.17"] .fv-regs')).toHaveAttribute(
    'data-owner',
    'qemu',
  );
  await expect(page.locator('.cmp-column[data-variant="v4.18"] .fv-regs')).toHaveAttribute(
    'data-owner',
    'vcpu0',
  );
  const cursorX = page.locator('.cmp-chart[data-counter="hostSaves"] .cmp-cursor line');
  expect(Number(await cursorX.getAttribute('x1'))).toBeGreaterThan(36);
  // Choose a different third variant, then share.
  await page.getByRole('combobox', { name: 'Variant C', exact: true }).selectOption('v4.18/no-put-save');
  await expect(page.locator('.cmp-column')).toHaveCount(3);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this screen' }).inputValue();
  expect(link).toMatch(/#v3&step=6&variant=v4\.18&view=compare&cmp=v4\.17,v4\.18,v4\.18%2Fno-put-save&data=/);
  const before = await screenOf(page);
  expect(before.slots).toEqual(['v4.17', 'v4.18', 'v4.18/no-put-save']);

  const fresh = await browser.newContext({ reducedMotion: 'reduce' });
  const other = await fresh.newPage();
  const errors = collectErrors(other);
  await other.goto(link);
  await expect(other.locator('.cmp-table')).toBeVisible();
  await expect(other.locator('.step-count')).toHaveText(before.step!);
  expect(await screenOf(other)).toEqual(before);
  // The same header (link box shown) in both, so the view sits at the same place on both pages.
  await other.getByRole('button', { name: 'Copy link' }).click();
  await expect(other.getByRole('textbox', { name: 'Link to this screen' })).toHaveValue(link);
  // Pixel for pixel where the drawing is the view's own; the diagrams (drawn by the step view's
  // component, with scaled fill patterns that Chromium may raster a pixel differently) by their markup,
  // React's generated ids aside.
  for (const part of ['.cmp-picker', '.cmp-owners', '.cmp-totals', '.cmp-charts']) {
    const a = await page.locator(part).screenshot({ animations: 'disabled' });
    const b = await other.locator(part).screenshot({ animations: 'disabled' });
    expect(b.equals(a), `${part} looks the same`).toBe(true);
  }
  const markup = (p: Page) =>
    p
      .locator('.cmp-columns')
      // The diagrams' animation class reflects how fast one stepped there, not what is shown.
      .evaluate((el) =>
        el.innerHTML.replace(/_r_[0-9a-z]+_|fvr[0-9a-z]+/g, 'ID').replaceAll(' fv-animate', ''),
      );
  expect(await markup(other)).toBe(await markup(page));
  expect(errors).toEqual([]);
  await fresh.close();

  // The screenshot the README shows: the patch's claim at the first exit, on a freshly opened link.
  const shot = await page.context().newPage();
  await shot.setViewportSize({ width: 1280, height: 900 });
  await shot.goto(stormLink({ step: 6 }));
  await expect(shot.locator('.cmp-column[data-variant="v6.16"] .fv-diagram')).toHaveAttribute(
    'data-step',
    '6',
  );
  await docScreenshot(shot, 'compare.png', { fullPage: true });
  await screenshot(shot, info, 'compare-view');
});

test('“Compare eras” on the exit storm in the library opens the comparison', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Scenarios…' }).click();
  await page.getByRole('button', { name: /^Compare eras: Guest exit storm/ }).click();
  await expect(
    page.locator('.cmp-table tr[data-variant="v4.17"] td[data-counter="irqsOffSaveRestores"]'),
  ).toHaveText('80');
  await expect(page.locator('.scenario-title')).toHaveText('Guest exit storm');
  // Every era of the engine, v6.13 included.
  const eras = ENGINE_ERAS.map((e) => e.id);
  await expect(page.locator('.cmp-column')).toHaveCount(eras.length);
  await expect(page.locator('.cmp-column[data-variant="v6.13"]')).toHaveCount(1);
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`view=compare&cmp=${eras.join(',')}&data=`);
  // "Compare the eras" from two variants brings every era back.
  await page.getByRole('button', { name: 'Remove v4.17 from the comparison' }).click();
  await expect(page.locator('.cmp-column')).toHaveCount(eras.length - 1);
  await page.getByRole('button', { name: `Compare the eras (${eras.join(', ')})` }).click();
  await expect(page.locator('.cmp-column')).toHaveCount(eras.length);
});

test('a link naming an unknown variant opens with a notice, not a crash', async ({ page }) => {
  const errors = collectErrors(page);
  await openStorm(page, { compare: ['v4.18', 'v9.9/no-such'] });
  await expect(
    page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'v9.9/no-such' }),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Variant A', exact: true })).toHaveValue('v4.18');
  await expect(page.getByRole('combobox', { name: 'Variant B', exact: true })).toHaveValue('v4.17');
  await expect(page.locator('.cmp-column')).toHaveCount(2);
  expect(errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`compare view: axe finds nothing serious (${colorScheme}), usable at 1024 px`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ colorScheme });
    // An ablation beside its era: violation marks and lists are on screen too.
    await openStorm(page, { compare: ['v4.18', 'v4.18/no-put-save', 'v6.16'], step: 6 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Each diagram stays readable (at least 80% of its natural size): the columns wrap rather than shrink.
    const scales = await page
      .locator('.cmp-column svg.fv-diagram')
      .evaluateAll((svgs) =>
        svgs.map((s) => s.getBoundingClientRect().width / Number(s.getAttribute('width'))),
      );
    expect(scales).toHaveLength(3);
    for (const scale of scales) expect(scale).toBeGreaterThanOrEqual(0.8);
    expect(await axeFindings(page)).toEqual([]);
    // Keyboard reachable: Tab reaches the variant selectors and the difference buttons.
    await page.getByRole('combobox', { name: 'Variant A', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Remove v4.18 from the comparison' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Variant B', exact: true })).toBeFocused();
    await screenshot(page, info, `compare-1024-${colorScheme}`);
  });
}
