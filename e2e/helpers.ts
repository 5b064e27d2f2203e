// Shared helpers for the browser tests: links built with the app's own encoder, axe, console errors.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { Scenario } from '../src/engine';
import { encodeShare, type SharedScreen } from '../src/state/links/share';

const require = createRequire(import.meta.url);

/** The default example (src/scenarios/index.ts: DEFAULT_EXAMPLE_ID), read from its file. */
export function defaultExample(): Scenario {
  const index = readFileSync(path.join(import.meta.dirname, '../src/scenarios/index.ts'), 'utf8');
  const id = /DEFAULT_EXAMPLE_ID = '([^']+)'/.exec(index)?.[1];
  if (!id) throw new Error('DEFAULT_EXAMPLE_ID not found in src/scenarios/index.ts');
  return JSON.parse(readFileSync(path.join(import.meta.dirname, `../src/scenarios/${id}.json`), 'utf8'));
}

export function linkFor(scenario: Scenario, over: Partial<Omit<SharedScreen, 'scenario'>> = {}): string {
  return `/#${encodeShare({ scenario, variant: 'v4.18', step: 0, view: 'diagram', embed: false, cpu: 0, ...over })}`;
}

/** Collects console errors and uncaught exceptions (the favicon is served, so none are expected). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
}

/** Serious and critical axe findings on the page as it is now. */
export async function axeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const res = await page.evaluate(() =>
    (window as unknown as { axe: { run(d: Document): Promise<AxeResult> } }).axe.run(document),
  );
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`,
    );
}

/** Saves a screenshot under test-results/screenshots (kept across runs) and attaches it to the report. */
export async function screenshot(page: Page, info: TestInfo, name: string): Promise<void> {
  const file = path.join(import.meta.dirname, '../test-results/screenshots', `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(name, { path: file, contentType: 'image/png' });
}

/**
 * A picture the docs show, docs/screenshots/FILE, taken by a test whose title carries the tag
 * `@docs-screenshots` (what `npm run screenshots` runs). Only `npm run screenshots` (DOCS_SCREENSHOTS=write in
 * the environment) rewrites the tracked file; any other run takes the same picture into
 * test-results/docs-screenshots/ to look at, leaves the work tree clean, and checks the tracked file is
 * there for the docs to show.
 */
export async function docScreenshot(
  page: Page,
  file: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const docs = path.join(import.meta.dirname, '../docs/screenshots');
  const dir =
    process.env.DOCS_SCREENSHOTS === 'write'
      ? docs
      : path.join(import.meta.dirname, '../test-results/docs-screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, file), animations: 'disabled', ...options });
  expect(
    existsSync(path.join(docs, file)),
    `docs/screenshots/${file}: take it with npm run screenshots`,
  ).toBe(true);
}

/**
 * The share of pixels that differ (by more than a small tolerance per channel) between two PNGs of the
 * same size, decoded in the page. Rasterisation may differ by a few antialiased pixels between pages.
 */
export async function pixelDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a64, b64]) => {
      const load = async (b64: string): Promise<ImageData> => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height);
      };
      const [x, y] = [await load(a64), await load(b64)];
      if (x.width !== y.width || x.height !== y.height) return 1;
      let diff = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const d = Math.max(
          Math.abs(x.data[i] - y.data[i]),
          Math.abs(x.data[i + 1] - y.data[i + 1]),
          Math.abs(x.data[i + 2] - y.data[i + 2]),
        );
        if (d > 48) diff++;
      }
      return diff / (x.width * x.height);
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

/** A tour's start button ("Start again" when its scenario is already on screen, as the default is). */
export const tourStartButton = (title: string): RegExp =>
  new RegExp(`^Start( again)?: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * The rendered size, in CSS px, of the smallest text of a diagram (`svg[data-export=NAME]`): each text's
 * computed font size times the scale of its screen transform (the SVG's CSS size over its viewBox).
 */
export async function smallestDiagramText(page: Page, name = 'main'): Promise<number> {
  return page.evaluate((name) => {
    let min = Infinity;
    for (const t of document.querySelectorAll<SVGTextElement>(`svg[data-export="${name}"] text`)) {
      if (!t.textContent?.trim()) continue;
      const m = t.getScreenCTM();
      if (!m) continue;
      min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));
    }
    return min;
  }, name);
}
