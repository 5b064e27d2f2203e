// Typing in the JSON editor (issue 22): from a key press in the text area to the next painted frame, in
// real headless Chromium, on a legal scenario just under the 5 MB file limit (the largest accepted link,
// tests/fixtures/links-limits/full-notes-at-limit.txt), and after a refused 10 MB paste. Keys come in
// bursts at typing pace with pauses between, so the text is checked (in its worker) as it would be.
// Reference, in the same run: a plain text area outside the app holding the same text, i.e. the
// browser's own cost of editing that much text (Chromium lays out the whole text on each edit).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { median, quantile } from '../stats.ts';
import type { Metric } from '../types.ts';
import { serveAppInChromium } from '../served.ts';
import { CHROMIUM_ARGS } from './ui.ts';

const LINK = path.resolve(import.meta.dirname, '../../tests/fixtures/links-limits/full-notes-at-limit.txt');
const BURSTS = 2;
const KEYS_PER_BURST = 8;
const KEY_GAP_MS = 60;
const PAUSE_MS = 600;
const RUNS = 1;

/** In the page: records, for each keydown in the text area, the time to the frame painted after it. */
const recorder = (selector: string): string => `(() => {
  const area = document.querySelector('${selector}');
  window.__keyTimes = [];
  area.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => window.__keyTimes.push(performance.now() - t0);
      ch.port2.postMessage(0);
    });
  }, true);
})()`;

async function typeKeys(page: Page): Promise<number[]> {
  await page.evaluate('window.__keyTimes = []');
  let n = 0;
  for (let b = 0; b < BURSTS; b++) {
    for (let k = 0; k < KEYS_PER_BURST; k++) {
      await page.keyboard.press('x');
      n++;
      await page.waitForFunction(`window.__keyTimes.length >= ${n}`, undefined, { timeout: 60_000 });
      await page.waitForTimeout(KEY_GAP_MS);
    }
    await page.waitForTimeout(PAUSE_MS);
  }
  return (await page.evaluate('window.__keyTimes')) as number[];
}

/** Puts the caret inside the title's value, near the start of the text. */
async function caretInTitle(page: Page, selector = 'textarea.scenario-json-text'): Promise<void> {
  await page.evaluate(`(() => {
    const area = document.querySelector('${selector}');
    area.focus();
    const at = area.value.indexOf('"title": "') + 11;
    area.setSelectionRange(at, at);
  })()`);
}

export async function run(): Promise<Metric[]> {
  const app = await serveAppInChromium(CHROMIUM_ARGS);
  try {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.base}#${readFileSync(LINK, 'utf8').trim()}`);
    await page.locator('.scenario-title').filter({ hasText: 'Full notes' }).waitFor({ timeout: 120_000 });
    await page.getByText('Edit the scenario as JSON').click();
    const area = page.getByLabel('Scenario file text');
    await area.waitFor({ timeout: 60_000 });
    const chars = (await page.evaluate(
      `document.querySelector('textarea.scenario-json-text').value.length`,
    )) as number;
    await page.evaluate(recorder('textarea.scenario-json-text'));
    await caretInTitle(page);
    const legal: number[] = [];
    for (let r = 0; r < RUNS; r++) legal.push(quantile(await typeKeys(page), 0.95));
    await page.getByText('Valid: apply to replace the scenario').waitFor({ timeout: 60_000 });

    // A 10 MB paste, refused; then typing on.
    await page.evaluate(`(() => {
      const area = document.querySelector('textarea.scenario-json-text');
      const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      set.call(area, area.value + ' '.repeat(10_000_000 - area.value.length));
      area.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await page.getByText(/scenarios are limited to 5 MB/).waitFor({ timeout: 60_000 });
    await caretInTitle(page);
    const over: number[] = [];
    for (let r = 0; r < RUNS; r++) over.push(quantile(await typeKeys(page), 0.95));

    // The reference: a plain text area with the legal scenario's text, no app code listening.
    await page.getByRole('button', { name: 'Reset to the scenario' }).click();
    await page.evaluate(`(() => {
      const area = document.createElement('textarea');
      area.className = 'bench-plain';
      area.rows = 14;
      area.spellcheck = false;
      area.value = document.querySelector('textarea.scenario-json-text').value;
      document.body.prepend(area);
    })()`);
    await page.evaluate(recorder('textarea.bench-plain'));
    await caretInTitle(page, 'textarea.bench-plain');
    const plain: number[] = [];
    for (let r = 0; r < RUNS; r++) plain.push(quantile(await typeKeys(page), 0.95));

    const load = os.loadavg()[0].toFixed(1);
    const note = `${BURSTS} bursts of ${KEYS_PER_BURST} keys ${KEY_GAP_MS} ms apart, ${PAUSE_MS} ms pauses; keydown -> next paint; median of ${RUNS} runs' p95; load average ${load} on ${os.availableParallelism()} cores`;
    const metric = (name: string, values: number[], what: string): Metric => ({
      name,
      value: Math.round(median(values) * 100) / 100,
      unit: 'ms',
      target: '< 100',
      better: 'lower',
      note: `${what}; ${note}`,
    });
    return [
      metric(
        'ui.editor.keyP95Ms',
        legal,
        `a legal scenario of ${(chars / 1e6).toFixed(2)} M characters (full-notes-at-limit)`,
      ),
      metric('ui.editor.overLimitKeyP95Ms', over, 'after a refused 10 MB paste'),
      metric('ui.editor.plainTextareaKeyP95Ms', plain, 'reference: a plain text area with the same text'),
      {
        name: 'ui.editor.keyVsPlainRatio',
        value: Math.round((median(legal) / median(plain)) * 100) / 100,
        unit: 'x',
        target: '<= 1.2',
        better: 'lower',
        note: `ui.editor.keyP95Ms / ui.editor.plainTextareaKeyP95Ms: the app's cost over the browser's own; ${note}`,
      },
    ];
  } finally {
    await app.close();
  }
}
