// Label/value rows shared by CPU panels and context cards; a row the step changed is highlighted.
import { memo } from 'react';
import type { FieldRow } from '../../state/viewmodels/diagramModel';
import { ROW_H } from './layout';
import { hatchId } from './Patterns';

/** Rough advance of a character at the rows' 11.5 px sans-serif font (capitals and digits are wider). */
const charWidth = (c: string): number => (/[A-Z0-9_]/.test(c) ? 7.5 : c === ' ' ? 3.6 : 6.3);
export const textWidth = (s: string): number => [...s].reduce((sum, c) => sum + charWidth(c), 0);

/**
 * The width to squeeze a value into when it would run into its label (e.g. v6.15's
 * `fp_owner FP_STATE_GUEST_OWNED` on a card), else undefined: the text keeps its natural width.
 */
export function valueFit(label: string, value: string, w: number, bold = false): number | undefined {
  // A changed row is bold (about 12% wider), label and value alike.
  const k = bold ? BOLD : 1;
  const room = w - 16 - k * textWidth(label) - 10;
  return k * textWidth(value) > room ? Math.max(room, 24) : undefined;
}

const BOLD = 1.12;

export function Rows({
  rows,
  x,
  y,
  w,
  prefix = '',
}: {
  rows: FieldRow[];
  x: number;
  y: number;
  w: number;
  /** The diagram's definitions prefix (an SVE H row's hatching refers to it). */
  prefix?: string;
}) {
  return (
    <>
      {rows.map((r, i) => (
        <Row key={r.key} row={r} x={x} y={y + i * ROW_H} w={w} prefix={prefix} />
      ))}
    </>
  );
}

/** A row drawn at its top edge `y`, `w` wide, with the diagram's definitions prefix. */
interface RowProps {
  row: FieldRow;
  x: number;
  y: number;
  w: number;
  prefix: string;
}

/**
 * An SVE H row's band: hatched grey when dead by the ABI, hatched red when gone, with the label and
 * value on chips of the card's colour so that they stay readable over the hatching.
 */
function HatchBand({ row: r, x, y, w, prefix }: RowProps) {
  if (r.band !== 'dead' && r.band !== 'gone') return null;
  const value = valueText(r);
  const k = r.changed || r.band === 'gone' ? 1.12 : 1;
  const vw = Math.min(k * textWidth(value) + 8, w - 20);
  return (
    <>
      <rect
        className={r.band === 'gone' ? 'fv-hband fv-hband-gone' : 'fv-hband'}
        x={x + 2}
        y={y + 1}
        width={w - 4}
        height={ROW_H - 2}
        fill={`url(#${hatchId(prefix, r.band)})`}
      />
      <rect
        className="fv-band-chip"
        x={x + 5}
        y={y + 2}
        width={k * textWidth(r.label) + 6}
        height={ROW_H - 4}
      />
      <rect className="fv-band-chip" x={x + w - 12 - vw} y={y + 2} width={vw + 8} height={ROW_H - 4} />
    </>
  );
}

/** One row at its top edge `y`; memoised: the diagram model keeps an unchanged row's object. */
const Row = memo(function Row({ row: r, x, y, w, prefix }: RowProps) {
  return (
    <g
      className={`fv-row${r.changed ? ' fv-row-changed' : ''}${r.mark ? ' fv-row-marked' : ''}${r.band === 'gone' ? ' fv-row-gone' : ''}`}
      data-field={r.key}
      data-changed={r.changed || undefined}
      data-mark={r.mark}
      data-band={r.band}
    >
      {r.band && <HatchBand row={r} x={x} y={y} w={w} prefix={prefix} />}
      {r.mark && (
        <rect className="fv-mark-bg" x={x + 2} y={y + 1} width={w - 4} height={ROW_H - 2}>
          <title>{r.mark}</title>
        </rect>
      )}
      {/* Always in the DOM, not displayed unless the row changed (diagramCss.ts): a step that changes a
          row switches a class instead of React creating and removing elements. */}
      <rect className="fv-row-bg" x={x + 2} y={y + 1} width={w - 4} height={ROW_H - 2} />
      <path className="fv-change-mark" d={`M${x - 5},${y + 4} l6,5 l-6,5 z`} />
      <text x={x + 8} y={y + 13} className="fv-muted">
        {r.label}
      </text>
      <ValueText row={r} x={x + w - 8} y={y + 13} w={w} />
    </g>
  );
});

/** A row's value as drawn: `*` when the step changed it, ⚠ when marked or when its H is gone. */
function valueText(row: FieldRow): string {
  if (row.band === 'gone') return `⚠ ${row.value}${row.changed ? ' *' : ''}`;
  return row.changed ? `${row.value} *` : row.mark ? `⚠ ${row.value}` : row.value;
}

function ValueText({ row, x, y, w }: { row: FieldRow; x: number; y: number; w: number }) {
  const text = valueText(row);
  const fit = valueFit(row.label, text, w, row.changed);
  return (
    <text
      x={x}
      y={y}
      textAnchor="end"
      textLength={fit}
      lengthAdjust={fit === undefined ? undefined : 'spacingAndGlyphs'}
    >
      {text}
    </text>
  );
}
