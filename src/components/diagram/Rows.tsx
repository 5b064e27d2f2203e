// Label/value rows shared by CPU panels and context cards; a row the step changed is highlighted.
import type { FieldRow } from '../../state/diagramModel';
import { ROW_H } from './layout';

export function Rows({ rows, x, y, w }: { rows: FieldRow[]; x: number; y: number; w: number }) {
  return (
    <>
      {rows.map((r, i) => (
        <g
          key={r.key}
          className={r.changed ? 'fv-row fv-row-changed' : 'fv-row'}
          data-field={r.key}
          data-changed={r.changed || undefined}
        >
          {r.changed && (
            <rect className="fv-row-bg" x={x + 2} y={y + i * ROW_H} width={w - 4} height={ROW_H} />
          )}
          <text x={x + 8} y={y + i * ROW_H + 13} className="fv-muted">
            {r.label}
          </text>
          <text x={x + w - 8} y={y + i * ROW_H + 13} textAnchor="end">
            {r.changed ? `${r.value} *` : r.value}
          </text>
        </g>
      ))}
    </>
  );
}
