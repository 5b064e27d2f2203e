// A table with one column per compared variant and one row per place (a CPU, an SVE field), a row whose
// variants differ marked in words as well as by colour: the ownership and SVE panels share it.
import type { ReactNode } from 'react';
import type { Compared } from '../../state/viewmodels/compareModel';

export interface VariantTableRow {
  key: string | number;
  /** The row's header cell. */
  label: ReactNode;
  differs: boolean;
  /** One cell per variant, in the variants' order. */
  values: readonly ReactNode[];
}

export function VariantTable({
  caption,
  corner,
  items,
  rows,
}: {
  /** Read by screen readers only. */
  caption: ReactNode;
  /** The first column's heading. */
  corner: string;
  items: readonly Compared[];
  rows: readonly VariantTableRow[];
}) {
  return (
    <table className="cmp-owner-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {items.map((it) => (
            <th key={it.variant.id} scope="col">
              {it.variant.id}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.differs ? 'cmp-row-differs' : undefined}>
            <th scope="row">
              {r.label}
              {r.differs && <span className="cmp-differs"> ⚑ differs</span>}
            </th>
            {r.values.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
