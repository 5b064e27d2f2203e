// The compare view: the scenario on screen run under two or three variants, with one shared cursor
// (the timeline's), their diagrams side by side, where register ownership differs, the counters per
// step and summed, and each variant's violations. Loaded on demand (src/components/views.tsx).
import { useMemo } from 'react';
import { ownershipDiffSteps } from '../../state/compareModel';
import { EventList } from '../timeline/EventList';
import { Transport } from '../timeline/Transport';
import { CompareCharts } from './CompareCharts';
import { CompareTable } from './CompareTable';
import { OwnershipPanel } from './OwnershipPanel';
import { useComparison } from './useComparison';
import { VariantColumn } from './VariantColumn';
import { VariantPicker } from './VariantPicker';
import './compare.css';

export function CompareView() {
  const { items, cursor } = useComparison();
  const diffs = useMemo(() => ownershipDiffSteps(items), [items]);
  return (
    <div className="compare-view" data-compared={items.map((i) => i.variant.id).join(',')}>
      <VariantPicker />
      <div className="cmp-top">
        <section className="panel cmp-timeline" aria-labelledby="cmp-timeline-heading">
          <h2 id="cmp-timeline-heading">Timeline (one cursor for every variant)</h2>
          <Transport />
          <EventList height={210} />
        </section>
        <OwnershipPanel items={items} diffs={diffs} cursor={cursor} />
      </div>
      <div className="cmp-columns" style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` }}>
        {items.map((it, i) => (
          <VariantColumn key={it.variant.id} item={it} slot={i} cursor={cursor} />
        ))}
      </div>
      <CompareTable items={items} />
      <CompareCharts items={items} cursor={cursor} />
    </div>
  );
}
