// The explorer's early stops: at the first violating depth (check --first, the Explore view's option),
// at the first violation (the gallery), and at a time limit.
import { describe, expect, it } from 'vitest';
import { GALLERY_MACHINE, galleryOptions, galleryVariants, VARIANTS } from '../../../src/engine';
import { CLASSIC_OPS, explore } from '../../../src/engine/explore';
import { findings, REFERENCE, reproduces } from './helpers';

const variant = (id: string) => VARIANTS.find((v) => v.id === id)!;

describe("stopAtViolation: 'depth'", () => {
  it('reports every violation whose shortest length is the first violating depth, and only those', () => {
    // no-ctxsync-bind breaks at several lengths on the reference machine (docs/explorer.md: 6 to 11).
    const v = variant('v4.18/no-ctxsync-bind');
    const full = explore(REFERENCE, v, { depth: 11, ops: CLASSIC_OPS });
    const first = explore(REFERENCE, v, { depth: 11, ops: CLASSIC_OPS, stopAtViolation: 'depth' });
    const all = findings(full);
    const shortest = Math.min(...all.values());
    const expected = new Map([...all].filter(([, len]) => len === shortest));
    expect(expected.size).toBeLessThan(all.size);
    expect(findings(first)).toEqual(expected);
    expect(first.stopped).toBe('violation');
    expect(first.complete).toBe(false);
    // Every sequence up to that length was explored, and nothing beyond.
    expect(first.exploredDepth).toBe(shortest);
    expect(first.states).toBeLessThan(full.states);
    for (const c of first.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
  });

  it('finds nothing in a clean space and ends as a complete search', () => {
    const r = explore(REFERENCE, variant('v4.18'), { depth: 9, ops: CLASSIC_OPS, stopAtViolation: 'depth' });
    expect(r).toMatchObject({ complete: true, stopped: null, exploredDepth: 9, violations: [] });
  });

  it('at the depth bound itself is an ordinary complete search', () => {
    const v = variant('v4.18/no-put-save');
    const plain = explore(REFERENCE, v, { depth: 7, ops: CLASSIC_OPS });
    const first = explore(REFERENCE, v, { depth: 7, ops: CLASSIC_OPS, stopAtViolation: 'depth' });
    expect(Math.min(...findings(plain).values())).toBe(7);
    expect(first).toMatchObject({ complete: true, stopped: null, exploredDepth: 7 });
    expect(findings(first)).toEqual(findings(plain));
  });

  it("finds each gallery bug at the gallery's length on the gallery machine", () => {
    // SVE bugs need an SVE machine: they are searched on the SVE gallery machine, not this one.
    for (const v of galleryVariants().filter((x) => !x.historic?.sve)) {
      const gallery = explore(GALLERY_MACHINE, v, galleryOptions(true));
      const first = explore(GALLERY_MACHINE, v, { depth: 16, stopAtViolation: 'depth' });
      expect(first.stopped, v.id).toBe('violation');
      const len = gallery.violations[0].events.length;
      expect(first.exploredDepth, v.id).toBe(len);
      expect(
        first.violations.every((c) => c.events.length === len),
        v.id,
      ).toBe(true);
      // The gallery's one is among them.
      expect(
        findings(first).get(`${gallery.violations[0].kind} ${gallery.violations[0].context}`),
        v.id,
      ).toBe(len);
    }
  }, 120_000);
});

describe('timeLimitMs', () => {
  it('stops at the first poll past the limit, incomplete, keeping what it found', () => {
    const r = explore(REFERENCE, variant('v4.18/no-neon-save'), { depth: 60, timeLimitMs: 1 });
    expect(r.stopped).toBe('time-limit');
    expect(r.complete).toBe(false);
    expect(r.exploredDepth).toBeLessThan(60);
    for (const c of r.violations) expect(c.events.length).toBeLessThanOrEqual(r.exploredDepth + 1);
  });

  it('leaves a search that ends in time alone', () => {
    const r = explore(REFERENCE, variant('v4.18'), { depth: 3, timeLimitMs: 3_600_000 });
    expect(r).toMatchObject({ complete: true, stopped: null });
  });
});
