// View model of the diagram: CPU panels and context cards as labelled rows, with what the current step
// changed and where a violation struck. Era-specific fields are passed through generically by name.
import type { ContextView, CpuView, FieldChange, Violation } from '../../engine';
import type { CursorView, ReplayFrame, ReplayOwner } from './cursorView';
import {
  cpuSveRows,
  contextSveRows,
  regsHModel,
  SVE_CHANGE_ROW,
  type RegsHModel,
  type RowBand,
} from './diagramSve';
import { SCRATCH_STYLE, ownerStyles, type OwnerStyle } from './ownerStyle';

export interface FieldRow {
  /** Stable key: the StateView key, or the era field's kernel name. */
  key: string;
  label: string;
  value: string;
  changed: boolean;
  /** The "before" picture of a violating step: what is about to go wrong with this data. */
  mark?: string;
  /** SVE machines: the row is a context's H band (live, dead by the ABI, or gone). */
  band?: RowBand;
}

export type RegsState = 'newest' | 'stale' | 'scratch' | 'empty';

export interface CpuModel {
  id: number;
  label: string;
  current: string | null;
  mode: string;
  /** The register file: whose data, newest or stale. */
  regs: {
    owner: string | null;
    ownerIndex: number;
    /** The owner's colour and texture (null: nothing known). */
    style: OwnerStyle | null;
    state: RegsState;
    changed: boolean;
    /** The "before" picture of a violating step: what is about to go wrong with this data. */
    mark?: string;
  };
  lastState: string | null;
  pointerChanged: boolean;
  /** SVE machines only: the registers' upper state (Z above bit 128, P, FFR), drawn under V. */
  regsH?: RegsHModel;
  rows: FieldRow[];
  /** A change this panel shows no row for (e.g. a trap bit): the panel is highlighted as a whole. */
  changed: boolean;
  violation: boolean;
}

export interface ContextModel {
  id: string;
  kind: ContextView['kind'];
  /** Index in the replay's owners (DiagramModel.owners): picks the owner's colour and pattern. */
  index: number;
  /** Colour and texture, stable for this id and kind across scenarios. */
  style: OwnerStyle;
  memLatest: boolean;
  rows: FieldRow[];
  changed: boolean;
  violation: boolean;
}

/** Sizes that hold for every step of the replay, so the diagram keeps its geometry while stepping. */
export interface DiagramFrame {
  /** Rows of the tallest CPU panel and context card, and the most cards at one step. */
  cpuRows: number;
  ctxRows: number;
  contexts: number;
  /** An SVE machine: each CPU's register file is drawn as a V band and an H band. */
  sve: boolean;
}

export interface DiagramModel {
  step: number;
  /** One object per replay (CursorView.frame). */
  frame: DiagramFrame;
  /** Every owner the replay lists at some step (CursorView.owners): one array per replay. */
  owners: readonly ReplayOwner[];
  /** Their colours and textures, in the same order. */
  styles: readonly OwnerStyle[];
  cpus: CpuModel[];
  contexts: ContextModel[];
  violations: Violation[];
}

/** Owner index for data that is kernel-mode NEON scratch. */
export const SCRATCH_INDEX = -2;

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

function changesBy(changes: readonly FieldChange[]): {
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

function cpuModel(
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

function contextModel(
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

/**
 * Structural sharing with the previous model: every panel, card or row whose content did not change
 * keeps its previous object, so that memoised components skip it (a step usually changes one CPU and
 * one or two contexts; a jump, a few rows of most of them).
 */
function share<T>(prev: unknown, next: T): T {
  if (typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) return next;
  if (Array.isArray(next) !== Array.isArray(prev)) return next;
  const before = prev as Record<string, unknown>;
  const keys = Object.keys(next);
  const out = (Array.isArray(next) ? [] : {}) as Record<string, unknown>;
  let kept = keys.length === Object.keys(before).length;
  for (const k of keys) {
    const v = (next as Record<string, unknown>)[k];
    out[k] = Object.is(v, before[k]) ? v : share(before[k], v);
    if (!Object.is(out[k], before[k])) kept = false;
  }
  return (kept ? prev : out) as T;
}

const tables = new WeakMap<readonly ReplayOwner[], { indexOf: Map<string, number>; styles: OwnerStyle[] }>();

/** Owner index by id and the owners' styles, once per replay's owner list. */
function ownerTable(owners: readonly ReplayOwner[]): { indexOf: Map<string, number>; styles: OwnerStyle[] } {
  let t = tables.get(owners);
  if (!t) {
    t = { indexOf: new Map(owners.map((o, i) => [o.id, i])), styles: ownerStyles(owners) };
    tables.set(owners, t);
  }
  return t;
}

const sizes = new WeakMap<ReplayFrame, DiagramFrame>();

/** The rows of the replay's bounding view, as this model would draw them. */
function diagramFrame(frame: ReplayFrame): DiagramFrame {
  let f = sizes.get(frame);
  if (!f) {
    const none = new Set<string>();
    const { cpus, contexts } = frame.view;
    f = {
      cpuRows: Math.max(
        0,
        ...cpus.map((c) => cpuModel(c, none, new Map(), [], false, frame.suspends).rows.length),
      ),
      ctxRows: Math.max(
        0,
        ...contexts.map((c) => contextModel(c, -1, SCRATCH_STYLE, none, false).rows.length),
      ),
      contexts: contexts.length,
      sve: cpus.some((c) => c.sve !== undefined),
    };
    sizes.set(frame, f);
  }
  return f;
}

let previous: DiagramModel | null = null;

export function diagramModel(cv: CursorView): DiagramModel {
  const next = buildModel(cv);
  const model = {
    ...next,
    cpus: share(previous?.cpus, next.cpus),
    contexts: share(previous?.contexts, next.contexts),
  };
  previous = model;
  return model;
}

/** The model of one step on its own, sharing nothing with the step view's (the "before" picture). */
export function diagramModelOf(cv: CursorView): DiagramModel {
  return buildModel(cv);
}

function buildModel(cv: CursorView): DiagramModel {
  const changes = cv.record?.changes ?? [];
  const violations = cv.record?.violations ?? [];
  const by = changesBy(changes);
  const { indexOf, styles } = ownerTable(cv.owners);
  const none = new Set<string>();
  return {
    step: cv.cursor,
    frame: diagramFrame(cv.frame),
    owners: cv.owners,
    styles,
    cpus: cv.view.cpus.map((c) =>
      cpuModel(
        c,
        by.cpu.get(c.id) ?? none,
        indexOf,
        styles,
        violations.some((v) => v.cpu === c.id),
        cv.record?.event.op === 'cpu_suspend' && cv.record.event.cpu === c.id,
      ),
    ),
    contexts: cv.view.contexts.map((c) =>
      contextModel(
        c,
        indexOf.get(c.id) ?? -1,
        styles[indexOf.get(c.id) ?? -1] ?? SCRATCH_STYLE,
        by.ctx.get(c.id) ?? none,
        violations.some((v) => v.context === c.id),
      ),
    ),
    violations,
  };
}
