// One context (host task, kernel thread, vcpu): its swatch, in-memory copy, cpu field, flags.
import { memo } from 'react';
import type { ContextModel } from '../../state/viewmodels/diagramModel';
import { HEAD_H, type Box } from './layout';
import { patternId } from './owners';
import { Rows, textWidth } from './Rows';

const KIND_TEXT: Record<ContextModel['kind'], string> = {
  task: 'task',
  kthread: 'kernel thread',
  vcpu: 'vcpu',
  kernel_neon: 'kernel-mode NEON section',
};

/** Shorter forms for a card whose title leaves no room for the whole kind (e.g. `kthread0.kernel`). */
const KIND_SHORT: Record<ContextModel['kind'], string> = {
  task: 'task',
  kthread: 'kthread',
  vcpu: 'vcpu',
  kernel_neon: 'NEON',
};

/** Title (14 px bold) and kind (12 px) widths from the rows' 11.5 px estimate. */
const titleWidth = (s: string): number => textWidth(s) * 1.3;
const kindWidth = (s: string): number => textWidth(s) * 1.05;

/**
 * The kind shown at the right of the card's head: the whole kind, a shorter one, or none, whichever
 * clears the title (the card's accessible name always has the whole kind).
 */
export function headKind(ctx: Pick<ContextModel, 'id' | 'kind' | 'violation'>, w: number): string {
  const room = w - 30 - 8 - titleWidth(ctx.id) - 10;
  const mark = ctx.violation ? '⚠ ' : '';
  for (const kind of [KIND_TEXT[ctx.kind], KIND_SHORT[ctx.kind]])
    if (kindWidth(mark + kind) <= room) return mark + kind;
  return kindWidth(mark) <= room ? mark.trim() : '';
}

export const ContextCard = memo(function ContextCard({
  ctx,
  box,
  prefix,
}: {
  ctx: ContextModel;
  box: Box;
  prefix: string;
}) {
  const { x, y, w, h } = box;
  const mark = ctx.rows.find((r) => r.mark)?.mark;
  // SVE machines: the state of its upper bits is part of the card's name for a screen reader.
  const hRow = ctx.rows.find((r) => r.key === 'sveH');
  const cardClass = `fv-card${ctx.changed ? ' fv-changed' : ''}${ctx.violation ? ' fv-violation' : ''}`;
  return (
    <g
      className="fv-context"
      data-context={ctx.id}
      data-violation={ctx.violation || undefined}
      role="group"
      aria-label={`${KIND_TEXT[ctx.kind]} ${ctx.id}, in-memory copy ${ctx.memLatest ? 'newest' : 'stale'}${hRow ? `, upper bits (H): ${hRow.value}` : ''}${mark ? ` (${mark})` : ''}`}
    >
      <rect className={cardClass} x={x} y={y} width={w} height={h} rx="4" />
      <rect
        x={x + 8}
        y={y + 7}
        width="16"
        height="16"
        fill={`url(#${patternId(prefix, ctx.index)})`}
        className="fv-swatch"
      />
      <text x={x + 30} y={y + 20} className="fv-title">
        {ctx.id}
      </text>
      <text x={x + w - 8} y={y + 20} textAnchor="end" className="fv-muted">
        {headKind(ctx, w)}
      </text>
      <Rows rows={ctx.rows} x={x} y={y + HEAD_H} w={w} prefix={prefix} />
    </g>
  );
});
