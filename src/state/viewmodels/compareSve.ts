// The compare view's SVE rows (SVE machines only): per CPU whose upper state (H) the registers hold,
// EL0 SVE and the vector length, and per task and vcpu the state of its H and TIF_SVE, one value per
// compared variant at the cursor, marked where the variants differ.
import { describeState, stateAt, type StateView } from '../../engine';
import type { Compared } from './compareModel';
import { hValue, regsHLabel } from './diagramSve';

export interface SveCompareRow {
  label: string;
  values: string[];
  differs: boolean;
}

function rowsOf(view: StateView): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const c of view.cpus) {
    if (!c.sve) continue;
    const h = regsHLabel({
      owner: c.sve.regsH.owner,
      ownerIndex: -1,
      style: null,
      state: c.sve.regsH.state,
      changed: false,
    });
    out.push({ label: `CPU${c.id} registers' H`, value: h.replace(/^H: /, '') });
    out.push({ label: `CPU${c.id} EL0 SVE`, value: c.sve.el0Sve ? 'enabled' : 'trapped' });
    out.push({ label: `CPU${c.id} vector length`, value: c.sve.vl });
  }
  for (const x of view.contexts) {
    if (!x.sve) continue;
    out.push({ label: `${x.id}'s H`, value: hValue(x.sve) });
    if (x.sve.TIF_SVE !== undefined)
      out.push({ label: `${x.id} TIF_SVE`, value: x.sve.TIF_SVE ? 'set' : 'clear' });
  }
  return out;
}

/** The SVE rows after n events (clamped to each replay's end); empty on an FPSIMD-only machine. */
export function sveRowsAt(items: readonly Compared[], n: number): SveCompareRow[] {
  if (!items.length || !items[0].replay.machine.cfg.sve) return [];
  const per = items.map(({ replay: r }) =>
    rowsOf(describeState(r.machine, stateAt(r, Math.max(0, Math.min(n, r.length))))),
  );
  return per[0].map((row, i) => {
    const values = per.map((p) => p[i]?.value ?? '—');
    return { label: row.label, values, differs: values.some((v) => v !== values[0]) };
  });
}
