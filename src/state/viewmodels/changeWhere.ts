// Where the diagram draws each field a step changed, in words: one mapping for the tour's "Highlighted in
// the diagram" list and the explainer's "Fields changed" table; null for a field the diagram has no mark
// for (e.g. CPTR_EL2.TFP, the hyp mapping).
import type { FieldChange } from '../../engine';
import { changeRowKey, type DiagramModel } from './diagramModel';

export function changeWhere(c: FieldChange, model: DiagramModel): string | null {
  const key = changeRowKey(c.field);
  if (c.target.kind === 'cpu') {
    const id = c.target.cpu;
    const cpu = model.cpus.find((p) => p.id === id);
    if (!cpu) return null;
    if (c.field === 'regs') return `${cpu.label}'s register tile`;
    if (c.field === 'regs H' && cpu.regsH) return `the H band under ${cpu.label}'s register tile`;
    if (c.field === 'fpsimd_last_state') return `${cpu.label}'s fpsimd_last_state line and arrow`;
    const row = cpu.rows.find((r) => r.key === key);
    return row ? `the “${row.label}” row of ${cpu.label}` : null;
  }
  const id = c.target.id;
  const ctx = model.contexts.find((x) => x.id === id);
  const row = ctx?.rows.find((r) => r.key === key);
  return row ? `the “${row.label}” row of ${id}'s card` : null;
}

/** What the lists say of a field the diagram has no mark for. */
export const NOT_DRAWN = 'not drawn in the diagram';

/** changeWhere's answer for a table cell: "drawn: <where>", or NOT_DRAWN. */
export const drawnText = (where: string | null): string => (where === null ? NOT_DRAWN : `drawn: ${where}`);
