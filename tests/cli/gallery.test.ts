// `fpsimd-viz gallery`: every historic variant is found on the gallery machine within the gallery
// depth, every era is clean there, and the machine can be written out for `check`.
import { describe, expect, it } from 'vitest';
import { galleryEntries, GALLERY_DEPTH, parseScenario, sveCleanEras } from '../../src/engine';
import { runCli } from './helpers';

describe('fpsimd-viz gallery', () => {
  it('finds every historic bug and reports every era clean (exit 0)', async () => {
    const r = await runCli(['gallery', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.format).toBe('fpsimd-gallery/1');
    expect(out.depth).toBe(GALLERY_DEPTH);
    // Every FPSIMD entry found as its own bug within the depth; every SVE one too, on its fixed base
    // (src/engine/sveGallery.ts), but v6.13/pre-d52d165d67c5 (v6.13's own fbc7e61195e2 runs through the
    // same vcpu load and put: found first) and v4.18's two (12 and 14 events, beyond the depth).
    const entries = galleryEntries();
    const sveVerdicts = Object.fromEntries(
      out.bugs
        .filter((_b: unknown, i: number) => entries[i].sve && !entries[i].releaseBug)
        .map((b: { variant: string; verdict: string }) => [b.variant, b.verdict]),
    );
    expect(sveVerdicts).toEqual({
      'v4.18/pre-2955bcc8c309': 'not-found',
      'v4.18/pre-b3eb56b629d1': 'not-found',
      'v6.13/pre-751ecf6afd65+49ce484187f7+398edaa12f9c': 'found',
      'v6.13/pre-61da7c8e2a60+49ce484187f7': 'found',
      'v6.13/pre-b017a0cea627+49ce484187f7': 'found',
      'v6.13/pre-d52d165d67c5': 'era-bug-only',
    });
    out.bugs.forEach((b: { verdict: string }, i: number) => {
      if (entries[i].releaseBug) expect(b.verdict).toBe('found');
    });
    expect(out.sveEras.map((e: { variant: string }) => e.variant)).toEqual(sveCleanEras().map((v) => v.id));
    expect(out.bugs.map((b: { variant: string }) => b.variant)).toEqual(entries.map((e) => e.variant.id));
    type Bug = { variant: string; verdict: string; shortest: { events: unknown[] } | null };
    out.bugs.forEach((b: Bug, i: number) => {
      if (!entries[i].sve) expect(b.verdict, b.variant).toBe('found');
      expect(['found', 'era-bug-only', 'not-found']).toContain(b.verdict);
      expect(b.verdict === 'not-found').toBe(b.shortest === null);
      if (b.shortest) expect(b.shortest.events.length).toBeLessThanOrEqual(entries[i].depth);
    });
    expect(entries.filter((e) => !e.sve).every((e) => e.depth === GALLERY_DEPTH)).toBe(true);
    for (const e of [...out.eras, ...(out.sveEras ?? [])]) expect(e.violations, e.variant).toBe(0);
  }, 300_000); // one search per historic variant and per era

  it('writes the gallery machine as a scenario file that parses', async () => {
    const r = await runCli(['gallery', '--machine']);
    expect(r.code).toBe(0);
    expect(parseScenario(r.out).ok).toBe(true);
  });

  it('names the historic variants when --variant is not one', async () => {
    const r = await runCli(['gallery', '--variant', 'v4.18']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a historic variant');
    expect(r.err).toContain('v4.18/pre-b045e4d0f392');
  });
});
