// Layouts that fit: every step of every tour shows its note, Next and every CPU and context card, the
// diagram's text at 11 CSS px or more: whole in view where it fits so, else in a box of its own that
// scrolls (in view, with its scrollbars), at 1280x720, 1920x1080 and on a 390x844 phone; axe finds
// nothing serious in either theme at those sizes; presenter mode; the embed at 800x500 with no storage.
// Also takes docs/screenshots/tour-1280x720.png, phone-390x844.png and phone-step-390x844.png (written
// only by `npm run screenshots`: docScreenshot).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../src/engine';
import { TOURS } from '../src/scenarios/tours';
import {
  axeFindings,
  collectErrors,
  defaultExample,
  docScreenshot,
  linkFor,
  smallestDiagramText,
  tourStartButton,
} from './helpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
  { width: 1920, height: 1080 },
] as const;

const scenarioOf = (id: string): Scenario =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, `../src/scenarios/${id}.json`), 'utf8'));

/** What lies (even partly) outside the viewport, or outside the box that clips it. */
async function outOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const bad: string[] = [];
    const check = (el: Element | null, name: string, clip?: Element | null): void => {
      if (!el) return void bad.push(`${name}: missing`);
      const r = el.getBoundingClientRect();
      const c = clip?.getBoundingClientRect() ?? { left: 0, top: 0, right: vw, bottom: vh };
      const box = {
        left: Math.max(0, c.left),
        top: Math.max(0, c.top),
        right: Math.min(vw, c.right),
        bottom: Math.min(vh, c.bottom),
      };
      if (r.width === 0 || r.height === 0) bad.push(`${name}: not drawn`);
      else if (
        r.left < box.left - 1 ||
        r.top < box.top - 1 ||
        r.right > box.right + 1 ||
        r.bottom > box.bottom + 1
      )
        bad.push(
          `${name}: ${JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round))} outside ${JSON.stringify([box.left, box.top, box.right, box.bottom].map(Math.round))}`,
        );
    };
    const stage = document.querySelector('.tour-stage');
    check(document.querySelector('.tour-note'), 'note', stage);
    check(
      [...document.querySelectorAll('.tour-nav button')].find((b) => b.textContent === 'Next →') ?? null,
      'Next',
      stage,
    );
    check(
      [...document.querySelectorAll('.tour-nav button')].find((b) => b.textContent === '← Back') ?? null,
      'Back',
      stage,
    );
    const svg = document.querySelector('svg[data-export="main"]');
    // A diagram that cannot be whole with readable text scrolls in its box: a card is then in view
    // or inside the box's scroll range, the box itself in view (so are its scrollbars).
    const scroller = svg?.closest('.diagram-scroll');
    const scrolls = scroller?.hasAttribute('data-scrolls') ?? false;
    if (scrolls) check(scroller!, 'scrolling diagram box');
    for (const g of svg?.querySelectorAll('[data-cpu], [data-context]') ?? []) {
      const name = `card ${g.getAttribute('data-cpu') ?? g.getAttribute('data-context')}`;
      if (!scrolls) check(g, name);
      else {
        const r = g.getBoundingClientRect();
        const b = scroller!.getBoundingClientRect();
        const left = r.left - b.left + scroller!.scrollLeft;
        const top = r.top - b.top + scroller!.scrollTop;
        if (
          left < -1 ||
          top < -1 ||
          left + r.width > scroller!.scrollWidth + 1 ||
          top + r.height > scroller!.scrollHeight + 1
        )
          bad.push(`${name}: outside its box's scroll range`);
      }
    }
    return bad;
  });
}

// One test per size and tour, so each stays well inside its time limit as tours are added.
for (const size of SIZES.slice(0, 2).concat(SIZES[2])) {
  for (const tour of TOURS)
    test(`every step of “${tour.title}” fits at ${size.width}x${size.height}: note, Next/Back and every card in view`, async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ viewport: size, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto('/');
      await page.getByRole('button', { name: 'Guided tours' }).click();
      {
        const n = scenarioOf(tour.scenarioId).events.length;
        await page
          .getByRole('button', {
            name: tourStartButton(tour.title),
          })
          .click();
        for (let k = 0; k <= n; k++) {
          await expect(page.locator('.tour-count')).toHaveText(`Step ${k} of ${n}`);
          await expect(page.locator('svg[data-export="main"]')).toHaveAttribute('data-step', String(k));
          expect(await outOfView(page), `${tour.scenarioId} step ${k}`).toEqual([]);
          expect(await smallestDiagramText(page), `${tour.scenarioId} step ${k}`).toBeGreaterThanOrEqual(11);
          if (k < n) await page.keyboard.press('ArrowRight');
        }
      }
      expect(errors).toEqual([]);
      await context.close();
    });
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`axe finds nothing serious at ${size.width}x${size.height} (${colorScheme}): step view, tour, presenter`, async ({
      browser,
    }) => {
      test.setTimeout(60_000);
      const context = await browser.newContext({ viewport: size, colorScheme, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const sc = defaultExample();
      const trap = sc.events.findIndex((e) => e.op === 'guest_fp') + 1;
      await page.goto(linkFor(sc, { step: trap, variant: 'v4.17' }));
      await expect(page.locator('svg[data-export="main"]')).toHaveAttribute('data-step', String(trap));
      expect(await axeFindings(page), 'step view').toEqual([]);
      await page.goto(linkFor(sc, { step: trap, view: 'tour', variant: 'v4.17' }));
      await expect(page.locator('.tour-count')).toHaveText(new RegExp(`^Step ${trap} of`));
      // Notes written for v4.18 beside a v4.17 diagram: the notice is part of the page checked.
      await expect(page.locator('.note-variant').first()).toBeVisible();
      expect(await axeFindings(page), 'tour').toEqual([]);
      await page.keyboard.press('p');
      await expect(page.getByRole('dialog', { name: /^Step/ })).toBeVisible();
      expect(await axeFindings(page), 'presenter').toEqual([]);
      await context.close();
    });
  }
}

