// The scenario format (fpsimd-scenario/1) as TypeScript types, and the event ops.

/** The SVE ops, the last of OPS. */
const SVE_OP_NAMES = [
  'user_sve',
  'do_sve_acc',
  'prctl_set_vl',
  'ptrace_setsve',
  'ptrace_getsve',
  'guest_zcr',
] as const;

export const OPS = [
  'schedule',
  'ret_to_user',
  'syscall',
  'user_fp',
  'kernel_neon',
  'softirq_neon',
  'vcpu_load',
  'guest_enter',
  'guest_fp',
  'guest_exit',
  'vcpu_put',
  // Kernel-mode NEON sections and task lifecycle events (appended: op order is part of share links).
  'kernel_neon_begin',
  'kernel_fp',
  'kernel_neon_end',
  'signal',
  'sigreturn',
  'exec',
  'ptrace_setfp',
  'idle',
  'cpu_suspend',
  // SVE (machines with "sve": true only; appended: op order is part of share links).
  ...SVE_OP_NAMES,
] as const;

export type Op = (typeof OPS)[number];

/** Ops that name a task in `task`. */
export const TASK_OPS: readonly Op[] = ['schedule', 'ptrace_setfp', 'ptrace_setsve', 'ptrace_getsve'];

/** Ops legal only on a machine with SVE (`"sve": true`). */
export const SVE_OPS: readonly Op[] = SVE_OP_NAMES;

export interface ScenarioEvent {
  cpu: number;
  op: Op;
  /** `schedule`: the task switched in; `ptrace_setfp`/`ptrace_setsve`/`ptrace_getsve`: the stopped tracee. */
  task?: string;
  /** A teacher's words for this step, shown as plain text. */
  note?: string;
}

export interface ScenarioTask {
  id: string;
  /** This task is the host thread running that vcpu's KVM_RUN loop. */
  vcpu?: string;
  /** A kernel thread: no user FP state, never returns to user space. */
  kthread?: boolean;
  /** The vcpu this thread runs has SVE (KVM guests have SVE since v5.2); needs an SVE machine. */
  vcpuSve?: boolean;
}

export interface Scenario {
  format: 'fpsimd-scenario/1';
  title: string;
  description?: string;
  variant?: string;
  /** The variant the description and notes were written for; absent: `variant`. */
  notesVariant?: string;
  cpus: number;
  /** The CPUs have SVE (the model's section "SVE"); absent: FPSIMD only, exactly as before. */
  sve?: boolean;
  /** false: the host runs nVHE (the kernel at EL1, hyp apart); absent or true: VHE. */
  vhe?: boolean;
  tasks: ScenarioTask[];
  start: Record<string, string>;
  events: ScenarioEvent[];
}

export type Mode = 'user' | 'kernel' | 'guest' | 'idle';

export type ViolationKind = 'stale-read' | 'lost-update' | 'leak' | 'kernel-warning';

export const VIOLATION_KINDS: readonly ViolationKind[] = [
  'stale-read',
  'lost-update',
  'leak',
  'kernel-warning',
];

export interface Violation {
  step: number;
  kind: ViolationKind;
  /** Context id whose data was affected (or the current task for a kernel warning). */
  context: string | null;
  /** For a leak: the context whose data the registers held (it leaked to `context`). */
  source?: string;
  /**
   * `context` as the engine's owner index (config.ts ownerName: a context, or the contexts' count plus
   * a task for TASK.kernel), -1 for none; the engine keys and renames violations by it, the names are
   * for display.
   */
  owner: number;
  /** `source` as an owner index, with it. */
  sourceOwner?: number;
  cpu: number;
  message: string;
}

export interface Counters {
  hostSaves: number;
  hostRestores: number;
  guestSaves: number;
  guestRestores: number;
  fpTraps: number;
  irqsOffSaveRestores: number;
}

export const COUNTER_NAMES: readonly (keyof Counters)[] = [
  'hostSaves',
  'hostRestores',
  'guestSaves',
  'guestRestores',
  'fpTraps',
  'irqsOffSaveRestores',
];
