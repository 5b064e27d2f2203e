// The step context every modelled kernel function receives: the state it may read and write, which
// CPU it runs on, and the one mechanism through which every write is recorded for the trace.
import { kernelStorage, ownerName, storageName, type MachineConfig } from './config';
import type { MachineState } from './state';
import type { Recorder } from './trace';
import type { Violation, ViolationKind } from './types';
import type { AblatableName, Era, EraField } from './era';

export interface K {
  readonly cfg: MachineConfig;
  readonly s: MachineState;
  readonly era: Era;
  /** smp_processor_id() */
  readonly cpu: number;
  /** The single ablated statement of the variant, or null. */
  readonly ablation: string | null;
  /** Index of the event being applied. */
  readonly step: number;
  /** softirq_count(): >0 inside a softirq or with bottom halves disabled (in_softirq()). */
  bh: number;
  readonly rec: Recorder | null;
  readonly violations: Violation[];
}

/** False when the variant ablates the named statement: `if (on(k, 'ctxsync-bind')) ...`. */
export function on(k: K, statement: AblatableName): boolean {
  return k.ablation !== statement;
}

/** False in the historic variant `ERA/pre-COMMIT12`: the code runs as it stood before that fix. */
export function fixed(k: K, commit: string): boolean {
  return k.ablation === null || k.ablation !== `pre-${commit}`;
}

/**
 * Whether this era's historic variant of `commit` replays an FPSIMD analogue (HistoricFix.analogue):
 * then the real bug's code stays fixed in that variant, and the reverse (v6.15/pre-751ecf6afd65 undoes
 * fpr_set()'s flush, v6.13/pre-751ecf6afd65 sve_init_regs()'s).
 */
export function analogue(k: K, commit: string): boolean {
  return k.era.historic?.some((h) => h.commit === commit && h.analogue === true) ?? false;
}

export function enter(k: K, name: string, file: string): void {
  if (k.rec) k.rec.enter(k.era.renamed?.[name] ?? name, file);
}

export function leave(k: K): void {
  if (k.rec) k.rec.leave();
}

/** Marks a statement the current call executed (for the reviewer's code pane). */
export function stmt(k: K, label: string): void {
  if (k.rec) k.rec.stmt(label);
}

export function report(k: K, kind: ViolationKind, ctx: number, message: string, source = -1): void {
  k.violations.push({
    step: k.step,
    kind,
    context: ctx >= 0 ? ownerName(k.cfg, ctx) : null,
    ...(source >= 0 ? { source: ownerName(k.cfg, source) } : {}),
    owner: ctx >= 0 ? ctx : -1,
    ...(source >= 0 ? { sourceOwner: source } : {}),
    cpu: k.cpu,
    message,
  });
}

/** Models WARN_ON(cond) / BUG_ON(cond): reports a kernel-warning when cond holds. */
export function WARN_ON(k: K, cond: boolean, what: string): boolean {
  if (cond) report(k, 'kernel-warning', current(k), `WARN_ON on CPU${k.cpu}: ${what}`);
  return cond;
}

export function current(k: K): number {
  return k.s.cpus[k.cpu].current;
}

export function irqs_disabled(k: K): boolean {
  return k.s.cpus[k.cpu].irqsOff;
}

export function in_softirq(k: K): boolean {
  return k.bh > 0;
}

const cpuFieldText = (v: number): string => (v < 0 ? 'NR_CPUS' : String(v));
export const flagText = (v: boolean): string => (v ? 'set' : 'clear');

// --- recorded writes -----------------------------------------------------------------------------
// Every setter tests k.rec before building a word: replay and the explorer run without a recorder.

/** Records a write of a field of a CPU (`cpuN.field`; this one by default); only with a recorder (k.rec). */
export function cpuChange(
  k: K,
  field: string,
  before: string,
  after: string,
  ghost = false,
  cpu = k.cpu,
): void {
  (k.rec as Recorder).change({ kind: 'cpu', cpu }, field, `cpu${cpu}.${field}`, before, after, ghost);
}

/** Records a write of a field of context ctx (`ID.field`); only with a recorder (k.rec). */
export function contextChange(
  k: K,
  ctx: number,
  field: string,
  before: string,
  after: string,
  ghost = false,
): void {
  const id = k.cfg.contexts[ctx].id;
  (k.rec as Recorder).change({ kind: 'context', id }, field, `${id}.${field}`, before, after, ghost);
}

/**
 * How many writes so far that can grow what describe.ts's trackListed finds: its marks and bounds only
 * grow, and only a CPU binding a kernel-mode state, a section opening, a task's first signal frame or
 * TIF_KERNEL_FPSTATE set can add to them (a closing section or an unbinding only takes a count down).
 * A replay runs trackListed only after a step that made one.
 */
let listedWrites = 0;
export const listedWriteCount = (): number => listedWrites;
const listedWrite = (): void => {
  listedWrites = (listedWrites + 1) | 0;
};

export function set_last_state(k: K, storage: number): void {
  const c = k.s.cpus[k.cpu];
  if (c.lastState === storage) return;
  if (k.rec) cpuChange(k, 'fpsimd_last_state', storageName(k.cfg, c.lastState), storageName(k.cfg, storage));
  c.lastState = storage;
  if (storage >= kernelStorage(k.cfg, 0)) listedWrite();
}

