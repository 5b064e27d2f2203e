// Geometry of one small chart of the compare view: a cumulative counter per step, one step curve per
// variant, labels at the line ends kept apart, and the cursor. d3 gives scales and paths; React draws.
import { curveStepAfter, line, scaleLinear } from 'd3';

export const CHART_W = 340;
export const CHART_H = 150;
export const MARGIN = { top: 12, bottom: 24, left: 36 };
/** Room for the end labels: their estimated width (9 px bold text), within these bounds. */
const LABEL_CHAR_W = 5.8;
const RIGHT_MIN = 60;
const RIGHT_MAX = 180;
/** Minimum vertical distance between two end labels. */
const LABEL_GAP = 12;

export interface SeriesInput {
  id: string;
  /** The name written at the line's end. */
  label: string;
  /** Change points [step, value] of a step function, first at step 0 (see compareModel.counterSeries). */
  points: readonly [number, number][];
}

export interface SeriesGeometry {
  id: string;
  label: string;
  d: string;
  end: { x: number; y: number };
  labelY: number;
}

/** A series' value after `cursor` events (its last value past its end) and where it is drawn. */
export interface CursorMark {
  x: number;
  y: number;
  value: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  series: SeriesGeometry[];
  /** Step under a horizontal position (for clicks on the chart). */
  stepAt(x: number): number;
  /** The cursor's line and each series' mark: cheap, so a step redraws only these. */
  cursorAt(cursor: number): { x: number; marks: CursorMark[] };
}

/** The step function's value at step n: the last change point at or before n. */
export function valueAt(points: readonly [number, number][], n: number): number {
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid][0] <= n) lo = mid;
    else hi = mid - 1;
  }
  return points[lo][1];
}

/** Spreads labels wanted at `ys` at least LABEL_GAP apart inside [top, bottom], keeping their order. */
export function spreadLabels(ys: readonly number[], top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + LABEL_GAP);
  const over = placed.length ? placed[placed.length - 1] - bottom : 0;
  if (over > 0) for (let k = 0; k < placed.length; k++) placed[k] -= over;
  for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k], top);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = placed[k]));
  return out;
}

/** The chart without its cursor: computed once per replay, whatever the cursor does. */
export function chartGeometry(series: readonly SeriesInput[], length: number): ChartGeometry {
  const longest = Math.max(0, ...series.map((s) => s.label.length));
  const right = Math.min(RIGHT_MAX, Math.max(RIGHT_MIN, 14 + longest * LABEL_CHAR_W));
  const plot = {
    left: MARGIN.left,
    right: CHART_W - right,
    top: MARGIN.top,
    bottom: CHART_H - MARGIN.bottom,
  };
  const ends = series.map((s) => s.points[s.points.length - 1]);
  // Cumulative counters never fall: a series' last value is its largest.
  const maxValue = Math.max(1, ...ends.map((p) => p[1]));
  const x = scaleLinear()
    .domain([0, Math.max(1, length)])
    .range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, maxValue]).nice().range([plot.bottom, plot.top]);
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))
    .curve(curveStepAfter)
    .digits(1);
  const labelYs = spreadLabels(
    ends.map((p) => y(p[1])),
    plot.top,
    plot.bottom,
  );
  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    width: CHART_W,
    height: CHART_H,
    plot,
    xTicks: x.ticks(Math.min(5, Math.max(1, length))).map((t) => ({ x: round(x(t)), label: String(t) })),
    yTicks: y
      .ticks(4)
      .filter(Number.isInteger)
      .map((t) => ({ y: round(y(t)), label: String(t) })),
    series: series.map((s, i) => ({
      id: s.id,
      label: s.label,
      d: path(s.points as [number, number][]) ?? '',
      end: { x: round(x(ends[i][0])), y: round(y(ends[i][1])) },
      labelY: round(labelYs[i]),
    })),
    stepAt: (px) => Math.max(0, Math.min(length, Math.round(x.invert(px)))),
    cursorAt: (cursor) => ({
      x: round(x(Math.min(cursor, length))),
      marks: series.map((s, i) => {
        const value = valueAt(s.points, cursor);
        return { x: round(x(Math.min(cursor, ends[i][0]))), y: round(y(value)), value };
      }),
    }),
  };
}
