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

/** Serves a built app's directory on a free port; close() stops the server (the directory stays). */
export async function serveDir(dir: string): Promise<{ base: string; close(): Promise<void> }> {
  const server = await preview({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const close = (): Promise<void> => new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  const base = server.resolvedUrls?.local[0];
  if (!base) {
    await close();
    throw new Error(`the preview server of ${dir} has no address`);
  }
  return { base, close };
}

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--no-first-run', ...extraArgs],
  });
}

export async function serveAppInChromium(extraArgs: readonly string[] = []): Promise<ServedApp> {
  const dir = await buildApp();
  let server;
  try {
    server = await serveDir(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const browser = await launchChromium(extraArgs);
  const close = async (): Promise<void> => {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { base: server.base, dir, browser, close };
}
