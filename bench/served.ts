// A production build served on a free port with a headless Chromium to open it: what the in-browser
// bench groups (ui, explorer worker) share. close() stops both and removes the build.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { preview } from 'vite';
import { buildApp } from './groups/bundle.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface ServedApp {
  /** The page address, ending in `/`. */
  base: string;
  /** The build's directory. */
  dir: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveAppInChromium(extraArgs: readonly string[] = []): Promise<ServedApp> {
  const dir = await buildApp();
  const server = await preview({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--no-first-run', ...extraArgs],
  });
  const close = async (): Promise<void> => {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  };
  const base = server.resolvedUrls?.local[0];
  if (!base) {
    await close();
    throw new Error('the preview server has no address');
  }
  return { base, dir, browser, close };
}
