// explorer.worker.ratio: the issue's reference configuration (2 CPUs; a vcpu thread, a user task, a
// kernel thread) at depth 12 under v4.18, searched in the app's own Web Worker in headless Chromium,
// over the same search in Node. Both sides run the worker's job code (src/workers/exploreJob.ts) and
// time it the same way, from the request to the finished result; runs alternate between the two after
// a warm-up of each, so a change in the shared machine's load hits both alike.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runJob } from '../../src/workers/exploreJob.ts';
import type { DoneMessage, StartMessage } from '../../src/workers/protocol.ts';
import { median } from '../stats.ts';
import type { Metric } from '../types.ts';
import { serveAppInChromium } from '../served.ts';

const WARMUP = 5;
const RUNS = 25;

const REQUEST: StartMessage = {
  type: 'start',
  id: 1,
  config: {
    cpus: 2,
    tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
    start: { '0': 'qemu', '1': 'editor' },
  },
  variant: 'v4.18',
  depth: 12,
  symmetry: false,
  dead: false,
  maxStates: 5_000_000,
};

function checked(m: DoneMessage, where: string): DoneMessage {
  if (!m.result.complete || m.result.violations.length > 0)
    throw new Error(`${where}: reference check failed`);
  return m;
}

function inNode(id: number): Promise<DoneMessage> {
  return new Promise((resolve, reject) =>
    runJob({ ...REQUEST, id }, (m) => {
      if (m.type === 'done') resolve(checked(m, 'node'));
      else if (m.type === 'error') reject(new Error(m.message));
    }),
  );
}

/** Kept as source text: tsx's helpers (__name) must not leak into the page. */
const MAKE_WORKER = `(url) => { window.__explorer = new Worker(url, { type: 'module' }); }`;
const SEARCH = `(msg) => new Promise((resolve, reject) => {
  const w = window.__explorer;
  w.onmessage = (e) => {
    if (e.data.id !== msg.id) return;
    if (e.data.type === 'done') resolve(e.data);
    else if (e.data.type === 'error') reject(new Error(e.data.message));
  };
  w.onerror = (e) => reject(new Error(e.message || 'the worker failed to load'));
  w.postMessage(msg);
})`;

function inWorker(page: Page, id: number): Promise<DoneMessage> {
  const msg = JSON.stringify({ ...REQUEST, id });
  return (page.evaluate(`(${SEARCH})(${msg})`) as Promise<DoneMessage>).then((m) => checked(m, 'worker'));
}

export async function run(): Promise<Metric[]> {
  const app = await serveAppInChromium([]);
  const { base, browser } = app;
  try {
    const worker = readdirSync(path.join(app.dir, 'assets')).find((f) => /^explorer\.worker-.*\.js$/.test(f));
    if (!worker) throw new Error('the build has no explorer worker (assets/explorer.worker-*.js)');
    const page = await browser.newPage();
    await page.goto(base);
    await page.evaluate(`(${MAKE_WORKER})(${JSON.stringify(new URL(`assets/${worker}`, base).href)})`);

    let id = 1;
    for (let i = 0; i < WARMUP; i++) {
      await inNode(id++);
      await inWorker(page, id++);
    }
    const node: number[] = [];
    const browserMs: number[] = [];
    let states = 0;
    for (let i = 0; i < RUNS; i++) {
      const n = await inNode(id++);
      const w = await inWorker(page, id++);
      if (w.result.states !== n.result.states)
        throw new Error('the worker and Node explored different spaces');
      states = n.result.states;
      node.push(n.elapsedMs);
      browserMs.push(w.elapsedMs);
    }
    const ratio = median(browserMs) / median(node);
    return [
      {
        name: 'explorer.worker.ratio',
        value: Math.round(ratio * 100) / 100,
        unit: 'x',
        target: '<= 1.5',
        better: 'lower',
        note:
          `reference configuration, v4.18, depth 12 (${states} states): median ${median(browserMs).toFixed(1)} ms ` +
          `in the app's worker in headless Chromium over ${median(node).toFixed(1)} ms in Node, each the ` +
          `search job from request to result; ${RUNS} alternating runs after ${WARMUP} warm-ups of each`,
      },
    ];
  } finally {
    await app.close();
  }
}
