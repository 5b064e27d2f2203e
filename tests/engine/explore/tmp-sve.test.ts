import { it } from 'vitest';
import { VARIANTS, SVE_GALLERY_MACHINE } from '../../../src/engine';
import { explore } from '../../../src/engine/explore';
it('runs', () => {
  const v = VARIANTS.find((x) => x.id === 'v6.16')!;
  for (const d of [8, 9, 10, 11]) {
    const a = explore(SVE_GALLERY_MACHINE, v, { depth: d, dead: true, symmetry: 'cpus', stopAtViolation: false });
    console.log('v6.16', d, a.states, a.seconds.toFixed(2), a.violations.length, a.exhausted);
  }
}, 1800000);
