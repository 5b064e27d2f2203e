// The embed of a compare link (`view=compare&embed=1`): the compared variants' diagrams side by side at
// the shared cursor, without the compare view's controls, table and charts.
import { useComparison } from './useComparison';
import { VariantColumn } from './VariantColumn';
import './compare.css';

export default function EmbedCompare() {
  const { items, cursor } = useComparison();
  return (
    <div className="cmp-columns embed-compare" data-compared={items.map((i) => i.variant.id).join(',')}>
      {items.map((it, i) => (
        <VariantColumn key={it.variant.id} item={it} slot={i} cursor={cursor} />
      ))}
    </div>
  );
}
