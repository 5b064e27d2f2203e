import { describe, expect, it, vi } from 'vitest';
import { registerServiceWorker } from '../../src/offline/register';
import { serviceWorkerSource } from '../../src/offline/serviceWorker';

type Handler = (event: {
  waitUntil(p: Promise<unknown>): void;
  respondWith(p: Promise<unknown>): void;
  request?: unknown;
}) => void;

/** Runs the generated worker against a tiny fake of the service worker globals. */
function load(files: string[], version: string, online: boolean, varyOrigin = false) {
  const handlers: Record<string, Handler> = {};
  const stores = new Map<string, Map<string, string>>([
    ['fpsimd-viz-old', new Map()],
    ['other-app', new Map()],
  ]);
  // Relative URLs resolve against the worker's own address, as in a browser.
  const key = (req: unknown): string =>
    new URL(typeof req === 'string' ? req : (req as { url: string }).url, 'https://example.org/sub/sw.js')
      .href;
  const caches = {
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      const m = stores.get(name)!;
      return {
        addAll: async (urls: string[]) => urls.forEach((u) => m.set(key(u), `cached ${key(u)}`)),
        put: async (req: unknown, res: { body: string }) => void m.set(key(req), res.body),
      };
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    // With `Vary: Origin` on the stored responses, a match that does not ignore Vary misses.
    match: async (req: unknown, opts?: { ignoreVary?: boolean }) => {
      if (varyOrigin && !opts?.ignoreVary) return undefined;
      for (const m of stores.values()) if (m.has(key(req))) return { body: m.get(key(req)) };
      return undefined;
    },
  };
  const self = {
    location: { origin: 'https://example.org' },
    addEventListener: (type: string, h: Handler) => (handlers[type] = h),
    skipWaiting: vi.fn(async () => undefined),
    clients: { claim: vi.fn(async () => undefined) },
  };
  const fetchFn = async (req: { url: string }) => {
    if (!online) throw new TypeError('offline');
    return { ok: true, body: `fresh ${req.url}`, clone: () => ({ body: `fresh ${req.url}` }) };
  };
  const Response = { error: () => ({ error: true }) };
  new Function('self', 'caches', 'fetch', 'Response', serviceWorkerSource(files, version))(
    self,
    caches,
    fetchFn,
    Response,
  );
  const run = async (type: string, request?: unknown): Promise<unknown> => {
    let waited: Promise<unknown> = Promise.resolve();
    let response: Promise<unknown> | undefined;
    handlers[type]({ waitUntil: (p) => (waited = p), respondWith: (p) => (response = p), request });
    await waited;
    return response ? await response : undefined;
  };
  return { run, stores, self };
}

describe('service worker', () => {
  it('caches every file of the build at install, and drops older copies of this app only', async () => {
    const sw = load(['index.html', 'assets/a.js'], 'abc', true);
    await sw.run('install');
    expect([...sw.stores.get('fpsimd-viz-abc')!.keys()]).toEqual([
      'https://example.org/sub/',
      'https://example.org/sub/index.html',
      'https://example.org/sub/assets/a.js',
    ]);
    expect(sw.self.skipWaiting).toHaveBeenCalled();
    await sw.run('activate');
    expect([...sw.stores.keys()].sort()).toEqual(['fpsimd-viz-abc', 'other-app']);
    expect(sw.self.clients.claim).toHaveBeenCalled();
  });

  it('answers from the network when it can, from the copy when it cannot', async () => {
    const req = { method: 'GET', url: 'https://example.org/sub/assets/a.js', mode: 'no-cors' };
    const online = load(['assets/a.js'], 'v1', true);
    expect(await online.run('fetch', req)).toMatchObject({ body: `fresh ${req.url}` });
    const offline = load(['assets/a.js'], 'v1', false);
    await offline.run('install');
    expect(await offline.run('fetch', req)).toEqual({ body: `cached ${req.url}` });
    // A page navigation with nothing cached under its URL gets the app's index.
    const nav = { method: 'GET', url: 'https://example.org/sub/?x', mode: 'navigate' };
    expect(await offline.run('fetch', nav)).toEqual({ body: 'cached https://example.org/sub/' });
    expect(await offline.run('fetch', { ...req, url: 'https://example.org/sub/missing.js' })).toEqual({
      error: true,
    });
  });

  it('answers from the copy whatever Vary header the server sent', async () => {
    const sw = load(['assets/a.js'], 'v1', false, true);
    await sw.run('install');
    const req = { method: 'GET', url: 'https://example.org/sub/assets/a.js', mode: 'cors' };
    expect(await sw.run('fetch', req)).toEqual({ body: `cached ${req.url}` });
    const nav = { method: 'GET', url: 'https://example.org/sub/?x', mode: 'navigate' };
    expect(await sw.run('fetch', nav)).toEqual({ body: 'cached https://example.org/sub/' });
  });

  it('leaves other origins and non-GET requests alone', async () => {
    const sw = load([], 'v1', true);
    expect(
      await sw.run('fetch', { method: 'GET', url: 'https://other.example/x.js', mode: 'cors' }),
    ).toBeUndefined();
    expect(
      await sw.run('fetch', { method: 'POST', url: 'https://example.org/x', mode: 'cors' }),
    ).toBeUndefined();
  });
});

describe('registration', () => {
  it('registers ./sw.js next to the page and shrugs off a refusal', async () => {
    const register = vi.fn(() => Promise.reject(new Error('insecure')));
    registerServiceWorker({ serviceWorker: { register } } as unknown as Navigator);
    expect(register).toHaveBeenCalledWith('./sw.js');
    await Promise.resolve();
    expect(() => registerServiceWorker({} as Navigator)).not.toThrow();
  });
});
