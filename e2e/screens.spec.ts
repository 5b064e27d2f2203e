// Readable and unclipped on every screen (issue 21): on a 390x844 phone the diagram's text is at least
// 11 CSS px on every step of every tour's scenario and gallery example, with the step bar; at 1280x720
// no card is cut off without a scrollbar and the step controls and counters stay in view; the zoom
// label says the scale drawn; the Scenarios list closes on a choice and with Escape; at 1920x1080 the
// kernel code sits beside the diagram and tables keep their words whole; touch targets, scrolling
// regions, presenter notes on a phone, timeline tags; axe in both colour schemes at the three sizes.
// The tours and gallery entries come from the app's own lists.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createMachine, galleryVariants, replay, type Scenario } from '../src/engine';
import { TOURS } from '../src/scenarios/tours';
import { axeFindings, collectErrors, defaultExample, linkFor, smallestDiagramText } from './helpers';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const PROJECTOR = { viewport: { width: 1280, height: 720 } };
const WIDE = { viewport: { width: 1920, height: 1080 } };
const SIZES = [
  ['390x844', PHONE],
  ['1280x720', PROJECTOR],
  ['1920x1080', WIDE],
] as const;

const scenarioOf = (id: string): Scenario =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, `../src/scenarios/${id}.json`), 'utf8'));

/** Every tour's scenario and every gallery example (at its violating step, under its variant). */
const SCREENS = [
  ...TOURS.map((t) => {
    const scenario = scenarioOf(t.scenarioId);
    return { name: `tour ${t.scenarioId}`, scenario, variant: scenario.variant ?? 'v4.18', step: 0 };
  }),
  ...galleryVariants().map((v) => {
    const scenario = scenarioOf(`history-${v.historic!.commit}`);
    const first = replay(createMachine(scenario, v), scenario.events).violations[0];
    return { name: `gallery ${v.id}`, scenario, variant: v.id, step: first.step + 1 };
  }),
];

