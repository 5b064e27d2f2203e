// The SVE state per compared variant at the cursor (SVE machines only): where each CPU's upper state
// (H) is, EL0 SVE, the vector length, and each context's H and TIF_SVE, marked where variants differ.
import { useMemo } from 'react';
import type { Compared } from '../../state/viewmodels/compareModel';
import { sveRowsAt } from '../../state/viewmodels/compareSve';

export function SveComparePanel({ items, cursor }: { items: Compared[]; cursor: number }) {
  const rows = useMemo(() => sveRowsAt(items, cursor), [items, cursor]);
  if (rows.length === 0) return null;
  return (
    <section className="panel cmp-sve" aria-labelledby="cmp-sve-heading">
      <h2 id="cmp-sve-heading">SVE state</h2>
      <table className="cmp-owner-table">
        <caption className="visually-hidden">
          The SVE state per variant: upper state (H), EL0 SVE, vector length, TIF_SVE
        </caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            {items.map((it) => (
              <th key={it.variant.id} scope="col">
                {it.variant.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.differs ? 'cmp-row-differs' : undefined}>
              <th scope="row">
                {r.label}
                {r.differs && <span className="cmp-differs"> ⚑ differs</span>}
              </th>
              {r.values.map((v, i) => (
                <td key={i}>{v === 'upper bits gone' ? `⚠ ${v}` : v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