export function set_irqs_off(k: K, off: boolean): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec) cpuChange(k, 'irqs', c.irqsOff ? 'off' : 'on', off ? 'off' : 'on');
  c.irqsOff = off;
}

export function set_fp_trap(k: K, trap: boolean): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec) cpuChange(k, 'CPTR_EL2.TFP', flagText(c.fpTrap), flagText(trap));
  c.fpTrap = trap;
}

export function set_neon_busy(k: K, busy: boolean): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec) cpuChange(k, 'kernel_neon_busy', String(c.neonBusy), String(busy));
  c.neonBusy = busy;
}

const currentText = (k: K, t: number): string => (t < 0 ? 'idle' : k.cfg.contexts[t].id);

export function set_current(k: K, task: number): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec) cpuChange(k, 'current', currentText(k, c.current), currentText(k, task));
  c.current = task;
}

export function set_mode(k: K, mode: MachineState['cpus'][number]['mode']): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec) cpuChange(k, 'mode', c.mode, mode);
  c.mode = mode;
}

// Each task setter names its field: a setter shared by field name (part[f] = v) turns the property
// access megamorphic, and these run on every step of replay and the explorer.

/** TIF_FOREIGN_FPSTATE of task t (set_tsk_thread_flag / clear_tsk_thread_flag). */
export function set_foreign(k: K, t: number, v: boolean): void {
  // The idle task (t < 0) has no user state: its flag is not modelled (test_foreign: always set).
  if (t < 0) return;
  const ts = k.s.tasks[t];
  if (k.rec) contextChange(k, t, 'TIF_FOREIGN_FPSTATE', flagText(ts.foreign), flagText(v));
  ts.foreign = v;
}

/** thread.fpsimd_cpu of task t (-1 = NR_CPUS). */
export function set_fpsimd_cpu(k: K, t: number, cpu: number): void {
  const ts = k.s.tasks[t];
  if (k.rec) contextChange(k, t, 'fpsimd_cpu', cpuFieldText(ts.cpuField), cpuFieldText(cpu));
  ts.cpuField = cpu;
}

const sectionText = (open: boolean): string => (open ? 'open' : 'closed');

/** The task opens (true) or closes its kernel-mode NEON section (the model's field). */
export function set_section(k: K, t: number, open: boolean): void {
  const ts = k.s.tasks[t];
  if (k.rec) contextChange(k, t, 'kernel-mode NEON section', sectionText(ts.section), sectionText(open));
  ts.section = open;
  if (open) listedWrite();
}

/** TIF_KERNEL_FPSTATE of task t (v6.8 and later). */
export function set_kernel_fpstate(k: K, t: number, v: boolean): void {
  const ts = k.s.tasks[t];
  if (k.rec) contextChange(k, t, 'TIF_KERNEL_FPSTATE', flagText(ts.kernelFpstate), flagText(v));
  ts.kernelFpstate = v;
  if (v) listedWrite();
}

/** thread.kernel_fpsimd_cpu of task t (v6.8 and later; -1: never saved). */
export function set_kernel_fpsimd_cpu(k: K, t: number, cpu: number): void {
  const ts = k.s.tasks[t];
  if (k.rec) contextChange(k, t, 'kernel_fpsimd_cpu', cpuFieldText(ts.kernelCpu), cpuFieldText(cpu));
  ts.kernelCpu = cpu;
}

/** The number of signal frames pending on task t's user stack (the model's field). */
export function set_signal_frames(k: K, t: number, n: number): void {
  const ts = k.s.tasks[t];
  if (k.rec) contextChange(k, t, 'signal frames', String(ts.frames), String(n));
  if (ts.frames === 0 && n !== 0) listedWrite();
  ts.frames = n;
}

export function set_vcpu_in_run(k: K, v: number, inRun: boolean, mapped: boolean): void {
  const vs = k.s.vcpus[v - k.cfg.nTasks];
  if (k.rec) {
    contextChange(k, v, 'in KVM_RUN', String(vs.inRun), String(inRun));
    contextChange(k, v, 'hyp mapping', String(vs.mapped), String(mapped));
  }
  vs.inRun = inRun;
  vs.mapped = mapped;
}

/** The array an era field lives in (an SVE field in the `sve` part, present on SVE machines only). */
function xArray(k: K, def: EraField, v: number): number[] {
  if (def.sve) {
    const part = def.scope === 'cpu' ? k.s.cpus[k.cpu].sve : k.s.vcpus[v - k.cfg.nTasks].sve;
    if (!part) throw new Error(`${def.name} is an SVE field: this machine has no SVE`);
    return part.x;
  }
  return def.scope === 'cpu' ? k.s.cpus[k.cpu].x : k.s.vcpus[v - k.cfg.nTasks].x;
}

/** An era-specific field (Era.fields[f]) of vcpu context v or of this CPU. */
export function set_x(k: K, f: number, v: number, value: number): void {
  const def = k.era.fields[f];
  const arr = xArray(k, def, v);
  if (k.rec) {
    const fmt = (n: number): string => (def.values ? def.values[n] : flagText(n !== 0));
    if (def.scope === 'cpu') cpuChange(k, def.name, fmt(arr[def.slot]), fmt(value));
    else contextChange(k, v, def.name, fmt(arr[def.slot]), fmt(value));
  }
  arr[def.slot] = value;
}

export function get_x(k: K, f: number, v: number): number {
  const def = k.era.fields[f];
  return xArray(k, def, v)[def.slot];
}
