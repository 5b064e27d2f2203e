import { linkVertical, scaleBand } from 'd3';
import { describe, expect, it } from 'vitest';
import { CARD_W, diagramLayout, GAP, PAD, pointerPath } from '../../../src/components/diagram/layout';

// The layout writes out d3's band scale and vertical link (to keep d3 off the first load): it must give
// the same numbers and the same path text.
describe('diagram layout', () => {
  const band = (n: number, range: [number, number]) =>
    scaleBand<number>()
      .domain(Array.from({ length: n }, (_, i) => i))
      .range(range)
      .paddingInner(GAP / (CARD_W + GAP));

  it.each([
    [1, 1],
    [1, 5],
    [2, 3],
    [3, 9],
    [4, 4],
    [8, 12],
  ])('places %i CPUs and %i contexts where d3 scaleBand would', (nCpus, nContexts) => {
    const l = diagramLayout(nCpus, 3, nContexts, 5);
    const inner = l.width - 2 * PAD;
    const span = nCpus * CARD_W + (nCpus - 1) * GAP;
    const cpuBand = band(nCpus, [PAD + (inner - span) / 2, PAD + (inner + span) / 2]);
    const cols = Math.round((inner + GAP) / (CARD_W + GAP));
    const colBand = band(cols, [PAD, l.width - PAD]);
    l.cpus.forEach((b, i) => expect(b.x).toBe(cpuBand(i)));
    l.contexts.forEach((b, i) => expect(b.x).toBe(colBand(i % cols)));
  });

  it('draws the pointer as d3 linkVertical does', () => {
    const l = diagramLayout(3, 3, 7, 5);
    const link = linkVertical<{ source: [number, number]; target: [number, number] }, [number, number]>();
    for (const [from, to] of [
      [l.cpus[0], l.contexts[6]],
      [l.cpus[2], l.contexts[0]],
      [l.cpus[1], l.contexts[1]],
    ]) {
      const source: [number, number] = [from.x + from.w / 2, from.y + l.pointerY + 26];
      const target: [number, number] = [to.x + to.w / 2, to.y - 6];
      expect(pointerPath(from, l.pointerY, to)).toBe(link({ source, target }));
    }
  });
});
