// The SVE state per compared variant at the cursor (SVE machines only): where each CPU's upper state
// (H) is, EL0 SVE, the vector length, and each context's H and TIF_SVE, marked where variants differ.
import { useMemo } from 'react';
import type { Compared } from '../../state/viewmodels/compareModel';
import { sveRowsAt } from '../../state/viewmodels/compareSve';
import { VariantTable } from './VariantTable';

export function SveComparePanel({ items, cursor }: { items: Compared[]; cursor: number }) {
  const rows = useMemo(() => sveRowsAt(items, cursor), [items, cursor]);
  if (rows.length === 0) return null;
  return (
    <section className="panel cmp-sve" aria-labelledby="cmp-sve-heading">
      <h2 id="cmp-sve-heading">SVE state</h2>
      <VariantTable
        caption="The SVE state per variant: upper state (H), EL0 SVE, vector length, TIF_SVE"
        corner="Where"
        items={items}
        rows={rows.map((r) => ({
          key: r.label,
          label: r.label,
          differs: r.differs,
          values: r.values.map((v) => (v === 'upper bits gone' ? `⚠ ${v}` : v)),
        }))}
      />
    </section>
  );
}
