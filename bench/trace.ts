// Chromium trace of a stretch of page activity, summed per phase: CPU time is far less noisy than
// latency on a shared 2-core machine, so A/B runs (bench/ui-ab.ts --trace) can see a 5% change.
import type { Page } from 'playwright-core';

/** Milliseconds spent in each phase over the traced stretch (divide by the interactions it held). */
export interface PhaseSums {
  /** Every task on the page's main thread (wall time: it grows when the machine runs other work). */
  main: number;
  /**
   * The same tasks' thread time (the trace's `tdur`): what the main thread itself ran, much less
   * sensitive to machine load than `main`. NaN if the trace carries no thread times.
   */
  mainCpu: number;
  style: number;
  layout: number;
  prePaint: number;
  paint: number;
  /** Tile raster (worker threads): after the main thread's commit, before the frame can be drawn. */
  raster: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { nodeName?: string } };
}

export async function tracePhases(page: Page, run: () => Promise<void>): Promise<PhaseSums> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const sum = (keep: (e: TraceEvent) => boolean): number =>
    events.filter((e) => e.ph === 'X' && keep(e)).reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === main);
  return {
    main: sum((e) => e.name === 'RunTask' && e.tid === main),
    mainCpu: tasks.some((e) => e.tdur !== undefined)
      ? tasks.reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0)
      : NaN,
    style: sum((e) => e.name === 'UpdateLayoutTree'),
    layout: sum((e) => e.name === 'Layout'),
    prePaint: sum((e) => e.name === 'PrePaint'),
    // Nested Paint events repeat their parents' time: the document's own covers the frame.
    paint: sum((e) => e.name === 'Paint' && e.args?.data?.nodeName === '#document'),
    raster: sum((e) => e.name === 'RasterTask'),
  };
}
