// Typing in the JSON editor (issue 22): from a key press in the editor to the next painted frame, in
// real headless Chromium, on a legal scenario just under the 5 MB file limit (the largest accepted link,
// tests/fixtures/links-limits/full-notes-at-limit.txt), and after a refused 10 MB paste. Keys come in
// bursts at typing pace with pauses between, so the text is checked (in its worker) as it would be.
// Reference, in the same run: a plain text area outside the app holding the same text, i.e. the
// browser's own cost of editing that much text in a text area (Chromium lays out the whole text on each
// edit); the editor (CodeMirror) draws only the lines in view, so it is expected well under it.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { printScenario } from '../../src/engine/index.ts';
import { decodeShare } from '../../src/state/links/share.ts';
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
const EDITOR = '.scenario-json-text .cm-content';

/** In the page: records, for each keydown in the element, the time to the frame painted after it. */
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

/** Puts the editor's caret inside the title's value (line 3), as a person would: click, End, ←←. */
async function caretInTitle(page: Page): Promise<void> {
  await page.locator(`${EDITOR} .cm-line`).filter({ hasText: '"title": "' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
}

/**
 * Checks that the editor holds `lines` lines (its text is not in the page's DOM: only the lines in view
 * are), by scrolling to its end and reading the gutter's last number; then back to the top.
 */
async function expectLines(page: Page, lines: number): Promise<void> {
  const scroller = '.scenario-json-text .cm-scroller';
  // The editor draws lines only where it is in the window.
  await page.locator(scroller).scrollIntoViewIfNeeded();
  await page.evaluate(`document.querySelector('${scroller}').scrollTop = 1e9`);
  const last = `[...document.querySelectorAll('.scenario-json-text .cm-lineNumbers .cm-gutterElement')].at(-1)`;
  await page
    .waitForFunction(`${last}?.textContent === '${lines}'`, undefined, { timeout: 20_000 })
    .catch(async () => {
      const shown = await page.evaluate(`${last}?.textContent`);
      throw new Error(`the editor ends at line ${String(shown)}; the scenario's text has ${lines} lines`);
    });
  await page.evaluate(`document.querySelector('${scroller}').scrollTop = 0`);
  await page.locator(`${EDITOR} .cm-line`).filter({ hasText: '"title": "' }).waitFor();
}

export async function run(): Promise<Metric[]> {
  const app = await serveAppInChromium(CHROMIUM_ARGS);
  try {
    const link = readFileSync(LINK, 'utf8').trim();
    const decoded = decodeShare(link);
    if (!decoded.ok) throw new Error(`${LINK}: ${decoded.message}`);
    const text = printScenario(decoded.screen.scenario);
    const chars = text.length;
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.base}#${link}`);
    await page.locator('.scenario-title').filter({ hasText: 'Full notes' }).waitFor({ timeout: 120_000 });
    await page.getByText('Edit the scenario as JSON').click();
    await page.getByLabel('Scenario file text').waitFor({ timeout: 60_000 });
    const lines = text.split('\n').length;
    await expectLines(page, lines);
    await page.evaluate(recorder(EDITOR));
    await caretInTitle(page);
    const legal: number[] = [];
    for (let r = 0; r < RUNS; r++) legal.push(quantile(await typeKeys(page), 0.95));
    await page.getByText('Valid: apply to replace the scenario').waitFor({ timeout: 60_000 });

    // A 10 MB paste, refused (the text stays as it was); then typing on.
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ' '.repeat(10_000_000));
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.querySelector('${EDITOR}').dispatchEvent(paste);
    })()`);
    await page.getByText(/scenarios are limited to 5 MB/).waitFor({ timeout: 60_000 });
    await expectLines(page, lines);
    await caretInTitle(page);
    const over: number[] = [];
    for (let r = 0; r < RUNS; r++) over.push(quantile(await typeKeys(page), 0.95));

    // The reference: a plain text area with the legal scenario's text, no app code listening.
    await page.getByRole('button', { name: 'Reset to the scenario' }).click();
    await page.evaluate((value) => {
      const area = document.createElement('textarea');
      area.className = 'bench-plain';
      area.rows = 14;
      area.spellcheck = false;
      area.value = value;
      document.body.prepend(area);
      area.focus();
      const at = value.indexOf('"title": "') + 11;
      area.setSelectionRange(at, at);
    }, text);
    await page.evaluate(recorder('textarea.bench-plain'));
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
