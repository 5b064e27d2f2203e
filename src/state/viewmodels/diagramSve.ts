// The diagram's SVE part (machines with "sve": true only): each CPU's vector length, EL0 SVE and the
// H band of its register file; each task's and vcpu's sve_state, the state of its H (live, dead by
// the ABI, gone) and its SVE flags. FPSIMD-only machines never reach this file.
import type { ContextSveView, CpuSveView, HCopyState, HState } from '../../engine';
import type { FieldRow } from './diagramTypes';
import type { OwnerStyle } from './ownerStyle';

/** How a context's H row is drawn: plain (live), grey hatching (dead by the ABI), red hatching (gone). */
export type RowBand = HState;

/** The H band under a CPU's register file. */
export interface RegsHModel {
  owner: string | null;
  ownerIndex: number;
  style: OwnerStyle | null;
  state: HCopyState;
  changed: boolean;
  /** The "before" picture of a violating step: what is about to go wrong with this data. */
  mark?: string;
}

/** Engine change fields of the SVE state -> the diagram row they light up. */
export const SVE_CHANGE_ROW: Record<string, string> = {
  'EL0 SVE': 'el0Sve',
  'ZCR (VL)': 'vl',
  'regs H': 'regsH',
  sve_vl: 'taskVl',
  in_syscall: 'inSyscall',
  'SVE trap pending': 'trapPending',
  'sve_state V': 'sveState',
  'sve_state H': 'sveState',
  'SVE upper state': 'sveH',
  'guest ZCR_EL1': 'guestZcr',
};

export function cpuSveRows(v: CpuSveView, changed: ReadonlySet<string>): FieldRow[] {
  return [
    { key: 'vl', label: 'vector length', value: v.vl, changed: changed.has('vl') },
    {
      key: 'el0Sve',
      label: 'EL0 SVE',
      value: v.el0Sve ? 'enabled' : 'trapped',
      changed: changed.has('el0Sve'),
    },
  ];
}

export function regsHModel(
  v: CpuSveView,
  indexOf: ReadonlyMap<string, number>,
  styles: readonly OwnerStyle[],
  changed: boolean,
): RegsHModel {
  const owner = v.regsH.owner;
  const ownerIndex = owner === null ? -1 : (indexOf.get(owner) ?? -1);
  return { owner, ownerIndex, style: styles[ownerIndex] ?? null, state: v.regsH.state, changed };
}

/** The words on a CPU's H band. */
export function regsHLabel(h: RegsHModel): string {
  switch (h.state) {
    case 'zero':
      return 'H: zero';
    case 'dead':
      return `H: ${h.owner ?? '?'} · dead (ABI)`;
    case 'newest':
    case 'stale':
      return `H: ${h.owner ?? '?'} · ${h.state}`;
    default: {
      const never: never = h.state;
      return never;
    }
  }
}

const COPY_TEXT: Record<HCopyState, string> = {
  newest: 'newest',
  stale: 'stale',
  dead: 'dead',
  zero: 'zero',
};

/** The value of a context's H row. */
export function hValue(v: ContextSveView): string {
  switch (v.h) {
    case 'dead':
      return 'dead (ABI)';
    case 'gone':
      return 'upper bits gone';
    case 'live':
      return v.hIn.includes('sve_state') ? 'live: sve_state' : `live: ${v.hIn.join(', ')} regs`;
    default: {
      const never: never = v.h;
      return never;
    }
  }
}

export function contextSveRows(v: ContextSveView, changed: ReadonlySet<string>): FieldRow[] {
  const rows: FieldRow[] = [
    {
      key: 'sveState',
      label: 'sve_state',
      value: `V ${v.sveStateV} · H ${COPY_TEXT[v.sveStateH]}`,
      changed: changed.has('sveState'),
    },
    // A short label leaves the row's hatching in view between it and the value.
    { key: 'sveH', label: 'H', value: hValue(v), changed: changed.has('sveH'), band: v.h },
  ];
  const row = (key: string, label: string, value: string): void => {
    rows.push({ key, label, value, changed: changed.has(key) });
  };
  if (v.TIF_SVE !== undefined) row('TIF_SVE', 'TIF_SVE', v.TIF_SVE ? 'set' : 'clear');
  if (v.fp_type !== undefined) row('fp_type', 'fp_type', v.fp_type.replace(/^FP_STATE_/, ''));
  if (v.vl !== undefined) row('taskVl', 'vector length', v.vl);
  if (v.inSyscall !== undefined) row('inSyscall', 'in_syscall()', v.inSyscall ? 'yes' : 'no');
  if (v.trapPending !== undefined) row('trapPending', 'SVE trap', v.trapPending ? 'pending' : 'none');
  if (v.guestZcr !== undefined) row('guestZcr', 'guest ZCR (VL)', v.guestZcr);
  return rows;
}
