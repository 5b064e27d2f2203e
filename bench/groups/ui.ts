// UI latency in real Chromium, measured inside the page with the frame-rate limit off: from a key press
// (ArrowRight on the timeline) to the next painted frame, and from a scrubber jump to a random step to
// the next painted frame, on a random legal 8-CPU scenario of 10,000 events opened through its link.
// Stated as a ratio to a reference build measured in turns in the same run (docs/ui-latency.md).
import os from 'node:os';
import type { Page } from 'playwright-core';
import { randomScenario } from '../../src/state/scenario/randomScenario.ts';
import { encodeShare } from '../../src/state/links/share.ts';
import { referenceBuild } from '../revision.ts';
import { serveAppInChromium, serveDir } from '../served.ts';
import { quantile } from '../stats.ts';
import { tracePhases } from '../trace.ts';
import type { Metric } from '../types.ts';

const EVENTS = 10_000;

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

/** The reference build the ratios are taken against: stop 8, when the jump target was first met. */
export const REFERENCE = '63dfd63';
// Six rounds by default: each build opens half of them, so neither gains from going first. 150 steps a
// round: the step p95 of 60 a round (300 in all) moved by a third from run to run.
const ROUNDS = Math.max(5, Number(process.env.UI_ROUNDS ?? 6));
const JUMPS = 100;
const STEPS = 150;
const TRACED_JUMPS = 50;

interface Samples {
  jumps: number[];
  steps: number[];
  /** Traced main-thread time (thread time, see trace.ts: mainCpu), summed over the traced jumps. */
  mainMs: number;
  /** The same tasks' wall time. */
  mainWallMs: number;
  /** Tile raster (raster threads), after the main thread's commit and before the next frame. */
  rasterMs: number;
  traced: number;
}

/**
 * Today's build and the reference build, each served on its own port, take turns over ROUNDS rounds
 * (each round starting with the other), on the reference's own bench link (an older build may not read
 * today's links): machine load hits both alike, so their ratio means something on a loaded machine
 * where the absolute figures do not. A round: 100 random jumps and 150 steps timed, then 50 jumps traced.
 */
export async function run(): Promise<Metric[]> {
  const ref = await referenceBuild(REFERENCE);
  const app = await serveAppInChromium(CHROMIUM_ARGS);
  const refServed = await serveDir(ref.dir);
  const builds = [
    { name: 'today', base: app.base },
    { name: 'reference', base: refServed.base },
  ];
  const samples: Record<string, Samples> = {};
  for (const b of builds)
    samples[b.name] = { jumps: [], steps: [], mainMs: 0, mainWallMs: 0, rasterMs: 0, traced: 0 };
  const loads: number[] = [];
  try {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (let round = 0; round < ROUNDS; round++)
      for (let k = 0; k < builds.length; k++) {
        const { name, base } = builds[(k + round) % builds.length];
        const into = samples[name];
        await page.goto('about:blank');
        await openBenchPage(page, base, ref.fragment);
        await page.waitForTimeout(200); // let the URL sync settle before timing
        await timeInPage(page, 'jump', 10, 7); // warm-up
        into.jumps.push(...(await timeInPage(page, 'jump', JUMPS, 100 + round)));
        into.steps.push(...(await timeInPage(page, 'step', STEPS, 1)));
        // Tracing slows the page: its jumps are timed by the trace, not in the latency samples.
        const traced = await tracePhases(
          page,
          async () => void (await timeInPage(page, 'jump', TRACED_JUMPS, 500 + round)),
        );
        into.mainMs += traced.mainCpu;
        into.mainWallMs += traced.main;
        into.rasterMs += traced.raster;
        into.traced += TRACED_JUMPS;
        loads.push(os.loadavg()[0]);
      }
  } finally {
    await refServed.close();
    await app.close();
  }
  const today = samples.today;
  const reference = samples.reference;
  // Wall-clock figures on a shared machine: the load average says how much else was running.
  const load = `load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} on ${os.availableParallelism()} cores`;
  const how = `8 CPUs, ${EVENTS.toLocaleString('en')} events on ${REFERENCE}'s bench link; ${ROUNDS} rounds taken in turns with the reference build ${REFERENCE}${ref.built ? ' (built this run)' : ' (cached build)'}; ${load}`;
  const metrics: Metric[] = [];
  const ratio = (kind: 'jump' | 'step', target: string): void => {
    const xs = kind === 'jump' ? today.jumps : today.steps;
    const ys = kind === 'jump' ? reference.jumps : reference.steps;
    const p50 = quantile(xs, 0.5) / quantile(ys, 0.5);
    const p95 = quantile(xs, 0.95) / quantile(ys, 0.95);
    const per = kind === 'jump' ? `${JUMPS} random jumps` : `${STEPS} steps`;
    metrics.push(
      {
        name: `ui.${kind}.ratioToReference`,
        value: round2(Math.max(p50, p95)),
        unit: 'x',
        target,
        better: 'lower',
        note: `the larger of p50 ${round2(p50)} and p95 ${round2(p95)}: today's latency (key/input -> next paint, in the page) over ${REFERENCE}'s, pooled over ${per} a round; ${how}`,
      },
      { name: `ui.${kind}.p50RatioToReference`, value: round2(p50), unit: 'x', better: 'lower' },
      { name: `ui.${kind}.p95RatioToReference`, value: round2(p95), unit: 'x', better: 'lower' },
    );
  };
  ratio('jump', '<= 0.6');
  ratio('step', '<= 0.8');
  const mainPerJump = (s: Samples): number => s.mainMs / s.traced;
  const rasterPerJump = (s: Samples): number => round2(s.rasterMs / s.traced);
  metrics.push(
    {
      name: 'ui.jump.mainThreadMs',
      value: round2(mainPerJump(today)),
      unit: 'ms',
      better: 'lower',
      note: `traced thread time of the page's main thread per random jump (${TRACED_JUMPS} a round, tracing on; bench/trace.ts), wall time ${round2(today.mainWallMs / today.traced)} ms, tile raster ${rasterPerJump(today)} ms; ${REFERENCE}: ${round2(mainPerJump(reference))} ms, wall ${round2(reference.mainWallMs / reference.traced)} ms, tile raster ${rasterPerJump(reference)} ms; ${how}`,
    },
    {
      name: 'ui.jump.mainThreadRatioToReference',
      value: round2(mainPerJump(today) / mainPerJump(reference)),
      unit: 'x',
      better: 'lower',
      note: 'the traced main-thread time per jump, today over the reference',
    },
  );
  // Absolute latencies, for information: they follow the machine as much as the app.
  const info = (name: string, xs: number[], q: number): Metric => ({
    name,
    value: round2(quantile(xs, q)),
    unit: 'ms',
    better: 'lower',
    note: `today's build, pooled over the rounds (${REFERENCE}: ${round2(quantile(name.includes('jump') ? reference.jumps : reference.steps, q))} ms); information only: this machine's speed varies through the day`,
  });
  metrics.push(
    info('ui.step.p50Ms', today.steps, 0.5),
    info('ui.step.p95Ms', today.steps, 0.95),
    info('ui.jump.p50Ms', today.jumps, 0.5),
    info('ui.jump.p95Ms', today.jumps, 0.95),
  );
  return metrics;
}
