// The legend, drawn in the SVG under the cards so that an exported image explains itself: every owner
// the replay shows at some step (colour and texture; the list holds still while stepping), and every
// other mark the diagram uses.
import { memo, type CSSProperties } from 'react';
import type { OwnerStyle } from '../../state/viewmodels/ownerStyle';
import { SCRATCH_INDEX } from '../../state/viewmodels/diagramModel';
import { CARD_W, GAP, PAD, svgSize, type DiagramZoom } from './layout';
import { DIAGRAM_CSS } from './diagramCss';
import { patternId } from './owners';
import { DiagramDefs, hatchId, useDefsPrefix } from './Patterns';

type Mark =
  | 'owner'
  | 'newest'
  | 'stale'
  | 'empty'
  | 'changed'
  | 'violation'
  | 'arrow'
  | 'checker'
  | 'hband'
  | 'hdead'
  | 'hgone'
  | 'text';

export interface LegendEntry {
  key: string;
  mark: Mark;
  text: string;
  /** For owners: the pattern's index (SCRATCH_INDEX for kernel-mode NEON scratch). */
  index?: number;
}

/**
 * What the marks mean, after the owners and kernel-mode NEON scratch, one a line: key, mark, text. Those
 * keyed `sve-` (the H bands, their hatchings and the SVE rows) are shown on SVE machines only.
 */
const MARK_TABLE = `newest newest registers: the newest data
stale stale faded, dashed: an older copy
empty empty dashed box: nothing known
changed changed outline ▸ and *: changed
violation violation red dashes: a rule broken
arrow arrow arrow: fpsimd_last_state
checker checker (checker): the checker's data
sve-v newest V: the low 128 bits of Z
sve-h hband H: Z above 128 bits, P, FFR
sve-dead hdead grey hatch: H zero or dead
sve-gone hgone red hatch: upper bits gone
sve-vl text vector length: max or min
sve-el0 text EL0 SVE trapped: SVE traps`;

const MARK_ENTRIES: readonly LegendEntry[] = MARK_TABLE.split('\n').map((line) => {
  const [key, mark, ...text] = line.split(' ');
  return { key, mark: mark as Mark, text: text.join(' ') };
});

export function legendEntries(
  owners: readonly { id: string; kind: string }[],
  styles: readonly OwnerStyle[],
  sve = false,
): LegendEntry[] {
  return [
    ...owners.map((c, i) => ({
      key: `o-${c.id}`,
      mark: 'owner' as const,
      text: `${c.id}: ${styles[i]?.family ?? c.kind}`,
      index: i,
    })),
    { key: 'scratch', mark: 'owner', text: 'kernel-mode NEON scratch', index: SCRATCH_INDEX },
    ...MARK_ENTRIES.filter((e) => sve || !e.key.startsWith('sve-')),
  ];
}

const ROW = 22;
const TITLE = 24;

export interface LegendBox {
  cols: number;
  height: number;
}

export function legendLayout(n: number, width: number): LegendBox {
  const cols = Math.max(1, Math.floor((width - 2 * PAD + GAP) / (CARD_W + GAP)));
  return { cols, height: TITLE + Math.ceil(n / cols) * ROW + PAD };
}

function MarkShape({ e, x, y, prefix }: { e: LegendEntry; x: number; y: number; prefix: string }) {
  switch (e.mark) {
    case 'owner':
      return (
        <rect
          className="fv-swatch"
          x={x + 6}
          y={y}
          width="16"
          height="16"
          fill={`url(#${patternId(prefix, e.index ?? -1)})`}
        />
      );
    case 'newest':
      return <rect className="fv-tile" x={x} y={y} width="28" height="16" fill="var(--d-muted)" />;
    case 'stale':
      return (
        <rect className="fv-tile fv-tile-stale" x={x} y={y} width="28" height="16" fill="var(--d-muted)" />
      );
    case 'empty':
      return <rect className="fv-tile fv-tile-empty" x={x} y={y} width="28" height="16" />;
    case 'changed':
      return (
        <g className="fv-row-changed">
          <path className="fv-change-mark" d={`M${x - 4},${y + 3} l6,5 l-6,5 z`} />
          <rect className="fv-row-bg" x={x + 3} y={y} width="25" height="16" />
          <text x={x + 24} y={y + 12} textAnchor="end">
            *
          </text>
        </g>
      );
    case 'violation':
      return <rect className="fv-card fv-violation" x={x} y={y} width="28" height="16" rx="3" />;
    case 'arrow':
      return <path className="fv-legend-arrow" d={`M${x},${y + 8} h22`} markerEnd={`url(#${prefix}-head)`} />;
    case 'checker':
      return null;
    case 'hband':
      return <rect className="fv-hband" x={x} y={y + 3} width="28" height="10" fill="var(--d-muted)" />;
    case 'hdead':
    case 'hgone':
      return (
        <rect
          className={e.mark === 'hgone' ? 'fv-hband fv-hband-gone' : 'fv-hband'}
          x={x}
          y={y}
          width="28"
          height="16"
          fill={`url(#${hatchId(prefix, e.mark === 'hgone' ? 'gone' : 'dead')})`}
        />
      );
    case 'text':
      return (
        <text x={x + 14} y={y + 12} textAnchor="middle" className="fv-legend-text">
          SVE
        </text>
      );
    default: {
      const never: never = e.mark;
      return never;
    }
  }
}

export const Legend = memo(function Legend({
  items,
  box,
  top,
  prefix,
}: {
  items: readonly LegendEntry[];
  box: LegendBox;
  top: number;
  prefix: string;
}) {
  return (
    <g className="fv-legend" role="list" aria-label="Legend">
      <text x={PAD} y={top + 18} className="fv-title">
        Legend
      </text>
      {items.map((e, i) => {
        const x = PAD + (i % box.cols) * (CARD_W + GAP);
        const y = top + TITLE + Math.floor(i / box.cols) * ROW;
        return (
          <g key={e.key} role="listitem" data-legend={e.key}>
            <MarkShape e={e} x={x + 4} y={y} prefix={prefix} />
            <text x={x + (e.mark === 'checker' ? 4 : 38)} y={y + 12} className="fv-legend-text">
              {e.text}
            </text>
          </g>
        );
      })}
    </g>
  );
});

/**
 * The legend as an <svg> of its own, drawn under the diagram at the same width and zoom: nothing in it
 * changes while stepping, so the browser neither lays it out nor repaints it then.
 */
export const LegendSvg = memo(function LegendSvg({
  items,
  box,
  styles,
  zoom,
  scale,
  width,
  size,
  sve = false,
}: {
  items: readonly LegendEntry[];
  box: LegendBox;
  styles: readonly OwnerStyle[];
  /** SVE machines: the hatchings are defined too. */
  sve?: boolean;
  zoom: DiagramZoom;
  scale: number;
  width: number;
  /** The diagram's measured CSS size for it (Diagram's fit), else sized by CSS as the diagram is. */
  size?: CSSProperties;
}) {
  const prefix = useDefsPrefix();
  return (
    <svg
      className="fv-diagram fv-legend-svg"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${box.height}`}
      width={width}
      height={box.height}
      style={size ?? svgSize(zoom, scale, width)}
    >
      <style>{DIAGRAM_CSS}</style>
      <DiagramDefs prefix={prefix} styles={styles} sve={sve} />
      <rect className="fv-bg" width={width} height={box.height} />
      <Legend items={items} box={box} top={0} prefix={prefix} />
    </svg>
  );
});
