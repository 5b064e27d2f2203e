// UI latency in real Chromium, measured inside the page with the frame-rate limit off: from a key press
// (ArrowRight on the timeline) to the next painted frame, and from a scrubber jump to a random step to
// the next painted frame, on a random legal 8-CPU scenario of 10,000 events opened through its link.
import os from 'node:os';
import type { Page } from 'playwright-core';
import { randomScenario } from '../../src/state/randomScenario.ts';
import { encodeShare } from '../../src/state/share.ts';
import { median, quantile } from '../stats.ts';
import type { Metric } from '../types.ts';
import { serveAppInChromium } from '../served.ts';

const EVENTS = 10_000;
const STEPS_PER_RUN = 250;
const JUMPS_PER_RUN = 100;
const RUNS = 3;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Runs in the page: `count` interactions, each timed from dispatch to the frame after it is painted.
 * Kept as source text: tsx's helpers (__name) must not leak into the page.
 */
const IN_PAGE = `async ({ kind, count, seed }) => {
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const afterPaint = () =>
    new Promise((r) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const list = document.querySelector('[role="listbox"]');
  const scrub = document.querySelector('input.scrubber');
  if (!list || !scrub) throw new Error('timeline not found');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const max = Number(scrub.max);
  let x = seed;
  const times = [];
  list.focus();
  for (let i = 0; i < count; i++) {
    await raf();
    const t0 = performance.now();
    if (kind === 'step') {
      list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    } else {
      x = (x * 1103515245 + 12345) % 2147483648;
      setValue.call(scrub, String(x % (max + 1)));
      scrub.dispatchEvent(new Event('input', { bubbles: true }));
    }
    times.push((await afterPaint()) - t0);
  }
  return times;
}`;

export async function timeInPage(
  page: Page,
  kind: 'step' | 'jump',
  count: number,
  seed: number,
): Promise<number[]> {
  return page.evaluate(`(${IN_PAGE})(${JSON.stringify({ kind, count, seed })})`) as Promise<number[]>;
}

async function stepShown(page: Page): Promise<number> {
  const text = (await page.locator('.step-count').textContent()) ?? '';
  return Number(/Step (\d+)/.exec(text)?.[1] ?? NaN);
}

export const CHROMIUM_ARGS = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];
const START = 4000;

/** The bench scenario's link (8 CPUs, 10,000 events, opened at step 4,000). */
export function benchLink(base: string): string {
  const scenario = randomScenario({ cpus: 8, events: EVENTS, seed: 2024 });
  return `${base}#${encodeShare({ scenario, variant: 'v4.18', step: START, view: 'diagram', embed: false, cpu: 0 })}`;
}

/** Opens the bench scenario in `page` (or the link `fragment`, with the same step and length). */
export async function openBenchPage(page: Page, base: string, fragment?: string): Promise<void> {
  await page.goto(fragment === undefined ? benchLink(base) : `${base}#${fragment}`);
  await page
    .locator('.step-count')
    .filter({ hasText: `Step ${START} of ${EVENTS}` })
    .waitFor();
}

export async function run(): Promise<Metric[]> {
  const app = await serveAppInChromium(CHROMIUM_ARGS);
  const { base, browser } = app;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openBenchPage(page, base);
    await page.waitForTimeout(500); // let the URL sync settle before timing

    await timeInPage(page, 'step', 30, 1); // warm-up
    const stepP50: number[] = [];
    const stepP95: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const before = await stepShown(page);
      const t = await timeInPage(page, 'step', STEPS_PER_RUN, 1);
      const after = await stepShown(page);
      if (after !== before + STEPS_PER_RUN)
        throw new Error(`stepping moved ${after - before} steps, not ${STEPS_PER_RUN}`);
      stepP50.push(quantile(t, 0.5));
      stepP95.push(quantile(t, 0.95));
    }
    await timeInPage(page, 'jump', 10, 7); // warm-up
    const jumpP95: number[] = [];
    for (let r = 0; r < RUNS; r++)
      jumpP95.push(quantile(await timeInPage(page, 'jump', JUMPS_PER_RUN, 100 + r), 0.95));
    // Wall-clock figures on a shared machine: the load average says how much else was running.
    const load = os.loadavg()[0].toFixed(1);
    const note = `8 CPUs, ${EVENTS.toLocaleString('en')} events; in-page, key/input -> next paint; median of ${RUNS} runs; load average ${load} on ${os.availableParallelism()} cores`;
    const metric = (name: string, values: number[], per: string): Metric => ({
      name,
      value: round2(median(values)),
      unit: 'ms',
      target: '< 16',
      better: 'lower',
      note: `${per}; ${note}`,
    });
    return [
      metric('ui.step.p50Ms', stepP50, `${STEPS_PER_RUN} steps per run`),
      metric('ui.step.p95Ms', stepP95, `${STEPS_PER_RUN} steps per run`),
      metric('ui.jump.p95Ms', jumpP95, `${JUMPS_PER_RUN} random jumps per run`),
    ];
  } finally {
    await app.close();
  }
}
