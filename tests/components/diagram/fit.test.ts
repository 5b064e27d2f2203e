import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrangements, chooseFit, MAX_SCALE, MIN_SCALE } from '../../../src/components/diagram/fit';
import { CARD_W, diagramLayout, layoutPointer, PAD } from '../../../src/components/diagram/layout';

// The diagram's arrangement and scale for its box: readable text (11 CSS px: 96% of the 11.5-unit rows)
// unless the user fits a too-wide diagram to the width, whole in the box when it fits so.
describe('diagram fit', () => {
  const dims = (nCpus: number, nContexts: number) => ({ nCpus, cpuRows: 4, nContexts, ctxRows: 5 });

  it('puts a two-CPU diagram in one column on a phone, readable, the page scrolling', () => {
    const f = chooseFit(dims(2, 4), { w: 352, h: null });
    expect(f.arrangement).toEqual({ kind: 'stacked' });
    expect(f.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(f.layout.width * f.scale).toBeLessThanOrEqual(352);
  });

  it('offers one column for many CPUs only where no grid can be read', () => {
    expect(arrangements(dims(8, 23), 732).some((a) => a.kind === 'stacked')).toBe(false);
    expect(arrangements(dims(8, 23), 352).some((a) => a.kind === 'stacked')).toBe(true);
    expect(arrangements(dims(2, 3), 1200).some((a) => a.kind === 'stacked')).toBe(true);
  });

  it('draws a diagram too wide for any readable arrangement at the readable scale, scrolling', () => {
    const f = chooseFit(dims(8, 23), { w: 732, h: 700 });
    expect(f.scale).toBe(MIN_SCALE);
    expect(f.scrolls).toBe(true);
    // "Fit to width" on it: the whole width, smaller text.
    const fitted = chooseFit(dims(8, 23), { w: 732, h: 700 }, () => 0, true);
    expect(fitted.layout.width * fitted.scale).toBeCloseTo(732);
  });

  it('takes fewer columns (more rows) where one row of cards would make the text too small', () => {
    // One row of four cards would be drawn at 77%: three columns fit whole at 103%.
    const f = chooseFit(dims(2, 4), { w: 740, h: 600 });
    expect(f.arrangement).toEqual({ kind: 'grid', cols: 3 });
    expect(f.scrolls).toBe(false);
    expect(f.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(f.layout.height * f.scale).toBeLessThanOrEqual(600 + 1e-6);
  });

  it('never draws text under 11 px, and a diagram said to fit lies inside its box', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 280, max: 2000 }),
        fc.option(fc.integer({ min: 150, max: 1200 })),
        (nCpus, nContexts, w, h) => {
          const f = chooseFit(dims(nCpus, nContexts), { w, h });
          expect(f.scale).toBeGreaterThanOrEqual(MIN_SCALE);
          expect(f.scale).toBeLessThanOrEqual(MAX_SCALE);
          if (!f.scrolls) {
            expect(f.layout.width * f.scale).toBeLessThanOrEqual(w + 1e-6);
            if (h !== null) expect(f.layout.height * f.scale).toBeLessThanOrEqual(h + 1e-6);
          }
        },
      ),
    );
  });

  it('stacks CPUs then cards in one column, no two overlapping, each arrow in a lane at the right', () => {
    const l = diagramLayout(2, 4, 5, 5, { kind: 'stacked' });
    const boxes = [...l.cpus, ...l.contexts];
    boxes.forEach((b) => expect(b.x).toBe(PAD));
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i].y).toBeGreaterThan(boxes[i - 1].y + boxes[i - 1].h);
    expect(l.height).toBeGreaterThan(boxes[boxes.length - 1].y + boxes[boxes.length - 1].h);
    for (const cpu of [0, 1]) {
      const xs = [...layoutPointer(l, cpu, 4).matchAll(/[HM](\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
      // Out of the CPU's right edge, along its lane, into the card's right edge: never across a card.
      const lane = Math.max(...xs);
      expect(lane).toBeGreaterThan(PAD + CARD_W);
      expect(lane).toBeLessThan(l.width);
    }
  });
});
