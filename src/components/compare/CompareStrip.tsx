// One strip over all the steps: where the variants' register owners differ, and where each variant
// breaks the scenario (violations, or an event it cannot replay). The cursor is drawn across it;
// a click moves the cursor. The same facts are listed as text beside it.
import { scaleLinear } from 'd3';
import { memo, type MouseEvent } from 'react';
import { maxLength, type Compared } from '../../state/viewmodels/compareModel';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { markerPath, seriesStyle } from './series';

const W = 1000;
const LABEL_W = 190;
const ROW = 20;
const TOP = 4;
/** The step axis under the rows. */
const AXIS = 20;

/** Whole-step ticks along the axis. */
function StepAxis({ length, y }: { length: number; y: number }) {
  const x = stripScale(length);
  const steps = x.ticks(Math.min(10, Math.max(1, length))).filter((n) => Number.isInteger(n));
  return (
    <g className="cmp-strip-axis" data-row="axis" aria-hidden="true">
      <line x1={x(0)} x2={x(length)} y1={y} y2={y} />
      <text x={6} y={y + 12}>
        step
      </text>
      {steps.map((n) => (
        <g key={n} transform={`translate(${x(n).toFixed(1)},${y})`}>
          <line y2={4} />
          <text y={14} textAnchor="middle">
            {n}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Vertical ticks at the given steps as one path (thousands of steps stay one element). */
function ticks(steps: readonly number[], x: (n: number) => number, y: number): string {
  let d = '';
  for (const n of steps) d += `M${x(n).toFixed(1)},${y + 3}V${y + ROW - 3}`;
  return d;
}

/** Everything but the cursor: drawn once per comparison, not per step. */
const StripMarks = memo(function StripMarks({ items, diffs }: { items: Compared[]; diffs: number[] }) {
  const x = stripScale(maxLength(items));
  return (
    <>
      <g className="cmp-strip-row" data-row="owners">
        <rect x={0} y={TOP} width={W} height={ROW} className="cmp-strip-band" />
        <text x={6} y={TOP + ROW / 2} dy="0.32em">
          Register owners differ
        </text>
        <path d={ticks(diffs, x, TOP)} className="cmp-diff-ticks" data-count={diffs.length} />
      </g>
      {items.map((it, i) => {
        const y = TOP + ROW * (i + 1);
        const r = it.replay;
        return (
          <g
            key={it.variant.id}
            className={`cmp-strip-row ${seriesStyle(i).className}`}
            data-variant={it.variant.id}
          >
            <path
              d={markerPath(seriesStyle(i).marker, 40)}
              transform={`translate(12,${y + ROW / 2})`}
              className="cmp-marker"
            />
            <text x={24} y={y + ROW / 2} dy="0.32em">
              {it.variant.id}
            </text>
            <line x1={x(0)} x2={x(r.length)} y1={y + ROW / 2} y2={y + ROW / 2} className="cmp-strip-run" />
            {r.violations.map((v, k) => (
              <path
                key={k}
                d={markerPath('triangle', 70)}
                transform={`translate(${x(v.step + 1).toFixed(1)},${y + ROW / 2}) rotate(180)`}
                className="cmp-violation-mark"
                data-step={v.step + 1}
              />
            ))}
            {r.illegal && (
              <text x={x(r.length) + 4} y={y + ROW / 2} dy="0.32em" className="cmp-illegal-mark">
                ■ stops
              </text>
            )}
          </g>
        );
      })}
      <StepAxis length={maxLength(items)} y={TOP + ROW * (items.length + 1) + 2} />
    </>
  );
});

const stripScale = (length: number) =>
  scaleLinear()
    .domain([0, Math.max(1, length)])
    .range([LABEL_W + 6, W - 10]);

export function CompareStrip({
  items,
  diffs,
  cursor,
}: {
  items: Compared[];
  diffs: number[];
  cursor: number;
}) {
  const length = maxLength(items);
  const height = TOP * 2 + ROW * (items.length + 1) + AXIS;
  const x = stripScale(length);
  const onClick = (e: MouseEvent<SVGSVGElement>): void => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    const px = ((e.clientX - box.left) * W) / box.width;
    if (px < LABEL_W) return;
    const n = Math.round(x.invert(px));
    useScenarioStore.getState().setCursor(Math.max(0, Math.min(length, n)));
  };
  const cx = x(Math.min(cursor, length));
  const violationText = items
    .map((it) => `${it.variant.id}: ${it.replay.violations.length} violation(s)`)
    .join('; ');
  return (
    <svg
      className="cmp-strip"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label={`Steps where register ownership differs (${diffs.length}) and where violations happen (${violationText}).`}
      onClick={onClick}
    >
      <StripMarks items={items} diffs={diffs} />
      <line x1={cx} x2={cx} y1={0} y2={height} className="cmp-strip-cursor" />
    </svg>
  );
}
