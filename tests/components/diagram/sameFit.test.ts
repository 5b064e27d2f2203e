// A box resized without changing the diagram's arrangement or scale keeps its fit (no card re-renders);
// any other change is a new fit.
import { describe, expect, it } from 'vitest';
import { chooseFit, sameFit } from '../../../src/components/diagram/fit';

const dims = { nCpus: 8, cpuRows: 3, nContexts: 23, ctxRows: 3 };

describe('sameFit', () => {
  it('holds for a box a few pixels shorter when the width decides the scale', () => {
    const a = chooseFit(dims, { w: 697, h: 641 });
    const b = chooseFit(dims, { w: 697, h: 617 });
    expect(a).not.toBe(b);
    expect(sameFit(a, b)).toBe(true);
  });

  it('fails when the scale, the arrangement or the machine differs', () => {
    // 2000 px wide: whole and a little larger than natural; 1800: readable at 96%, scrolling.
    const a = chooseFit(dims, { w: 2000, h: 1500 });
    expect(sameFit(a, chooseFit(dims, { w: 1800, h: 1500 }))).toBe(false);
    expect(sameFit(a, chooseFit({ ...dims, nContexts: 24 }, { w: 2000, h: 1500 }))).toBe(false);
    expect(sameFit(a, null)).toBe(false);
    expect(sameFit(null, null)).toBe(true);
  });
});