async function open(
  browser: Browser,
  size: (typeof SIZES)[number][1],
  colorScheme: 'light' | 'dark' = 'light',
) {
  const context = await browser.newContext({ ...size, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

/** What of the step view is not in view: controls, counters, the diagram's box, cards it cannot scroll to. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const inView = (el: Element | null, name: string): void => {
      const r = el?.getBoundingClientRect();
      if (!r || r.width === 0) bad.push(`${name}: missing`);
      else if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1)
        bad.push(`${name}: ${JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round))}`);
    };
    inView(document.querySelector('[aria-label="Step controls"]'), 'step controls');
    inView(document.querySelector('.counters'), 'counters');
    const box = document.querySelector('.diagram-panel .diagram-scroll')!;
    inView(box, 'diagram box');
    const b = box.getBoundingClientRect();
    const style = getComputedStyle(box);
    for (const g of document.querySelectorAll(
      'svg[data-export="main"] [data-cpu], svg[data-export="main"] [data-context]',
    )) {
      const name = `card ${g.getAttribute('data-cpu') ?? g.getAttribute('data-context')}`;
      const r = g.getBoundingClientRect();
      // Cut off at the right or the bottom: only where the box scrolls that way (its scrollbar in view).
      if (
        r.right > b.right - box.clientLeft + 1 &&
        (style.overflowX === 'hidden' || box.scrollWidth <= box.clientWidth)
      )
        bad.push(`${name}: cut off at the right, no scrollbar`);
      if (r.bottom > b.bottom + 1 && (style.overflowY === 'hidden' || box.scrollHeight <= box.clientHeight))
        bad.push(`${name}: cut off at the bottom, no scrollbar`);
      if (r.left < b.left - 1 && box.scrollLeft === 0) bad.push(`${name}: cut off at the left`);
    }
    return bad;
  });
}

test('390x844: every tour scenario and gallery example, every step: diagram text ≥ 11 px, one column, the step bar', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { context, page, errors } = await open(browser, PHONE);
  for (const s of SCREENS) {
    await page.goto(linkFor(s.scenario, { variant: s.variant, step: 0 }));
    const bar = page.getByRole('group', { name: 'Step bar' });
    const n = s.scenario.events.length;
    for (let k = 0; k <= n; k++) {
      await expect(bar).toContainText(`Step ${k} of`);
      await expect(page.locator('svg[data-export="main"]')).toHaveAttribute('data-step', String(k));
      expect(await smallestDiagramText(page), `${s.name} step ${k}`).toBeGreaterThanOrEqual(11);
      if (k === 0) {
        // As wide as the screen allows, nothing cut off at the sides: no sideways scrolling.
        const svg = (await page.locator('svg[data-export="main"]').boundingBox())!;
        expect(svg.x, s.name).toBeGreaterThanOrEqual(0);
        expect(svg.x + svg.width, s.name).toBeLessThanOrEqual(390);
        // Nor anything else (a select as wide as its longest option once widened the page to 578 px).
        expect(await page.evaluate(() => document.documentElement.scrollWidth), s.name).toBeLessThanOrEqual(
          390,
        );
        await expect(bar).toBeInViewport({ ratio: 1 });
      }
      if (k === s.step && s.step > 0) {
        // The bar never hides the end of the page (its height reaches the page's padding through a
        // ResizeObserver, a frame after a longer note: poll until the layout has settled).
        await expect
          .poll(
            async () => {
              await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
              const last = (await page.locator('.step-view .side > :last-child').boundingBox())!;
              const barBox = (await bar.boundingBox())!;
              return last.y + last.height - (barBox.y + 1);
            },
            { message: s.name },
          )
          .toBeLessThanOrEqual(0);
      }
      if (k < n) await bar.getByRole('button', { name: 'Next →' }).click();
    }
    await expect(bar.getByRole('button', { name: 'Next →' })).toBeDisabled();
    await bar.getByRole('button', { name: '← Back' }).click();
    await expect(bar).toContainText(`Step ${n - 1} of`);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('1280x720: no card cut off without a scrollbar, step controls and counters in view, text ≥ 11 px', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page, errors } = await open(browser, PROJECTOR);
  for (const s of SCREENS) {
    await page.goto(linkFor(s.scenario, { variant: s.variant, step: s.step }));
    await expect(page.locator('svg[data-export="main"]')).toHaveAttribute('data-step', String(s.step));
    expect(await clipped(page), s.name).toEqual([]);
    expect(await smallestDiagramText(page), s.name).toBeGreaterThanOrEqual(11);
    // A one-row header: the scenario's title starts high on the screen.
    expect((await page.locator('.scenario-title').boundingBox())!.y, s.name).toBeLessThan(80);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('the zoom label tells the scale the diagram is drawn at, fitted or zoomed', async ({ browser }) => {
  const { context, page, errors } = await open(browser, PROJECTOR);
  const s = SCREENS.find((x) => x.scenario.cpus > 1)!;
  await page.goto(linkFor(s.scenario, { variant: s.variant, step: s.step }));
  const svg = page.locator('svg[data-export="main"]');
  const drawn = async (): Promise<number> =>
    svg.evaluate((e) =>
      Math.round((e.getBoundingClientRect().width / Number(e.getAttribute('width'))) * 100),
    );
  const label = async (): Promise<number> =>
    Number((await page.locator('.zoom-level').textContent())!.replace('%', ''));
  await expect.poll(label).toBe(await drawn());
  for (const press of ['Fit to width', 'Zoom in', 'Zoom out', 'Zoom out']) {
    await page.getByRole('button', { name: press, exact: true }).click();
    await expect.poll(async () => Math.abs((await label()) - (await drawn()))).toBeLessThanOrEqual(1);
  }
  expect(errors).toEqual([]);
  await context.close();
});

for (const [name, size] of SIZES)
  test(`${name}: choosing a scenario closes the list and shows it, focused; Escape closes the list`, async ({
    browser,
  }) => {
    const { context, page, errors } = await open(browser, size);
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Scenarios…' });
    await toggle.click();
    const list = page.getByRole('region', { name: 'Scenarios' });
    await list.getByRole('button', { name: 'Guest exit storm', exact: true }).click();
    await expect(list).toHaveCount(0);
    const title = page.getByRole('heading', { name: 'Guest exit storm', level: 2 });
    await expect(title).toBeFocused();
    await expect(title).toBeInViewport();
    await expect(page.locator('svg[data-export="main"]')).toBeInViewport();
    await toggle.click();
    await expect(list).toBeVisible();
    await list.getByRole('button', { name: 'Guest exit storm', exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(toggle).toBeFocused();
    expect(errors).toEqual([]);
    await context.close();
  });

test('1920x1080: the kernel code beside the diagram, following the step, controls in view; no word broken', async ({
  browser,
}) => {
  const { context, page, errors } = await open(browser, WIDE);
  const sc = defaultExample();
  const trap = sc.events.findIndex((e) => e.op === 'guest_fp') + 1;
  await page.goto(linkFor(sc, { step: trap, variant: sc.variant ?? 'v4.18' }));
  await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
  const pane = page.locator('#code-pane');
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(
    new RegExp(`^Kernel code of step ${trap}:`),
  );
  const code = (await pane.boundingBox())!;
  const diagram = (await page.locator('.diagram-panel').boundingBox())!;
  expect(code.x).toBeGreaterThanOrEqual(diagram.x + diagram.width);
  expect(code.y).toBeLessThan(200);
  expect(code.x + code.width).toBeLessThanOrEqual(1920);
  await page.keyboard.press('ArrowRight');
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(
    new RegExp(`^Kernel code of step ${trap + 1}:`),
  );
  expect(await clipped(page)).toEqual([]);
  // Every word of the "Fields changed" table on one line.
  const broken = await page.evaluate(() => {
    const out: string[] = [];
    for (const cell of document.querySelectorAll('.changes th, .changes td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/[^\s._]+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
  expect(broken).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('390x844 touch: targets of at least 24 px, scrolling regions focusable, presenter notes scroll in view', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { context, page, errors } = await open(browser, PHONE);
  const sc = scenarioOf('vcpu-preempt-migrate');
  const small = (): Promise<string[]> =>
    page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'button, select, input:not([type="radio"]):not([type="checkbox"]):not([type="file"]), summary, .chip, [role="tab"]',
        ),
      ]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && (r.width < 24 || r.height < 24);
        })
        .map(
          (e) =>
            `${e.tagName} “${(e.textContent ?? '').trim().slice(0, 30)}” ${JSON.stringify(e.getBoundingClientRect().height)}`,
        ),
    );
  // Scrolling regions the keyboard cannot reach (axe's rule, on the page as it is).
  const unreachable = (): Promise<string[]> =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('*')]
        .filter((e) => {
          const s = getComputedStyle(e);
          const scrolls =
            (/(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1) ||
            (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
          if (!scrolls || e === document.documentElement || e === document.body) return false;
          return (
            e.tabIndex < 0 && !e.querySelector('button, a[href], input, select, textarea, [tabindex="0"]')
          );
        })
        .map((e) => e.className || e.tagName),
    );
  for (const view of ['diagram', 'tour', 'compare', 'gallery'] as const) {
    await page.goto(linkFor(sc, { view, step: 6 }));
    await expect(page.locator('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await small(), view).toEqual([]);
    expect(await unreachable(), view).toEqual([]);
  }
  // The compare table scrolls sideways on a phone: focusable and named.
  await page.goto(linkFor(sc, { view: 'compare' }));
  const table = page.getByRole('region', { name: /Counters per variant/ });
  await expect(table).toHaveAttribute('tabindex', '0');
  // Presenter mode: the long note (the description at step 0) scrolls in a box that is in view.
  await page.goto(linkFor(sc, { step: 0 }));
  await page.getByRole('button', { name: 'Present' }).click();
  const note = page.locator('.presenter-note');
  await expect(note).toBeInViewport({ ratio: 1 });
  const scrolls = await note.evaluate(
    (e) => e.scrollHeight > e.clientHeight && getComputedStyle(e).overflowY === 'auto',
  );
  expect(scrolls).toBe(true);
  await expect(note).toHaveAttribute('tabindex', '0');
  expect(await smallestDiagramText(page, 'presenter')).toBeGreaterThanOrEqual(11);
  expect(errors).toEqual([]);
  await context.close();
});

test('1280x720: timeline tags are whole words, never cut to a letter', async ({ browser }) => {
  const { context, page, errors } = await open(browser, PROJECTOR);
  const sc = scenarioOf('vcpu-preempt-migrate');
  await page.goto(linkFor(sc, { step: 8 }));
  await expect(page.locator('.event-tag').first()).toBeVisible();
  const cut = await page
    .locator('.event-tag')
    .evaluateAll((tags) => tags.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent));
  expect(cut).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const)
  for (const [name, size] of SIZES)
    test(`axe finds nothing serious at ${name} (${colorScheme}): reviewer mode, scenarios list, gallery, compare`, async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const { context, page } = await open(browser, size, colorScheme);
      const sc = defaultExample();
      const trap = sc.events.findIndex((e) => e.op === 'guest_fp') + 1;
      await page.goto(linkFor(sc, { step: trap, variant: 'v4.18/no-put-flush' }));
      await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
      await expect(page.locator('#code-pane .code-line.executed').first()).toBeVisible();
      await page.getByRole('button', { name: 'Scenarios…' }).click();
      expect(await axeFindings(page), 'step view, code, list').toEqual([]);
      await page.goto(linkFor(sc, { view: 'gallery' }));
      await expect(page.locator('.gallery-entry')).toBeVisible();
      expect(await axeFindings(page), 'gallery').toEqual([]);
      await page.goto(linkFor(sc, { view: 'compare', step: trap }));
      await expect(page.locator('.cmp-table')).toBeVisible();
      expect(await axeFindings(page), 'compare').toEqual([]);
      await context.close();
    });
