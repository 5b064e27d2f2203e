// Plain views of a machine state for the JSON output (fpsimd-result/1 `final`) and the UI.
import { kernelOwner, kernelStorage, ownerName, storageName, type MachineConfig } from './config';
import type { Machine } from './machine';
import { NOTHING, SCRATCH, type MachineState } from './state';
import { describeContextSve, describeCpuSve, type ContextSveView, type CpuSveView } from './describeSve';
import type { Mode } from './types';

export type { ContextSveView, CpuSveView, HCopyState, HState } from './describeSve';

export interface CpuView {
  id: number;
  current: string | null;
  mode: Mode;
  regs: { owner: string | null; latest: boolean };
  lastState: string | null;
  irqsDisabled: boolean;
  /** SVE machines only: vector length, EL0 SVE, the registers' upper state (describeSve.ts). */
  sve?: CpuSveView;
  [kernelName: string]: unknown;
}

export interface ContextView {
  id: string;
  kind: 'task' | 'kthread' | 'vcpu' | 'kernel_neon';
  cpuField?: number | null;
  foreignFpstate?: boolean;
  memLatest: boolean;
  /** vcpus: inside KVM_RUN (loaded on some CPU or preempted while loaded). */
  inRun?: boolean;
  /** SVE machines only (tasks and vcpus): V and H of sve_state, TIF_SVE, fp_type, ... (describeSve.ts). */
  sve?: ContextSveView;
  [kernelName: string]: unknown;
}

export interface StateView {
  cpus: CpuView[];
  contexts: ContextView[];
}

/** The most a replay's views hold at once: a diagram sized for it holds still while stepping. */
export interface ViewBounds {
  /** The most TASK.kernel owners listed at one step. */
  kernelListed: number;
  /** Some task had signal frames pending (describeState lists the field only then). */
  signalFrames: boolean;
  /** Some task had TIF_KERNEL_FPSTATE set (likewise). */
  kernelFpstate: boolean;
}

export function emptyViewBounds(): ViewBounds {
  return { kernelListed: 0, signalFrames: false, kernelFpstate: false };
}

/**
 * Marks in `listed` (one slot per task) the tasks whose kernel-mode NEON data (the context TASK.kernel)
 * is listed in state s: while its section is open or a CPU's binding (fpsimd_last_state) still names
 * its storage. Grows `b` to cover s. Called after every event of a replay: one pass over tasks and
 * CPUs, no allocation.
 */
export function trackListed(cfg: MachineConfig, s: MachineState, listed: Uint8Array, b: ViewBounds): void {
  const tasks = s.tasks;
  const cpus = s.cpus;
  const nTasks = cfg.nTasks;
  let now = 0;
  for (let t = 0; t < nTasks; t++) {
    const task = tasks[t];
    if (task.section) {
      listed[t] = 1;
      now++;
    }
    if (task.frames !== 0) b.signalFrames = true;
    if (task.kernelFpstate) b.kernelFpstate = true;
  }
  // kernelStorageTask(cfg, st) = st - base for st >= base: computed once, not per CPU.
  const base = kernelStorage(cfg, 0);
  for (let c = 0; c < cpus.length; c++) {
    const st = cpus[c].lastState;
    if (st < base) continue;
    const t = st - base;
    listed[t] = 1;
    if (tasks[t].section) continue;
    let counted = false;
    for (let d = 0; d < c && !counted; d++) counted = cpus[d].lastState === st;
    if (!counted) now++;
  }
  if (now > b.kernelListed) b.kernelListed = now;
}

/**
 * A view with every row that views within `b` can show: each context with the optional fields it may
 * gain, and `b.kernelListed` TASK.kernel owners (placeholders named by their slot).
 */
export function boundingView(m: Machine, s: MachineState, b: ViewBounds): StateView {
  const view = describeState(m, s);
  const contexts = view.contexts
    .filter((c) => c.kind !== 'kernel_neon')
    .map((c): ContextView => {
      if (c.kind === 'vcpu') return c;
      const wide: ContextView = { ...c };
      if (b.signalFrames) wide.signalFrames = 1;
      if (b.kernelFpstate) wide.TIF_KERNEL_FPSTATE = true;
      return wide;
    });
  for (let k = 0; k < b.kernelListed; k++) contexts.push(kernelNeonView(`kernel-slot-${k}`, false, -1, true));
  return { cpus: view.cpus, contexts };
}

function kernelNeonView(id: string, section: boolean, kernelCpu: number, memLatest: boolean): ContextView {
  return {
    id,
    kind: 'kernel_neon',
    section,
    kernelFpsimdCpu: kernelCpu < 0 ? null : kernelCpu,
    memLatest,
  };
}

