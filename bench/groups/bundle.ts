// The production bundle's JavaScript (gzip) and the length of a shared link for a 200-event scenario.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { randomScenario } from '../../src/state/scenario/randomScenario.ts';
import { encodeShare } from '../../src/state/links/share.ts';
import type { Metric } from '../types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A production build of the app (of `root`'s sources) in a fresh temporary directory (removed by the caller). */
export async function buildApp(root = ROOT): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'fpsimd-viz-build-'));
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))
    .map((f) => path.join(dir, f));
}

/** Characters of the fragment (`#v1&...`) for a random 8-CPU scenario of 200 events: the worst of 5 seeds. */
export function linkChars200(): number {
  let worst = 0;
  for (let seed = 1; seed <= 5; seed++) {
    const scenario = randomScenario({ cpus: 8, events: 200, seed });
    const frag = encodeShare({
      scenario,
      variant: 'v4.18',
      step: 200,
      view: 'diagram',
      embed: false,
      cpu: 7,
    });
    worst = Math.max(worst, frag.length + 1);
  }
  return worst;
}

/** The JS a first visit loads: the entry script and its modulepreloads, as index.html names them. */
function initialJs(dir: string): string[] {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
  ];
  return refs.map((m) => path.join(dir, m[1]));
}

const gzipKB = (files: string[]): number =>
  Math.round(files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 100) / 10;

export async function run(): Promise<Metric[]> {
  const dir = await buildApp();
  try {
    const all = jsFiles(dir);
    const initial = initialJs(dir);
    return [
      {
        name: 'bundle.jsGzipKB',
        value: gzipKB(initial),
        unit: 'kB',
        target: '< 150',
        better: 'lower',
        note: `what a first visit loads: ${initial.length} JS file(s) named by index.html, gzip -9, 1 kB = 1000 bytes`,
      },
      {
        name: 'bundle.allJsGzipKB',
        value: gzipKB(all),
        unit: 'kB',
        better: 'lower',
        note: `every JS file of the build (${all.length}), including views and the worker loaded on demand`,
      },
      {
        name: 'url.chars200Events',
        value: linkChars200(),
        unit: 'chars',
        target: '< 1000',
        better: 'lower',
        note: 'the fragment (#v1&...) of a random 8-CPU 200-event scenario, worst of 5 seeds; the page address adds its own length',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