test('screenshots: a tour step at 1280x720 and a phone at 390x844 @docs-screenshots', async ({ browser }) => {
  test.setTimeout(90_000);
  const sc = defaultExample();
  const trap = sc.events.findIndex((e) => e.op === 'guest_fp') + 1;
  for (const [size, view, file] of [
    [SIZES[0], 'tour', 'tour-1280x720.png'],
    [SIZES[1], 'tour', 'phone-390x844.png'],
    [SIZES[1], 'diagram', 'phone-step-390x844.png'],
  ] as const) {
    const context = await browser.newContext({
      viewport: size,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(linkFor(sc, { step: trap, view, variant: sc.variant ?? 'v4.18' }));
    await expect(page.locator('svg[data-export="main"]')).toHaveAttribute('data-step', String(trap));
    if (view === 'tour') expect(await outOfView(page)).toEqual([]);
    else {
      // One column on a phone: the diagram first, as wide as the screen allows, the step controls
      // and the event list after it.
      const diagram = await page.locator('.diagram-panel').boundingBox();
      const timeline = await page.locator('.timeline').boundingBox();
      expect(diagram!.width).toBeGreaterThan(size.width * 0.85);
      expect(timeline!.y).toBeGreaterThan(diagram!.y + diagram!.height - 1);
    }
    await docScreenshot(page, file);
    if (view === 'diagram') {
      // Zoomable: a larger diagram scrolls inside its panel.
      const before = (await page.locator('svg[data-export="main"]').boundingBox())!.width;
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect
        .poll(async () => (await page.locator('svg[data-export="main"]').boundingBox())!.width)
        .toBeGreaterThan(before * 1.2);
    }
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('presenter mode: p opens it over any view, arrows step, Esc leaves (the tour stays)', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ viewport: SIZES[0], reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const sc = defaultExample();
  await page.goto(linkFor(sc, { step: 2 }));
  await page.locator('svg[data-export="main"]').click();
  await page.keyboard.press('p');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.presenter-note')).toHaveText(sc.events[1].note!);
  await page.keyboard.press('ArrowRight');
  await expect(dialog.locator('.presenter-note')).toHaveText(sc.events[2].note!);
  await expect(page.locator('svg[data-export="presenter"]')).toHaveAttribute('data-step', '3');
  const box = await page.locator('svg[data-export="presenter"]').boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(SIZES[0].height + 1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.step-count')).toContainText('Step 3 of');
  // In a tour, Esc leaves presenter mode first, the tour only on a second press.
  await page.getByRole('button', { name: 'Guided tours' }).click();
  await page.keyboard.press('p');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.tour-stage')).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('the embed in a cross-origin frame without storage: no notice, controls in view at 800x500', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ viewport: { width: 820, height: 540 } });
  // As a browser that blocks third-party storage: touching localStorage throws.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const sc = defaultExample();
  const src = `${baseURL}${linkFor(sc, { step: 3, embed: true })}`;
  // Another origin (a port of its own) serves the page that frames the embed. A real server: Chromium
  // refuses to frame a local address from a page Playwright made up.
  const html = `<!doctype html><title>Slides</title><body style="margin:0"><iframe title="fpsimd-viz" src="${src}" width="800" height="500" style="border:0"></iframe></body>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('svg[data-export="main"]')).toHaveAttribute('data-step', '3');
  await expect(frame.locator('.notice')).toHaveCount(0);
  await expect(frame.getByText(/storage/i)).toHaveCount(0);
  for (const name of ['Step back', 'Step forward', 'Jump to end']) {
    const b = await frame.getByRole('button', { name }).boundingBox();
    expect(b, name).not.toBeNull();
    expect(b!.y + b!.height, name).toBeLessThanOrEqual(500);
    expect(b!.x + b!.width, name).toBeLessThanOrEqual(800);
  }
  await frame.getByRole('button', { name: 'Step forward' }).click();
  await expect(frame.locator('svg[data-export="main"]')).toHaveAttribute('data-step', '4');
  const svg = await frame.locator('svg[data-export="main"]').boundingBox();
  expect(svg!.y + svg!.height).toBeLessThanOrEqual(500);
  expect(errors).toEqual([]);
  await context.close();
  server.close();
});
