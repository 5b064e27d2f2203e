/**
 * A/B comparison on the ui group's page, in one run, so that machine load hits every variant alike.
 *
 * Without arguments, `npm run bench:ui-ab` measures today's build against the reference build 63dfd63
 * (what `npm run bench -- --only ui` reports): jump and step latency as ratios to the reference, p50 and
 * p95 over at least 5 rounds (UI_ROUNDS, 6 by default), and the traced main-thread time per jump.
 *
 * Style variants of this build: `npm run bench:ui-ab -- VARIANTS.json` (or `-` for standard input), where
 * the file maps a name to CSS added to the page, e.g.
 *   {"base": "", "no-text": ".fv-diagram text { visibility: hidden }"}
 * Builds of git revisions: `npm run bench:ui-ab -- --rev main=main --rev mine=WORKTREE` builds each
 * revision (`WORKTREE`: the files as they are now, uncommitted edits included) and serves each build on
 * its own port; the page is the same link (this checkout's bench scenario) for all of them, or, with
 * `--link-of REV`, the bench link that REV's own bench made: how an old build is measured beside today's
 * (docs/ui-latency.md: `--rev stop8=63dfd63 --rev main=main --link-of 63dfd63`).
 *
 * Variants take turns over several rounds (ROUNDS in the environment, default 5), each round starting
 * with the next variant, so that drifting machine load and the first page of a round hit them alike;
 * each prints its step and jump latencies pooled over the rounds, and the load average is printed
 * beside them. Run the same variant twice under two names to see the noise. The figures are for
 * comparison with each other, not with targets.
 *
 * `--trace` (before the variants) also traces each jump run in Chromium and prints, per jump, the CPU
 * time of the main thread and of its phases and of tile raster (bench/trace.ts): much less noisy than
 * latency, so it shows changes of a few percent (tracing itself slows the page; compare variants only).
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { buildApp } from './groups/bundle.ts';
import { openBenchPage, timeInPage, CHROMIUM_ARGS } from './groups/ui.ts';
import { buildRevision, linkFragmentOf } from './revision.ts';
import { launchChromium, serveDir } from './served.ts';
import { quantile } from './stats.ts';
import { tracePhases, type PhaseSums } from './trace.ts';
import type { BenchReport } from './types.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 5);

interface Variant {
  name: string;
  base: string;
  css: string;
}

function readStyleVariants(arg: string): Record<string, string> {
  const text = readFileSync(arg === '-' ? 0 : arg, 'utf8');
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${arg}: expected a JSON object mapping a variant name to CSS`);
  for (const [name, css] of Object.entries(parsed))
    if (typeof css !== 'string') throw new Error(`${arg}: variant "${name}" must be a CSS string`);
  return parsed as Record<string, string>;
}

/** `name=rev` pairs from `--rev name=rev` arguments, and the revision named by `--link-of`. */
function readRevisions(args: readonly string[]): { revs: [string, string][]; linkOf: string | null } {
  const revs: [string, string][] = [];
  let linkOf: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--link-of') {
      linkOf = args[++i] ?? null;
      if (!linkOf) throw new Error('--link-of needs a git revision');
      continue;
    }
    if (args[i] !== '--rev') throw new Error(`unexpected argument "${args[i]}" (expected --rev NAME=REV)`);
    const m = /^([^=]+)=(.+)$/.exec(args[++i] ?? '');
    if (!m) throw new Error(`--rev needs NAME=REV (a git revision or WORKTREE), got "${args[i] ?? ''}"`);
    revs.push([m[1], m[2]]);
  }
  return { revs, linkOf };
}

