// The counters summed over the whole scenario per variant, per guest exit where there are exits, and
// the violations; above it, the per-exit cost in one sentence (numbers from the replays).
import { useMemo } from 'react';
import { COUNTER_NAMES } from '../../engine';
import { perExit, totalsOf, type Compared } from '../../state/viewmodels/compareModel';
import { COUNTER_LABEL } from './labels';
import { Swatch } from './Swatch';

export function CompareTable({ items }: { items: Compared[] }) {
  const rows = useMemo(() => items.map((it) => ({ id: it.variant.id, t: totalsOf(it.replay) })), [items]);
  const steps = items[0]?.replay.length ?? 0;
  const exits = rows[0]?.t.exits ?? 0;
  const sameExits = rows.every((r) => r.t.exits === exits);
  return (
    <section className="panel cmp-totals" aria-labelledby="cmp-totals-heading">
      <h2 id="cmp-totals-heading">Totals</h2>
      {exits > 0 && sameExits && (
        <p className="cmp-claim" data-testid="per-exit-summary">
          Per guest exit ({exits} exits):{' '}
          {rows.map((r, i) => (
            <span key={r.id}>
              {i > 0 && '; '}
              <strong>{r.id}</strong> {perExit(r.t.savesRestores, exits)} saves and restores,{' '}
              {perExit(r.t.counters.irqsOffSaveRestores, exits)} with IRQs off
            </span>
          ))}
          .
        </p>
      )}
      {/* Focusable and named: on a phone the table scrolls sideways, by keyboard too. */}
      <div
        className="cmp-table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Counters per variant (scrolls)"
      >
        <table className="cmp-table">
          <caption>
            Summed over the whole scenario ({steps} step{steps === 1 ? '' : 's'}
            {exits > 0 ? `, ${exits} guest exits` : ''})
          </caption>
          <thead>
            <tr>
              <th scope="col">Variant</th>
              {COUNTER_NAMES.map((k) => (
                <th key={k} scope="col">
                  {COUNTER_LABEL[k]}
                </th>
              ))}
              <th scope="col">All saves and restores</th>
              {exits > 0 && <th scope="col">Saves and restores per exit</th>}
              {exits > 0 && <th scope="col">With IRQs off per exit</th>}
              <th scope="col">Violations</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} data-variant={r.id}>
                <th scope="row">
                  <Swatch slot={i} /> {r.id}
                </th>
                {COUNTER_NAMES.map((k) => (
                  <td key={k} data-counter={k}>
                    {r.t.counters[k]}
                  </td>
                ))}
                <td data-counter="savesRestores">{r.t.savesRestores}</td>
                {exits > 0 && <td data-counter="perExit">{perExit(r.t.savesRestores, r.t.exits)}</td>}
                {exits > 0 && (
                  <td data-counter="irqsOffPerExit">
                    {perExit(r.t.counters.irqsOffSaveRestores, r.t.exits)}
                  </td>
                )}
                <td data-counter="violations" className={r.t.violations.length ? 'cmp-broken' : undefined}>
                  {r.t.violations.length === 0
                    ? 'none'
                    : `${r.t.violations.length} (${[...new Set(r.t.violations.map((v) => v.kind))].join(', ')})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
