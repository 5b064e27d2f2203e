// The registry of link parameters (linkRegistry.ts) is complete: each owner writes exactly the
// parameters listed for it, no parameter has two owners, and no store registers itself when imported.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCodeStore } from '../../../src/state/stores/codeStore';
import { useExploreStore } from '../../../src/state/stores/exploreStore';
import { useGalleryStore } from '../../../src/state/stores/galleryStore';
import { galleryEntries } from '../../../src/state/viewmodels/galleryModel';
import { VIEWS } from '../../../src/state/stores/views';
import { LINK_PARAM_OWNERS, type LinkParamProvider } from '../../../src/state/links/linkRegistry';

const provider = async (p: LinkParamProvider | (() => Promise<LinkParamProvider>)) =>
  typeof p === 'function' ? p() : p;

describe('link parameter registry', () => {
  it('lists for each owner exactly the parameters it writes', async () => {
    useCodeStore.getState().setOpen(true);
    useGalleryStore.setState({ entry: galleryEntries()[0].id });
    useExploreStore.setState({
      variant: 'v4.17',
      symmetry: true,
      dead: true,
      cpus: true,
      first: true,
      timeLimit: 5,
      held: true,
    });
    for (const o of Object.values(LINK_PARAM_OWNERS)) {
      const p = await provider(o.provider);
      const written = new Set(VIEWS.flatMap((v) => Object.keys(p.read(v.id))));
      expect([...written].sort()).toEqual([...o.params].sort());
    }
    useCodeStore.getState().setOpen(false);
  });

  it('gives each parameter one owner', () => {
    const all = Object.values(LINK_PARAM_OWNERS).flatMap((o) => o.params);
    expect(new Set(all).size).toBe(all.length);
  });

  it('is the only place owners are registered (no store registers on import)', () => {
    const src = path.join(import.meta.dirname, '../../../src');
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((n) => {
        const p = path.join(d, n);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
      });
    const callers = files(src)
      .filter((f) => /registerLinkParams\(/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(src, f));
    expect(callers).toEqual(['state/links/linkParams.ts']);
  });
});