async function main(): Promise<void> {
  const trace = process.argv[2] === '--trace';
  const args = process.argv.slice(trace ? 3 : 2);
  if (args.length === 0 && !trace) return againstReference();
  if (args.length === 0)
    throw new Error(
      'usage: npm run bench:ui-ab -- [[--trace] VARIANTS.json | --rev NAME=REV --rev NAME=REV ... [--link-of REV]]',
    );
  const temps: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  const browser = await launchChromium(CHROMIUM_ARGS);
  try {
    const variants: Variant[] = [];
    let fragment: string | undefined;
    const serve = async (dir: string): Promise<string> => {
      const served = await serveDir(dir);
      closers.push(served.close);
      return served.base;
    };
    if (args[0] === '--rev' || args[0] === '--link-of') {
      const { revs, linkOf } = readRevisions(args);
      if (linkOf) fragment = linkFragmentOf(linkOf, temps);
      for (const [name, rev] of revs) {
        const dir = await buildRevision(rev, temps);
        temps.push(dir);
        variants.push({ name, base: await serve(dir), css: '' });
      }
    } else {
      const dir = await buildApp();
      temps.push(dir);
      const base = await serve(dir);
      for (const [name, css] of Object.entries(readStyleVariants(args[0])))
        variants.push({ name, base, css });
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const jumps: Record<string, number[]> = {};
    const steps: Record<string, number[]> = {};
    const loads: number[] = [];
    const phases: Record<string, PhaseSums[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < variants.length; k++) {
        const { name, base, css } = variants[(k + round) % variants.length];
        await page.goto('about:blank');
        await openBenchPage(page, base, fragment);
        if (css) await page.addStyleTag({ content: css });
        await page.waitForTimeout(200);
        await timeInPage(page, 'jump', 10, 7); // warm-up
        const timeJumps = async (): Promise<void> =>
          void (jumps[name] ??= []).push(...(await timeInPage(page, 'jump', 100, 100 + round)));
        if (trace) (phases[name] ??= []).push(await tracePhases(page, timeJumps));
        else await timeJumps();
        (steps[name] ??= []).push(...(await timeInPage(page, 'step', 60, 1)));
        loads.push(os.loadavg()[0]);
      }
    }
    const f = (xs: number[], q: number): string => quantile(xs, q).toFixed(1);
    for (const { name } of variants)
      console.log(
        `${name.padEnd(16)} jump p50 ${f(jumps[name], 0.5)} p95 ${f(jumps[name], 0.95)}   step p50 ${f(steps[name], 0.5)} p95 ${f(steps[name], 0.95)} (ms)`,
      );
    if (trace)
      for (const { name } of variants) {
        const runs = phases[name];
        const per = (k: keyof PhaseSums): string =>
          (runs.reduce((s, p) => s + p[k], 0) / (runs.length * 100)).toFixed(2);
        console.log(
          `${name.padEnd(16)} traced, per jump: main ${per('main')} (thread time ${per('mainCpu')}) style ${per('style')} layout ${per('layout')} pre-paint ${per('prePaint')} paint ${per('paint')} raster ${per('raster')} (ms)`,
        );
      }
    console.log(
      `load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} on ${os.availableParallelism()} cores; ${ROUNDS} rounds`,
    );
  } finally {
    await browser.close();
    for (const close of closers) await close();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * No arguments: today's build against the reference build (the ui bench group, bench/groups/ui.ts), its
 * metrics printed one a line (`ui.jump.ratioToReference`, `ui.step.ratioToReference`, their p50 and p95
 * ratios, `ui.jump.mainThreadMs`), then as one fpsimd-bench/1 JSON line.
 */
async function againstReference(): Promise<void> {
  const { run } = await import('./groups/ui.ts');
  const metrics = await run();
  for (const m of metrics) {
    console.log(
      `${m.name.padEnd(34)} ${String(m.value).padStart(7)} ${m.unit}${m.target ? ` (target ${m.target})` : ''}`,
    );
    // The headline metrics' notes say how they were measured and at what machine load.
    if (m.note && (m.target || m.name === 'ui.jump.mainThreadMs')) console.log(`  ${m.note}`);
  }
  const report: BenchReport = {
    format: 'fpsimd-bench/1',
    machine: `${os.availableParallelism()} cores, node ${process.versions.node}`,
    metrics: metrics.map((m) => ({ ...m, group: 'ui' })),
  };
  console.log(JSON.stringify(report));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 2;
});
