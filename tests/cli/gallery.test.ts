// `fpsimd-viz gallery`: every historic variant and release bug is found as its own within its entry's
// depth, every era is clean on its gallery machine, and the machine can be written out for `check`.
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
    // Every entry found as its own bug within its depth: the FPSIMD ones on the gallery machine, the
    // SVE ones on their own machine and fixed base (src/engine/sveGallery.ts), v6.13/pre-d52d165d67c5
    // by the differential search against v6.13 (check --unlike).
    const entries = galleryEntries();
    const sveVerdicts = Object.fromEntries(
      out.bugs
        .filter((_b: unknown, i: number) => entries[i].sve && !entries[i].releaseBug)
        .map((b: { variant: string; verdict: string }) => [b.variant, b.verdict]),
    );
    expect(sveVerdicts).toEqual({
      'v4.18/pre-2955bcc8c309': 'found',
      'v4.18/pre-b3eb56b629d1': 'found',
      'v6.13/pre-751ecf6afd65+49ce484187f7+398edaa12f9c': 'found',
      'v6.13/pre-61da7c8e2a60+49ce484187f7': 'found',
      'v6.13/pre-b017a0cea627+49ce484187f7': 'found',
      'v6.13/pre-d52d165d67c5': 'found',
    });
    expect(out.sveEras.map((e: { variant: string }) => e.variant)).toEqual(sveCleanEras().map((v) => v.id));
    expect(out.bugs.map((b: { variant: string }) => b.variant)).toEqual(entries.map((e) => e.variant.id));
    type Bug = { variant: string; verdict: string; shortest: { events: unknown[] } | null };
    out.bugs.forEach((b: Bug, i: number) => {
      expect(b.verdict, b.variant).toBe('found');
      expect(b.shortest, b.variant).not.toBeNull();
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
