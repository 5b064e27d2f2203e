// One context (host task, kernel thread, vcpu): its swatch, in-memory copy, cpu field, flags.
import { memo } from 'react';
import type { ContextModel } from '../../state/diagramModel';
import { HEAD_H, type Box } from './layout';
import { patternId } from './owners';
import { Rows } from './Rows';

const KIND_TEXT: Record<ContextModel['kind'], string> = {
  task: 'task',
  kthread: 'kernel thread',
  vcpu: 'vcpu',
  kernel_neon: 'kernel-mode NEON section',
};

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
  const cardClass = `fv-card${ctx.changed ? ' fv-changed' : ''}${ctx.violation ? ' fv-violation' : ''}`;
  return (
    <g
      className="fv-context"
      data-context={ctx.id}
      data-violation={ctx.violation || undefined}
      role="group"
      aria-label={`${KIND_TEXT[ctx.kind]} ${ctx.id}, in-memory copy ${ctx.memLatest ? 'newest' : 'stale'}`}
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
        {ctx.violation ? '⚠ ' : ''}
        {KIND_TEXT[ctx.kind]}
      </text>
      <Rows rows={ctx.rows} x={x} y={y + HEAD_H} w={w} />
    </g>
  );
});
