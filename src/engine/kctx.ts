// The step context every modelled kernel function receives: the state it may read and write, which
// CPU it runs on, and the one mechanism through which every write is recorded for the trace.
import { ownerName, storageName, type MachineConfig } from './config';
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

const cpuName = (c: number): string => `cpu${c}`;
const cpuFieldText = (v: number): string => (v < 0 ? 'NR_CPUS' : String(v));
const flagText = (v: boolean): string => (v ? 'set' : 'clear');

// --- recorded writes -----------------------------------------------------------------------------

export function set_last_state(k: K, storage: number): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec && c.lastState !== storage)
    k.rec.change(
      { kind: 'cpu', cpu: k.cpu },
      'fpsimd_last_state',
      `${cpuName(k.cpu)}.fpsimd_last_state`,
      storageName(k.cfg, c.lastState),
      storageName(k.cfg, storage),
      false,
    );
  c.lastState = storage;
}

export function set_irqs_off(k: K, off: boolean): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec)
    k.rec.change(
      { kind: 'cpu', cpu: k.cpu },
      'irqs',
      `${cpuName(k.cpu)}.irqs`,
      c.irqsOff ? 'off' : 'on',
      off ? 'off' : 'on',
      false,
    );
  c.irqsOff = off;
}

export function set_fp_trap(k: K, trap: boolean): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec)
    k.rec.change(
      { kind: 'cpu', cpu: k.cpu },
      'CPTR_EL2.TFP',
      `${cpuName(k.cpu)}.CPTR_EL2.TFP`,
      flagText(c.fpTrap),
      flagText(trap),
      false,
    );
  c.fpTrap = trap;
}

export function set_neon_busy(k: K, busy: boolean): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec)
    k.rec.change(
      { kind: 'cpu', cpu: k.cpu },
      'kernel_neon_busy',
      `${cpuName(k.cpu)}.kernel_neon_busy`,
      String(c.neonBusy),
      String(busy),
      false,
    );
  c.neonBusy = busy;
}

export function set_current(k: K, task: number): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec)
    k.rec.change(
      { kind: 'cpu', cpu: k.cpu },
      'current',
      `${cpuName(k.cpu)}.current`,
      c.current < 0 ? 'idle' : k.cfg.contexts[c.current].id,
      task < 0 ? 'idle' : k.cfg.contexts[task].id,
      false,
    );
  c.current = task;
}

export function set_mode(k: K, mode: MachineState['cpus'][number]['mode']): void {
  const c = k.s.cpus[k.cpu];
  if (k.rec) k.rec.change({ kind: 'cpu', cpu: k.cpu }, 'mode', `${cpuName(k.cpu)}.mode`, c.mode, mode, false);
  c.mode = mode;
}

/** TIF_FOREIGN_FPSTATE of task t (set_tsk_thread_flag / clear_tsk_thread_flag). */
export function set_foreign(k: K, t: number, v: boolean): void {
  // The idle task (t < 0) has no user state: its flag is not modelled (test_foreign: always set).
  if (t < 0) return;
  const ts = k.s.tasks[t];
  if (k.rec) {
    const id = k.cfg.contexts[t].id;
    k.rec.change(
      { kind: 'context', id },
      'TIF_FOREIGN_FPSTATE',
      `${id}.TIF_FOREIGN_FPSTATE`,
      flagText(ts.foreign),
      flagText(v),
      false,
    );
  }
  ts.foreign = v;
}

/** thread.fpsimd_cpu of task t (-1 = NR_CPUS). */
export function set_fpsimd_cpu(k: K, t: number, cpu: number): void {
  const ts = k.s.tasks[t];
  if (k.rec) {
    const id = k.cfg.contexts[t].id;
    k.rec.change(
      { kind: 'context', id },
      'fpsimd_cpu',
      `${id}.fpsimd_cpu`,
      cpuFieldText(ts.cpuField),
      cpuFieldText(cpu),
      false,
    );
  }
  ts.cpuField = cpu;
}

/** A task's field the model records beside the kernel's (section, TIF_KERNEL_FPSTATE, ...). */
function taskChange(k: K, t: number, field: string, before: string, after: string): void {
  if (!k.rec) return;
  const id = k.cfg.contexts[t].id;
  k.rec.change({ kind: 'context', id }, field, `${id}.${field}`, before, after, false);
}

/** The task opens (true) or closes its kernel-mode NEON section. */
export function set_section(k: K, t: number, open: boolean): void {
  const ts = k.s.tasks[t];
  taskChange(k, t, 'kernel-mode NEON section', ts.section ? 'open' : 'closed', open ? 'open' : 'closed');
  ts.section = open;
}

/** TIF_KERNEL_FPSTATE of task t (v6.8 and later). */
export function set_kernel_fpstate(k: K, t: number, v: boolean): void {
  const ts = k.s.tasks[t];
  taskChange(k, t, 'TIF_KERNEL_FPSTATE', flagText(ts.kernelFpstate), flagText(v));
  ts.kernelFpstate = v;
}

/** thread.kernel_fpsimd_cpu of task t (v6.8 and later; -1: never saved). */
export function set_kernel_fpsimd_cpu(k: K, t: number, cpu: number): void {
  const ts = k.s.tasks[t];
  taskChange(k, t, 'kernel_fpsimd_cpu', cpuFieldText(ts.kernelCpu), cpuFieldText(cpu));
  ts.kernelCpu = cpu;
}

/** The number of signal frames pending on task t's user stack. */
export function set_signal_frames(k: K, t: number, n: number): void {
  const ts = k.s.tasks[t];
  taskChange(k, t, 'signal frames', String(ts.frames), String(n));
  ts.frames = n;
}

export function set_vcpu_in_run(k: K, v: number, inRun: boolean, mapped: boolean): void {
  const vs = k.s.vcpus[v - k.cfg.nTasks];
  if (k.rec) {
    const id = k.cfg.contexts[v].id;
    k.rec.change(
      { kind: 'context', id },
      'in KVM_RUN',
      `${id}.in KVM_RUN`,
      String(vs.inRun),
      String(inRun),
      false,
    );
    k.rec.change(
      { kind: 'context', id },
      'hyp mapping',
      `${id}.hyp mapping`,
      String(vs.mapped),
      String(mapped),
      false,
    );
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
    const target =
      def.scope === 'cpu'
        ? { kind: 'cpu' as const, cpu: k.cpu }
        : { kind: 'context' as const, id: k.cfg.contexts[v].id };
    const owner = def.scope === 'cpu' ? cpuName(k.cpu) : k.cfg.contexts[v].id;
    k.rec.change(target, def.name, `${owner}.${def.name}`, fmt(arr[def.slot]), fmt(value), false);
  }
  arr[def.slot] = value;
}

export function get_x(k: K, f: number, v: number): number {
  const def = k.era.fields[f];
  return xArray(k, def, v)[def.slot];
}
