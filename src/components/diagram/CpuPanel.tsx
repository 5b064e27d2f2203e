// One CPU: current task, mode, IRQs, era fields, the register file (owner, newest or stale), and the
// last-loaded pointer's origin (the arrow itself is drawn by the diagram).
import { memo } from 'react';
import type { CpuModel } from '../../state/viewmodels/diagramModel';
import { regsHLabel, type RegsHModel } from '../../state/viewmodels/diagramSve';
import { H_BAND, HEAD_H, POINTER_H, TILE_H, type Box } from './layout';
import { patternId } from './owners';
import { hatchId } from './Patterns';
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

/**
 * SVE machines: the register file's upper state (Z above bit 128, P, FFR) as a band under V, in its
 * owner's colour, or hatched when zero or dead by the ABI: "the upper bits are gone" at a glance.
 */
function HBand({ h, x, y, w, prefix }: { h: RegsHModel; x: number; y: number; w: number; prefix: string }) {
  const owned = (h.state === 'newest' || h.state === 'stale') && h.style !== null;
  const fill = owned ? (h.style?.colour ?? 'none') : `url(#${hatchId(prefix, 'dead')})`;
  const label = regsHLabel(h);
  const cls = [
    'fv-hband',
    h.state === 'stale' ? 'fv-hband-stale' : '',
    h.changed ? 'fv-tile-changed' : '',
    h.mark ? 'fv-tile-marked' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const bandH = H_BAND - 4;
  return (
    <g
      className="fv-regs-h"
      data-owner={h.owner ?? ''}
      data-state={h.state}
      data-changed={h.changed || undefined}
      data-mark={h.mark}
    >
      <title>{`Upper state (Z above bit 128, P, FFR): ${label}${h.mark ? ` (${h.mark})` : ''}`}</title>
      <rect className={cls} x={x + 8} y={y} width={w - 16} height={bandH} fill={fill} />
      <rect className="fv-chip" x={x + 34} y={y + 4} width={w - 48} height={bandH - 8} />
      <text x={x + 34 + (w - 48) / 2} y={y + bandH / 2 + 4} textAnchor="middle" className="fv-regs-label">
        {h.mark ? `⚠ ${label}` : label}
      </text>
    </g>
  );
}

interface Props {
  cpu: CpuModel;
  box: Box;
  tileY: number;
  /** SVE machines: the H band's offset (null: none). */
  hBandY?: number | null;
  pointerY: number;
  prefix: string;
  /** Whether the pointer's target has a card (else the target is named in text only). */
  pointerDrawn: boolean;
}

export const CpuPanel = memo(function CpuPanel({
  cpu,
  box,
  tileY,
  hBandY = null,
  pointerY,
  prefix,
  pointerDrawn,
}: Props) {
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
  const label = (cpu.regsH ? 'V: ' : '') + regsLabel(cpu);
  const hText = cpu.regsH ? `; upper state ${regsHLabel(cpu.regsH).slice(3)}` : '';
  const cardClass = `fv-card${cpu.changed ? ' fv-changed' : ''}${cpu.violation ? ' fv-violation' : ''}`;
  const pointerText =
    cpu.lastState === null ? 'fpsimd_last_state = NULL' : `fpsimd_last_state → ${cpu.lastState}`;
  return (
    <g
      className="fv-cpu"
      data-cpu={cpu.id}
      data-violation={cpu.violation || undefined}
      role="group"
      aria-label={`${cpu.label}: ${cpu.current ?? 'idle'}, ${cpu.mode} mode, registers: ${label}${r.mark ? ` (${r.mark})` : ''}${hText}`}
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
      {cpu.regsH && hBandY !== null && <HBand h={cpu.regsH} x={x} y={y + hBandY} w={w} prefix={prefix} />}
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
