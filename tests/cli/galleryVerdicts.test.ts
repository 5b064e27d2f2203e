// `fpsimd-viz gallery`'s exit status: every entry, SVE ones included, must be found as its own bug and
// every era claimed clean be clean; each failure is one line naming the entry or era and what was found
// (src/cli/galleryVerdicts.ts). The gallery's searches themselves run in tests/cli/gallery.test.ts.
import { describe, expect, it } from 'vitest';
import { galleryFailures, type VerdictRow } from '../../src/cli/galleryVerdicts';
import { GALLERY_HELP } from '../../src/cli/gallery';

const row = (over: Partial<VerdictRow>): VerdictRow => ({
  id: 'v4.18/pre-b045e4d0f392',
  verdict: 'found',
  depth: 8,
  sve: false,
  base: 'v4.18',
  ...over,
});

describe('the gallery fails on', () => {
  it('nothing when every entry is found and every era clean', () => {
    expect(galleryFailures([row({}), row({ id: 'v6.13/pre-d52d165d67c5', sve: true })], [])).toEqual([]);
  });

  it('an SVE entry not found within its depth, or found only as its base\u2019s bug', () => {
    const out = galleryFailures(
      [
        row({ id: 'v4.18/pre-b3eb56b629d1', verdict: 'not-found', depth: 15, sve: true }),
        row({ id: 'v6.13/pre-d52d165d67c5', verdict: 'era-bug-only', depth: 13, sve: true, base: 'v6.13' }),
      ],
      [],
    );
    expect(out).toEqual([
      'SVE entry v4.18/pre-b3eb56b629d1: no violation within its depth of 15 events',
      "SVE entry v6.13/pre-d52d165d67c5: found only violations v6.13 reports too (not this fix's bug) within 13 events",
    ]);
  });

  it('an FPSIMD entry not found, and an era claimed clean that is not', () => {
    const out = galleryFailures(
      [row({ verdict: 'not-found' })],
      [{ id: 'v6.16+128a7494a9f1+5cbb61bf4168', violations: 2, depth: 8, sve: true }],
    );
    expect(out).toEqual([
      'entry v4.18/pre-b045e4d0f392: no violation within its depth of 8 events',
      'SVE era v6.16+128a7494a9f1+5cbb61bf4168: 2 violation(s) within 8 events, claimed clean',
    ]);
  });

  it('says so in its help', () => {
    expect(GALLERY_HELP).toContain('every entry, FPSIMD and SVE, is found as its own bug');
  });
});
