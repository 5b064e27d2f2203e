// The differential search (explore/differential.ts, `check --unlike`): against a base that reports
// nothing it finds exactly what the explorer finds (the same kinds, contexts and shortest lengths);
// against itself nothing; violations both report are no stop (v6.13/pre-d52d165d67c5 against v6.13,
// whose own bugs show at 7 events: the variant's own shows at 12); every report replays under both.
import { describe, expect, it } from 'vitest';
import { createMachine, replay, SVE_UP_KTHREAD_MACHINE, type Variant } from '../../../src/engine';
import { explore } from '../../../src/engine/explore';
import { exploreUnlike } from '../../../src/engine/explore/differential';
import { REFERENCE as ref } from './helpers';
import { variantNamed } from '../helpers';

const variant = variantNamed;
const summary = (vs: { kind: string; context: string | null; events: unknown[] }[]) =>
  vs.map((c) => `${c.kind} ${c.context} ${c.events.length}`).sort();

describe('the differential search', () => {
  it('against a base that reports nothing, finds what the explorer finds, at the same lengths', () => {
    for (const id of ['v4.18/no-load-fp-host']) {
      const opts = { depth: 8, dead: true } as const;
      const plain = explore(ref, variant(id), { ...opts, symmetry: 'off' });
      const unlike = exploreUnlike(ref, variant(id), variant('v4.18'), opts);
      expect(plain.violations.length, id).toBeGreaterThan(0);
      expect(summary(unlike.violations), id).toEqual(summary(plain.violations));
      expect(unlike.base).toBe('v4.18');
      expect(unlike.complete).toBe(true);
    }
  });

  it('finds nothing in a variant against itself, and explores to the depth', () => {
    const r = exploreUnlike(ref, variant('v4.18/no-put-save'), variant('v4.18/no-put-save'), { depth: 8 });
    expect(r.violations).toEqual([]);
    expect(r.exploredDepth).toBe(8);
  });

  it('goes on past violations both report: d52d165d67c5 found at 12 events, unlike v6.13', () => {
    const pre = variant('v6.13/pre-d52d165d67c5');
    const base = variant('v6.13');
    // The explorer alone stops at v6.13's own bugs, which the variant has too.
    const plain = explore(SVE_UP_KTHREAD_MACHINE, pre, { depth: 8, dead: true, stopAtViolation: 'depth' });
    expect(plain.violations[0].events.length).toBe(7);
    const r = exploreUnlike(SVE_UP_KTHREAD_MACHINE, pre, base, {
      depth: 13,
      dead: true,
      stopAtViolation: 'depth',
    });
    expect(r.stopped).toBe('violation');
    expect(summary(r.violations)).toEqual(['stale-read qemu 12']);
    const events = r.violations[0].events;
    const last = events.length - 1;
    const at = (v: Variant) =>
      replay(createMachine(SVE_UP_KTHREAD_MACHINE, v), events).violations.filter((x) => x.step === last);
    expect(at(pre).map((x) => x.kind)).toContain('stale-read');
    expect(at(base)).toEqual([]);
  }, 30_000);
});