/** The contexts and TASK.kernel owners that `listed` marks, in the order describeState lists them. */
export function listedOwners(cfg: MachineConfig, listed: Uint8Array): Pick<ContextView, 'id' | 'kind'>[] {
  const owners: Pick<ContextView, 'id' | 'kind'>[] = cfg.contexts.map((c) => ({ id: c.id, kind: c.kind }));
  for (let t = 0; t < cfg.nTasks; t++)
    if (listed[t]) owners.push({ id: ownerName(cfg, kernelOwner(cfg, t)), kind: 'kernel_neon' });
  return owners;
}

/** Eras whose saved state has a format of its own, thread.fp_type (since v6.2: the v6 eras). */
export function hasFpType(eraId: string): boolean {
  return /^v6\./.test(eraId);
}

export function describeState(m: Machine, s: MachineState): StateView {
  const { cfg } = m;
  const g = s.ghost;
  const name = (i: number): string | null => (i >= 0 && i < cfg.contexts.length ? cfg.contexts[i].id : null);
  const owner = (o: number): string | null => (o >= 0 ? ownerName(cfg, o) : null);
  const fieldValue = (f: (typeof m.variant.era.fields)[number], n: number): unknown =>
    f.values ? f.values[n] : n !== 0;
  const cpus = s.cpus.map((c, i): CpuView => {
    const o = g.regOwner[i];
    const v: CpuView = {
      id: i,
      current: name(c.current),
      mode: c.mode,
      regs: {
        owner: o === SCRATCH ? 'kernel-neon' : o === NOTHING ? null : owner(o),
        latest: o >= 0 && g.regVer[i] === g.newest[o],
      },
      // A pointer past the contexts names a per-CPU storage (v4.17's host context), not nothing.
      lastState: c.lastState < 0 ? null : storageName(cfg, c.lastState),
      irqsDisabled: c.irqsOff,
    };
    for (const f of m.variant.era.fields)
      if (f.scope === 'cpu' && !f.sve) v[f.name] = fieldValue(f, c.x[f.slot]);
      // An SVE field exists on SVE machines only (CpuState.sve.x).
      else if (f.scope === 'cpu' && c.sve) v[f.name] = fieldValue(f, c.sve.x[f.slot]);
    if (c.sve) v.sve = describeCpuSve(cfg, s, i);
    return v;
  });
  const fpType = hasFpType(m.variant.era.id);
  const contexts: ContextView[] = cfg.contexts.map((ctx, i): ContextView => {
    const memLatest = g.newest[i] < 0 || (g.memOwner[i] === i && g.memVer[i] === g.newest[i]);
    if (ctx.kind !== 'vcpu') {
      const t = s.tasks[i];
      const view: ContextView = {
        id: ctx.id,
        kind: ctx.kind,
        cpuField: t.cpuField < 0 ? null : t.cpuField,
        foreignFpstate: t.foreign,
        memLatest,
      };
      // Fields of the lifecycle ops appear only once used, so earlier results read as before.
      if (t.frames) view.signalFrames = t.frames;
      if (t.kernelFpstate) view.TIF_KERNEL_FPSTATE = true;
      if (t.sve && ctx.kind === 'task') view.sve = describeContextSve(cfg, s, i, fpType);
      return view;
    }
    const vs = s.vcpus[i - cfg.nTasks];
    const v: ContextView = { id: ctx.id, kind: 'vcpu', memLatest, inRun: vs.inRun };
    for (const f of m.variant.era.fields)
      if (f.scope === 'vcpu' && !f.sve) v[f.name] = fieldValue(f, vs.x[f.slot]);
      // An SVE field exists on SVE machines only (VcpuState.sve.x).
      else if (f.scope === 'vcpu' && vs.sve) v[f.name] = fieldValue(f, vs.sve.x[f.slot]);
    if (vs.sve) v.sve = describeContextSve(cfg, s, i, fpType);
    return v;
  });
  // TASK.kernel: a task's kernel-mode NEON data, while listed (trackListed).
  const listed = new Uint8Array(cfg.nTasks);
  trackListed(cfg, s, listed, emptyViewBounds());
  for (let t = 0; t < cfg.nTasks; t++) {
    if (!listed[t]) continue;
    const ts = s.tasks[t];
    const o = kernelOwner(cfg, t);
    const st = kernelStorage(cfg, t);
    contexts.push(
      kernelNeonView(
        ownerName(cfg, o),
        ts.section,
        ts.kernelCpu,
        g.newest[o] < 0 || (g.memOwner[st] === o && g.memVer[st] === g.newest[o]),
      ),
    );
  }
  return { cpus, contexts };
}
