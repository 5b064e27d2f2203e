// The compare view: the scenario on screen run under two or three variants, with one shared cursor
// (the timeline's), their diagrams side by side, where register ownership differs, the counters per
// step and summed, and each variant's violations. Loaded on demand (src/components/views.tsx).
import { useMemo } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { ownershipDiffSteps } from '../../state/viewmodels/compareModel';
import { EventList } from '../timeline/EventList';
import { Transport } from '../timeline/Transport';
import { CompareCharts } from './CompareCharts';
import { CompareTable } from './CompareTable';
import { OwnershipPanel } from './OwnershipPanel';
import { SveComparePanel } from './SveComparePanel';
import { useComparison } from './useComparison';
import { VariantColumn } from './VariantColumn';
import { VariantPicker } from './VariantPicker';
import './compare.css';

/** The event list tags violations of the step-through view's variant, which may not be compared here. */
function MainVariantNote() {
  const replay = useScenarioStore((s) => s.replay);
  if (replay.violations.length === 0) return null;
  return (
    <p className="hint">
      The ⚠ tags in this list are the step-through variant’s ({replay.machine.variant.id}); each compared
      variant’s violations are marked in the strip and listed above its diagram.
    </p>
  );
}

export function CompareView() {
  const { items, cursor } = useComparison();
  const diffs = useMemo(() => ownershipDiffSteps(items), [items]);
  return (
    <div className="compare-view" data-compared={items.map((i) => i.variant.id).join(',')}>
      <VariantPicker />
      <div className="cmp-top">
        <section className="panel cmp-timeline" aria-labelledby="cmp-timeline-heading">
          <h2 id="cmp-timeline-heading">Timeline (one cursor for every variant)</h2>
          <Transport compact />
          <EventList height={210} />
          <MainVariantNote />
        </section>
        <OwnershipPanel items={items} diffs={diffs} cursor={cursor} />
      </div>
      <SveComparePanel items={items} cursor={cursor} />
      <div className="cmp-columns">
        {items.map((it, i) => (
          <VariantColumn key={it.variant.id} item={it} slot={i} cursor={cursor} />
        ))}
      </div>
      <CompareTable items={items} />
      <CompareCharts items={items} cursor={cursor} />
    </div>
  );
}
