// `fpsimd-viz gallery`: every historic variant is found on the gallery machine within the gallery
// depth, every era is clean there, and the machine can be written out for `check`.
import { describe, expect, it } from 'vitest';
import { galleryEntries, GALLERY_DEPTH, parseScenario } from '../../src/engine';
import { runCli } from './helpers';

describe('fpsimd-viz gallery', () => {
  it('finds every historic bug and reports every era clean (exit 0)', async () => {
    const r = await runCli(['gallery', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.format).toBe('fpsimd-gallery/1');
    expect(out.depth).toBe(GALLERY_DEPTH);
    // Every FPSIMD entry found as its own bug within the depth; each SVE entry reported with its verdict
    // (v4.18's two deep SVE bugs are beyond the depth: tests/cli/sve.test.ts).
    const entries = galleryEntries();
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
  }, 120_000); // one search per historic variant and per era

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
