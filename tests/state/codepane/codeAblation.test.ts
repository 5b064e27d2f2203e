import { describe, expect, it } from 'vitest';
import { findVariant } from '../../../src/engine';
import { EXAMPLES } from '../../../src/scenarios';
import { ablationVariantId, rerunWithout } from '../../../src/state/codepane/codeAblation';

const sc = EXAMPLES.find((e) => e.id === 'guest-first-fp')!.scenario;
const v418 = findVariant('v4.18')!.era;

describe('re-run without a statement', () => {
  it('names the variant after the era and the statement', () => {
    expect(ablationVariantId(v418, 'put-flush')).toBe('v4.18/no-put-flush');
  });

  it('finds where the scenario first goes wrong (as the CLI does: a leak of qemu at event 11)', () => {
    const run = rerunWithout(sc, v418, 'put-flush');
    expect(run).toMatchObject({
      ok: true,
      variant: 'v4.18/no-put-flush',
      steps: sc.events.length,
      stoppedAt: null,
      first: { step: 11, kind: 'leak', context: 'qemu', cpu: 0 },
    });
  });

  it('says so when the scenario does not go wrong without it', () => {
    // No kernel-mode NEON in this scenario: kernel_neon_begin()'s save never matters.
    const run = rerunWithout(sc, v418, 'neon-save');
    expect(run).toEqual({ ok: true, variant: 'v4.18/no-neon-save', first: null, steps: 12, stoppedAt: null });
  });

  it('refuses a statement the era cannot remove', () => {
    expect(rerunWithout(sc, v418, 'no-such')).toEqual({
      ok: false,
      message: 'v4.18 has no ablation named "no-such".',
    });
    expect(rerunWithout(sc, findVariant('mainline')!.era, 'put-flush').ok).toBe(false);
  });
});
