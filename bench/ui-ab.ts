/**
 * A/B comparison of style variants on the ui group's page: `npm run bench:ui-ab -- VARIANTS.json`
 * (or `-` for standard input), where the file maps a name to CSS added to the page, e.g.
 *   {"base": "", "no-text": ".fv-diagram text { visibility: hidden }"}
 * Variants take turns over several rounds (ROUNDS in the environment, default 5), each round starting
 * with the next variant, so that drifting machine load and the first page of a round hit them alike;
 * each prints its step and jump latencies pooled over the rounds. Run the same CSS twice under two
 * names to see the noise. Use it to find what a frame's time goes to before changing the code; its
 * figures are for comparison with each other, not with targets.
 */
import { readFileSync } from 'node:fs';
import { openBenchPage, timeInPage, CHROMIUM_ARGS } from './groups/ui.ts';
import { serveAppInChromium } from './served.ts';
import { quantile } from './stats.ts';

const ROUNDS = 5;

function readVariants(arg: string | undefined): Record<string, string> {
  if (!arg) throw new Error('usage: npm run bench:ui-ab -- VARIANTS.json (a JSON object: name -> CSS)');
  const text = readFileSync(arg === '-' ? 0 : arg, 'utf8');
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${arg}: expected a JSON object mapping a variant name to CSS`);
  for (const [name, css] of Object.entries(parsed))
    if (typeof css !== 'string') throw new Error(`${arg}: variant "${name}" must be a CSS string`);
  return parsed as Record<string, string>;
}

async function main(): Promise<void> {
  const variants = readVariants(process.argv[2]);
  const app = await serveAppInChromium(CHROMIUM_ARGS);
  try {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const jumps: Record<string, number[]> = {};
    const steps: Record<string, number[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const entries = Object.entries(variants);
      for (let k = 0; k < entries.length; k++) {
        const [name, css] = entries[(k + round) % entries.length];
        await page.goto('about:blank');
        await openBenchPage(page, app.base);
        if (css) await page.addStyleTag({ content: css });
        await page.waitForTimeout(200);
        await timeInPage(page, 'jump', 10, 7); // warm-up
        (jumps[name] ??= []).push(...(await timeInPage(page, 'jump', 100, 100 + round)));
        (steps[name] ??= []).push(...(await timeInPage(page, 'step', 60, 1)));
      }
    }
    const f = (xs: number[], q: number): string => quantile(xs, q).toFixed(1);
    for (const name of Object.keys(variants))
      console.log(
        `${name.padEnd(16)} jump p50 ${f(jumps[name], 0.5)} p95 ${f(jumps[name], 0.95)}   step p50 ${f(steps[name], 0.5)} p95 ${f(steps[name], 0.95)} (ms)`,
      );
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 2;
});
