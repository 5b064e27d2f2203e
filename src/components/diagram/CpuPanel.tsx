// One CPU: current task, mode, IRQs, era fields, the register file (owner, newest or stale), and the
// last-loaded pointer's origin (the arrow itself is drawn by the diagram).
import { memo } from 'react';
import type { CpuModel } from '../../state/diagramModel';
import { HEAD_H, POINTER_H, TILE_H, type Box } from './layout';
import { patternId } from './owners';
import { Rows } from './Rows';

const REGS_TEXT = {
  newest: 'newest',
  stale: 'stale',
  scratch: 'NEON scratch',
  empty: 'nothing known',
} as const;

function tileColour(regs: CpuModel['regs']): string {
  return regs.state === 'empty' || regs.style === null ? 'none' : regs.style.colour;
}

export function regsLabel(cpu: CpuModel): string {
  const r = cpu.regs;
  if (r.state === 'empty') return 'nothing known';
  if (r.state === 'scratch') return 'kernel-mode NEON scratch';
  return `${r.owner} · ${REGS_TEXT[r.state]}`;
}

interface Props {
  cpu: CpuModel;
  box: Box;
  tileY: number;
  pointerY: number;
  prefix: string;
  /** Whether the pointer's target has a card (else the target is named in text only). */
  pointerDrawn: boolean;
}

export const CpuPanel = memo(function CpuPanel({ cpu, box, tileY, pointerY, prefix, pointerDrawn }: Props) {
  const { x, y, w, h } = box;
  const r = cpu.regs;
  const tileClass = [
    'fv-tile',
    r.state === 'empty' ? 'fv-tile-empty' : '',
    r.state === 'stale' ? 'fv-tile-stale' : '',
    r.changed ? 'fv-tile-changed' : '',
    r.mark ? 'fv-tile-marked' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const label = regsLabel(cpu);
  const cardClass = `fv-card${cpu.changed ? ' fv-changed' : ''}${cpu.violation ? ' fv-violation' : ''}`;
  const pointerText =
    cpu.lastState === null ? 'fpsimd_last_state = NULL' : `fpsimd_last_state → ${cpu.lastState}`;
  return (
    <g
      className="fv-cpu"
      data-cpu={cpu.id}
      data-violation={cpu.violation || undefined}
      role="group"
      aria-label={`${cpu.label}: ${cpu.current ?? 'idle'}, ${cpu.mode} mode, registers: ${label}${r.mark ? ` (${r.mark})` : ''}`}
    >
      <rect className={cardClass} x={x} y={y} width={w} height={h} rx="4" />
      <text x={x + 10} y={y + 20} className="fv-title">
        {cpu.label}
      </text>
      {cpu.violation && (
        <g>
          <rect className="fv-badge" x={x + w - 82} y={y + 6} width="74" height="18" rx="4" />
          <text x={x + w - 45} y={y + 19} textAnchor="middle" className="fv-badge-text">
            ⚠ violation
          </text>
        </g>
      )}
      <Rows rows={cpu.rows} x={x} y={y + HEAD_H} w={w} />
      <g
        className="fv-regs"
        data-owner={r.owner ?? ''}
        data-state={r.state}
        data-changed={r.changed || undefined}
        data-mark={r.mark}
      >
        <title>{`${cpu.label} registers: ${label}${r.mark ? ` (${r.mark})` : ''}`}</title>
        {/* The tile is plain owner colour; the owner's patterned swatch sits beside the label. A
            pattern fill over the whole tile cost a software rasteriser a millisecond per frame. */}
        <rect
          className={tileClass}
          x={x + 8}
          y={y + tileY}
          width={w - 16}
          height={TILE_H}
          fill={tileColour(r)}
        />
        {r.state !== 'empty' && (
          <rect
            className="fv-swatch"
            x={x + 15}
            y={y + tileY + 19}
            width="14"
            height="14"
            fill={`url(#${patternId(prefix, r.ownerIndex)})`}
          />
        )}
        <rect className="fv-chip" x={x + 34} y={y + tileY + 15} width={w - 48} height="22" />
        <text x={x + 34 + (w - 48) / 2} y={y + tileY + 30} textAnchor="middle" className="fv-regs-label">
          {r.mark ? `⚠ ${label}` : label}
        </text>
      </g>
      <g
        className={`fv-pointer${cpu.pointerChanged ? ' fv-row-changed' : ''}`}
        data-field="fpsimd_last_state"
        data-changed={cpu.pointerChanged || undefined}
      >
        <rect className="fv-row-bg" x={x + 2} y={y + pointerY} width={w - 4} height={POINTER_H - 4} />
        <text x={x + w / 2} y={y + pointerY + 15} textAnchor="middle">
          {pointerText}
          {cpu.lastState !== null && !pointerDrawn ? ' (no card)' : ''}
        </text>
      </g>
    </g>
  );
});
