// Small multiples: one chart per counter, cumulative per step, one line per compared variant (colour,
// dash, marker and name), the shared cursor drawn across all of them. A click moves the cursor.
import { useMemo, type MouseEvent } from 'react';
import { COUNTER_NAMES, type Counters } from '../../engine';
import { counterSeries, maxLength, type Compared } from '../../state/viewmodels/compareModel';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { chartGeometry, MARGIN } from './chartLayout';
import { COUNTER_LABEL } from './labels';
import { markerPath, seriesStyle } from './series';
import { Swatch } from './Swatch';

/** An ablation's end label drops its era (`no-put-save`): the legend and captions give the full id. */
export const endLabel = (id: string): string => (id.includes('/') ? id.slice(id.indexOf('/') + 1) : id);

interface ChartProps {
  counter: keyof Counters;
  items: Compared[];
  cursor: number;
  length: number;
}

function Chart({ counter, items, cursor, length }: ChartProps) {
  const series = useMemo(
    () =>
      items.map((it) => ({
        id: it.variant.id,
        label: endLabel(it.variant.id),
        points: counterSeries(it.replay, counter),
      })),
    [items, counter],
  );
  const g = useMemo(() => chartGeometry(series, length), [series, length]);
  const at = g.cursorAt(cursor);
  const label = COUNTER_LABEL[counter];
  const summary = g.series
    .map(
      (s, i) =>
        `${s.id} (${seriesStyle(i).words}) ${at.marks[i].value}, ${series[i].points.at(-1)?.[1]} at the end`,
    )
    .join('; ');
  const onClick = (e: MouseEvent<SVGSVGElement>): void => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    useScenarioStore.getState().setCursor(g.stepAt(((e.clientX - box.left) * g.width) / box.width));
  };
  return (
    <figure className="cmp-chart" data-counter={counter}>
      <figcaption>
        <strong>{label}</strong>{' '}
        <span className="hint">
          after step {cursor}:{' '}
          {g.series.map((s, i) => (
            <span key={s.id} className="cmp-value">
              {i > 0 && ' · '}
              {s.id} <b>{at.marks[i].value}</b>
            </span>
          ))}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-label={`${label}, cumulative per step. After step ${cursor}: ${summary}.`}
        onClick={onClick}
      >
        <g className="cmp-axis" aria-hidden="true">
          {g.yTicks.map((t) => (
            <g key={t.label}>
              <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} className="cmp-grid" />
              <text x={g.plot.left - 4} y={t.y} dy="0.32em" textAnchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {g.xTicks.map((t) => (
            <text key={t.label} x={t.x} y={g.plot.bottom + 14} textAnchor="middle">
              {t.label}
            </text>
          ))}
          <text x={g.width - 2} y={g.plot.bottom + 14} textAnchor="end" className="cmp-axis-title">
            step
          </text>
          <line
            x1={g.plot.left}
            x2={g.plot.right}
            y1={g.plot.bottom}
            y2={g.plot.bottom}
            className="cmp-baseline"
          />
        </g>
        {g.series.map((s, i) => {
          const st = seriesStyle(i);
          return (
            <g key={s.id} className={`cmp-series ${st.className}`} data-variant={s.id}>
              <path d={s.d} className="cmp-line" strokeWidth={st.width} strokeDasharray={st.dash} />
              <path
                d={markerPath(st.marker)}
                transform={`translate(${s.end.x},${s.end.y})`}
                className="cmp-marker"
              />
              <text x={g.plot.right + 8} y={s.labelY} dy="0.32em" className="cmp-end-label">
                {s.label}
              </text>
            </g>
          );
        })}
        <g className="cmp-cursor" aria-hidden="true">
          <line x1={at.x} x2={at.x} y1={MARGIN.top - 6} y2={g.plot.bottom} />
          {g.series.map((s, i) => (
            <path
              key={s.id}
              d={markerPath(seriesStyle(i).marker, 30)}
              transform={`translate(${at.marks[i].x},${at.marks[i].y})`}
              className={`cmp-cursor-dot ${seriesStyle(i).className}`}
            />
          ))}
        </g>
      </svg>
    </figure>
  );
}

export function CompareCharts({ items, cursor }: { items: Compared[]; cursor: number }) {
  const length = maxLength(items);
  return (
    <section className="panel cmp-charts" aria-labelledby="cmp-charts-heading">
      <h2 id="cmp-charts-heading">Counters per step</h2>
      <ul className="cmp-legend" aria-label="Lines">
        {items.map((it, i) => (
          <li key={it.variant.id}>
            <Swatch slot={i} /> {it.variant.id} <span className="hint">({seriesStyle(i).words})</span>
          </li>
        ))}
      </ul>
      <div className="cmp-chart-grid">
        {COUNTER_NAMES.map((k) => (
          <Chart key={k} counter={k} items={items} cursor={cursor} length={length} />
        ))}
      </div>
    </section>
  );
}
