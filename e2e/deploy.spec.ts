// Static deployment: `vite build` output served from a sub-path by a plain static server works, makes
// no request outside that sub-path, none fails, and works offline after the first load, every view
// included, also when the server sends `Vary: Origin` (as `vite preview` does).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, defaultExample } from './helpers';

const ROOT = path.join(import.meta.dirname, '..');
const SUB = '/some/sub/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

let dist = '';
let server: Server;
let origin = '';
/** The same build from a server that sends `Vary: Origin` with every file. */
let varyServer: Server;
let varyOrigin = '';

/** A static file server for `dir` under SUB, and nothing else (404 elsewhere). */
function serve(dir: string, headers: Record<string, string> = {}): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const rel = url.pathname.startsWith(SUB) ? decodeURIComponent(url.pathname.slice(SUB.length)) : null;
    const file = rel === null ? null : path.join(dir, rel === '' ? 'index.html' : rel);
    if (!file || !file.startsWith(dir + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ...headers,
    });
    res.end(readFileSync(file));
  });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dist = mkdtempSync(path.join(tmpdir(), 'fpsimd-viz-dist-'));
  const build = spawnSync(
    path.join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(build.status, build.stderr).toBe(0);
  server = serve(dist);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  varyServer = serve(dist, { vary: 'Origin' });
  await new Promise<void>((resolve) => varyServer.listen(0, '127.0.0.1', resolve));
  varyOrigin = `http://127.0.0.1:${(varyServer.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await new Promise((resolve) => varyServer?.close(resolve));
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** Every request the page makes, and the ones that failed or were refused. */
function watch(page: Page): { urls: string[]; failed: string[] } {
  const out = { urls: [] as string[], failed: [] as string[] };
  page.on('request', (r) => out.urls.push(r.url()));
  page.on('requestfailed', (r) => out.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) out.failed.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return out;
}

test('the build uses relative paths and keeps the engine sources out of the main bundle', () => {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  expect(refs.length).toBeGreaterThan(1);
  for (const ref of refs) expect(ref, 'a relative URL').toMatch(/^\.\//);
  const entry = /<script type="module" crossorigin src="\.\/([^"]+)"/.exec(html)?.[1];
  expect(entry).toBeTruthy();
  // A comment of the era modules: present only where their raw text is, the code pane's chunk.
  expect(readFileSync(path.join(dist, entry!), 'utf8')).not.toContain('Hold beside');
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  expect(/"assets\/CodePane-[^"]+\.js"/.test(sw), 'the offline copy lists the lazily loaded code pane').toBe(
    true,
  );
  // The raw sources sit in a chunk the code pane and the gallery share: listed for the offline copy,
  // loaded on demand (index.html names it nowhere).
  const listed = [...sw.matchAll(/"(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const raw = listed.filter((f) => readFileSync(path.join(dist, f), 'utf8').includes('Hold beside'));
  expect(raw.length, 'a lazily loaded chunk holds the engine sources').toBeGreaterThan(0);
  for (const f of raw) expect(html).not.toContain(f);
});

test('served from a sub-path, the default scenario renders and no request fails', async ({ page }) => {
  const errors = collectErrors(page);
  const net = watch(page);
  const sc = defaultExample();
  await page.goto(`${origin}${SUB}`);
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
  await expect(page.locator('svg[data-export="main"] .fv-cpu')).toHaveCount(sc.cpus);
  await page.getByRole('listbox', { name: /Events/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.step-count')).toContainText(`Step 1 of ${sc.events.length}`);
  // The lazily loaded parts come from the sub-path too.
  await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
  await expect(page.locator('.code-block').first()).toBeVisible();
  await page.getByRole('button', { name: 'Guided tours' }).click();
  await expect(page.locator('.tour-count')).toBeVisible();
  expect(net.failed).toEqual([]);
  for (const url of net.urls)
    expect(url.startsWith(`${origin}${SUB}`) || /^(data|blob):/.test(url), url).toBe(true);
  expect(errors).toEqual([]);
});

test('after the first load the app works offline', async ({ page, context }) => {
  const errors = collectErrors(page);
  const sc = defaultExample();
  await page.goto(`${origin}${SUB}`);
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  try {
    const res = await page.reload();
    expect(res?.fromServiceWorker(), 'the page comes from the offline copy').toBe(true);
    await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
    await expect(page.locator('svg[data-export="main"] .fv-cpu')).toHaveCount(sc.cpus);
    // Parts never opened online were cached at install.
    await page.getByRole('listbox', { name: /Events/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
    await expect(page.locator('.code-block').first()).toBeVisible();
    await page.getByRole('button', { name: 'Guided tours' }).click();
    await expect(page.locator('.tour-count')).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
  expect(errors).toEqual([]);
});

test('offline after one visit to a server sending Vary: Origin, every view opens', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  const sc = defaultExample();
  const first = await page.goto(`${varyOrigin}${SUB}`);
  expect(first?.headers().vary).toBe('Origin');
  await expect(page.getByRole('heading', { level: 2, name: sc.title })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  try {
    const res = await page.reload();
    expect(res?.fromServiceWorker(), 'the page comes from the offline copy').toBe(true);
    await expect(page.locator('svg[data-export="main"] .fv-cpu')).toHaveCount(sc.cpus);
    await page.getByRole('listbox', { name: /Events/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Show kernel code (reviewer mode)' }).click();
    await expect(page.locator('.code-block').first()).toBeVisible();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.locator('.cmp-table')).toBeVisible();
    await page.getByRole('button', { name: 'Explore', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Explore every event sequence' })).toBeVisible();
    // The explorer's worker comes from the offline copy too.
    await page.getByRole('spinbutton', { name: 'Depth' }).fill('3');
    await page.getByRole('spinbutton', { name: 'Depth' }).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Search finished.' })).toBeVisible();
    await page.getByRole('button', { name: 'Guided tours' }).click();
    await expect(page.locator('.tour-count')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'could not be shown' })).toHaveCount(0);
  } finally {
    await context.setOffline(false);
  }
  expect(errors).toEqual([]);
});
