import { describe, expect, it } from 'vitest';
import {
  CHART_W,
  MARGIN,
  chartGeometry,
  spreadLabels,
  valueAt,
} from '../../../src/components/compare/chartLayout';

const pts: [number, number][] = [
  [0, 0],
  [3, 1],
  [7, 4],
  [10, 4],
];

describe('chart layout', () => {
  it('reads a step function at any step', () => {
    expect([0, 2, 3, 6, 7, 9, 10, 12].map((n) => valueAt(pts, n))).toEqual([0, 0, 1, 1, 4, 4, 4, 4]);
  });

  it('spreads end labels apart in their order and inside the plot', () => {
    expect(spreadLabels([50, 50, 10], 0, 100)).toEqual([50, 62, 10]);
    expect(spreadLabels([100, 100, 100], 0, 100)).toEqual([76, 88, 100]);
    expect(spreadLabels([], 0, 100)).toEqual([]);
  });

  it('draws step curves across the plot with the cursor and its values', () => {
    const g = chartGeometry(
      [
        { id: 'a', label: 'a', points: pts },
        {
          id: 'b',
          label: 'b',
          points: [
            [0, 0],
            [10, 0],
          ],
        },
      ],
      10,
    );
    const [a] = g.series;
    const at = g.cursorAt(5);
    expect(a.d).toMatch(/^M36,126(H|L)/);
    // A step curve: horizontal then vertical segments only.
    expect(a.d.replace(/^M[\d.,]+/, '')).toMatch(/^([HV][\d.]+|L[\d.]+,[\d.]+)+$/);
    expect(a.end.x).toBe(g.plot.right);
    expect(g.plot.left).toBe(MARGIN.left);
    expect(at.marks.map((m) => m.value)).toEqual([1, 0]);
    expect(at.x).toBeCloseTo((g.plot.left + g.plot.right) / 2, 1);
    expect(g.cursorAt(99).marks.map((m) => m.value)).toEqual([4, 0]);
    expect(g.yTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(g.stepAt(at.x)).toBe(5);
    expect(g.stepAt(-100)).toBe(0);
    expect(g.stepAt(1e6)).toBe(10);
  });

  it('makes room at the right for long end labels, within bounds', () => {
    const plotRight = (label: string): number =>
      chartGeometry([{ id: label, label, points: pts }], 10).plot.right;
    expect(plotRight('v4.18')).toBe(CHART_W - 60);
    expect(plotRight('no-thread-switch-cpu-check')).toBeLessThan(plotRight('no-put-save'));
    expect(plotRight('x'.repeat(200))).toBe(CHART_W - 180);
  });
});
