// The rows of one CPU panel or context card at a step: the engine's view fields as labelled values, the
// era's own fields passed through generically by name, and which of them the step changed.
import type { ContextView, CpuView, FieldChange } from '../../engine';
import { cpuSveRows, contextSveRows, regsHModel, SVE_CHANGE_ROW } from './diagramSve';
import {
  SCRATCH_INDEX,
  type ContextModel,
  type CpuModel,
  type FieldRow,
  type RegsState,
} from './diagramTypes';
import { SCRATCH_STYLE, type OwnerStyle } from './ownerStyle';

const CPU_BASE = new Set(['id', 'current', 'mode', 'regs', 'lastState', 'irqsDisabled', 'sve']);
const CONTEXT_BASE = new Set(['id', 'kind', 'cpuField', 'foreignFpstate', 'memLatest', 'inRun', 'sve']);

/** Which row a recorded change lights up (engine field name -> row key). */
const CHANGE_ROW: Record<string, string> = {
  current: 'current',
  mode: 'mode',
  irqs: 'irqs',
  TIF_FOREIGN_FPSTATE: 'foreignFpstate',
  fpsimd_cpu: 'cpuField',
  'in KVM_RUN': 'inRun',
  memory: 'memory',
  'newest version': 'memory',
  'kernel-mode NEON section': 'section',
  'signal frames': 'signalFrames',
  kernel_fpsimd_cpu: 'kernelFpsimdCpu',
  ...SVE_CHANGE_ROW,
};

/** The diagram row a change to this engine field lights up. */
export function changeRowKey(field: string): string {
  return CHANGE_ROW[field] ?? field;
}

export function formatValue(v: unknown): string {
  if (v === true) return 'set';
  if (v === false) return 'clear';
  if (v === null || v === undefined) return '—';
  return String(v);
}

/** Labels and values of the section and lifecycle fields (others show their kernel name as is). */
const EXTRA_LABEL: Record<string, { label: string; value?: (v: unknown) => string }> = {
  section: { label: 'kernel-mode NEON section', value: (v) => (v ? 'open' : 'closed') },
  kernelFpsimdCpu: { label: 'kernel_fpsimd_cpu' },
  signalFrames: { label: 'signal frames pending' },
};

function extraRows(view: Record<string, unknown>, base: Set<string>, changed: Set<string>): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [key, v] of Object.entries(view)) {
    if (base.has(key)) continue;
    const l = EXTRA_LABEL[key];
    rows.push({
      key,
      label: l?.label ?? key,
      value: l?.value ? l.value(v) : formatValue(v),
      changed: changed.has(key),
    });
  }
  return rows;
}

export function changesBy(changes: readonly FieldChange[]): {
  cpu: Map<number, Set<string>>;
  ctx: Map<string, Set<string>>;
} {
  const cpu = new Map<number, Set<string>>();
  const ctx = new Map<string, Set<string>>();
  for (const c of changes) {
    const key = changeRowKey(c.field);
    if (c.target.kind === 'cpu') {
      const s = cpu.get(c.target.cpu) ?? new Set<string>();
      s.add(key);
      cpu.set(c.target.cpu, s);
    } else {
      const s = ctx.get(c.target.id) ?? new Set<string>();
      s.add(key);
      ctx.set(c.target.id, s);
    }
  }
  return { cpu, ctx };
}

function regsState(c: CpuView): RegsState {
  if (c.regs.owner === null) return 'empty';
  if (c.regs.owner === 'kernel-neon') return 'scratch';
  return c.regs.latest ? 'newest' : 'stale';
}

export function cpuModel(
  c: CpuView,
  changed: Set<string>,
  indexOf: Map<string, number>,
  styles: readonly OwnerStyle[],
  hit: boolean,
  suspended: boolean,
): CpuModel {
  const owner = c.regs.owner;
  const ownerIndex =
    owner === 'kernel-neon' ? SCRATCH_INDEX : owner === null ? -1 : (indexOf.get(owner) ?? -1);
  const rows: FieldRow[] = [
    { key: 'current', label: 'current', value: c.current ?? 'idle', changed: changed.has('current') },
    { key: 'mode', label: 'mode', value: c.mode, changed: changed.has('mode') },
    { key: 'irqs', label: 'IRQs', value: c.irqsDisabled ? 'off' : 'on', changed: changed.has('irqs') },
    ...(c.sve ? cpuSveRows(c.sve, changed) : []),
    ...extraRows(c, CPU_BASE, changed),
  ];
  // A suspend is over within its step: the step that lost power says so on the CPU.
  if (suspended)
    rows.push({ key: 'power', label: 'power', value: 'lost in a low-power state, woken', changed: true });
  const shown = new Set(['regs', 'regsH', 'fpsimd_last_state', ...rows.map((r) => r.key)]);
  const regsH = c.sve ? regsHModel(c.sve, indexOf, styles, changed.has('regsH')) : undefined;
  return {
    id: c.id,
    label: `CPU${c.id}`,
    current: c.current,
    mode: c.mode,
    regs: {
      owner,
      ownerIndex,
      style: ownerIndex === SCRATCH_INDEX ? SCRATCH_STYLE : (styles[ownerIndex] ?? null),
      state: regsState(c),
      changed: changed.has('regs'),
    },
    lastState: c.lastState,
    pointerChanged: changed.has('fpsimd_last_state'),
    ...(regsH ? { regsH } : {}),
    rows,
    changed: [...changed].some((k) => !shown.has(k)),
    violation: hit,
  };
}

export function contextModel(
  c: ContextView,
  index: number,
  style: OwnerStyle,
  changed: Set<string>,
  hit: boolean,
): ContextModel {
  const rows: FieldRow[] = [
    {
      key: 'memory',
      // On SVE machines this copy (fpsimd_state, a vcpu's fp_regs) holds V only.
      label: c.sve ? 'in memory (V)' : 'in memory',
      value: c.memLatest ? 'newest' : 'stale',
      changed: changed.has('memory'),
    },
  ];
  if (c.kind !== 'vcpu') {
    rows.push({
      key: 'cpuField',
      label: 'cpu',
      value: c.cpuField === null || c.cpuField === undefined ? 'NR_CPUS' : String(c.cpuField),
      changed: changed.has('cpuField'),
    });
    rows.push({
      key: 'foreignFpstate',
      label: 'TIF_FOREIGN_FPSTATE',
      value: formatValue(c.foreignFpstate ?? false),
      changed: changed.has('foreignFpstate'),
    });
  } else {
    rows.push({
      key: 'inRun',
      label: 'in KVM_RUN',
      value: c.inRun ? 'yes' : 'no',
      changed: changed.has('inRun'),
    });
  }
  if (c.sve) rows.push(...contextSveRows(c.sve, changed));
  rows.push(...extraRows(c, CONTEXT_BASE, changed));
  const shown = new Set(rows.map((r) => r.key));
  return {
    id: c.id,
    kind: c.kind,
    index,
    style,
    memLatest: c.memLatest,
    rows,
    changed: [...changed].some((k) => !shown.has(k)),
    violation: hit,
  };
}
