// What a kernel era provides to the shared event driver: its kernel functions, by the role they play.
//
// The app's code pane and gallery read the era, kernel and driver modules through their syntax trees
// (scripts/engineCode/describe.ts): how the code is laid out carries no meaning.
import type { HistoricFix } from './history/types';
import type { K } from './kctx';

export interface EraField {
  scope: 'cpu' | 'vcpu';
  /** Kernel name, e.g. KVM_ARM64_FP_ENABLED or fp_owner. */
  name: string;
  /** Index in CpuState.x / VcpuState.x. */
  slot: number;
  /** Labels of an enumerated field; absent for a flag (0 = clear, 1 = set). */
  values?: readonly string[];
  initial: number;
  /** The kernel file that declares it. */
  file: string;
  /**
   * An SVE field: it exists only on SVE machines and lives in CpuState.sve.x / VcpuState.sve.x (slot
   * numbered apart from the FPSIMD fields), so FPSIMD-only states are exactly as before.
   */
  sve?: true;
}

/**
 * Every statement name an era may ablate (v4.18's, eras/v4_18.ts: the other eras ablate none). `on(k,
 * name)` and Era.ablatable take only these, so a misspelt name fails to compile; a test checks each era's
 * list and each `on` site against it.
 */
export const ABLATABLE_NAMES = [
  'ctxsync-bind',
  'ctxsync-clear-foreign',
  'hyp-foreign-check',
  'put-save',
  'put-flush',
  'load-fp-host',
  'flush-sets-foreign',
  'thread-switch-cpu-check',
  'neon-save',
  'signal-save',
  'sigreturn-bind',
  'exec-flush',
  'ptrace-flush',
  'pm-flush',
] as const;

export type AblatableName = (typeof ABLATABLE_NAMES)[number];

/** A statement of an era that an ablation may remove (see variants.ts). */
export interface Ablatable {
  /** Short name used in `on(k, name)` where the statement stands, and in the variant id. */
  name: AblatableName;
  /** What removing it means, naming the statement and its kernel file. */
  description: string;
}

export interface Era {
  id: string;
  /** One line shown by `fpsimd-viz variants` and the app's selector. */
  summary: string;
  fields: readonly EraField[];
  ablatable: readonly Ablatable[];
  /** Real kernel fixes whose pre-fix code this era's module keeps beside the fixed code. */
  historic?: readonly HistoricFix[];
  /**
   * Bugs of this release itself (no pre-fix variant: the era is the bug), each named by the later
   * commit that fixed it; the gallery shows them with the era's own id.
   */
  releaseBugs?: readonly HistoricFix[];
  /** KVM gives guests SVE (since v5.2); eras without it refuse an SVE vcpu. */
  guestSve?: boolean;
  /**
   * Kernel names this era gives to shared functions whose statements it keeps (v6.15's
   * fpsimd_save() is fpsimd_save_user_state()): the trace shows the era's own name.
   */
  renamed?: Readonly<Record<string, string>>;
  /** Where this era's run loop (kvm_arch_vcpu_ioctl_run) lives: virt/kvm/arm/arm.c in 4.x. */
  runLoopFile: string;

  /** The preempt notifier's sched-out of a vcpu thread in KVM_RUN (IRQs off). */
  sched_out(k: K, vcpu: number): void;
  /** __switch_to's FP part (IRQs off). */
  fpsimd_thread_switch(k: K, next: number): void;
  /** The preempt notifier's sched-in of a vcpu thread in KVM_RUN (IRQs on). */
  sched_in(k: K, vcpu: number): void;
  /** Return to user with TIF_FOREIGN_FPSTATE set. */
  fpsimd_restore_current_state(k: K): void;
  kernel_neon_begin(k: K): void;
  kernel_neon_end(k: K): void;
  /** Signal delivery: write current's live registers to memory before the frame is written. */
  fpsimd_preserve_current_state(k: K): void;
  /**
   * rt_sigreturn: what restore_sigframe() does before the frame's FP record is read (v6.16:
   * fpsimd_save_and_flush_current_state()); eras without it do nothing there.
   */
  restore_sigframe?(k: K): void;
  /** rt_sigreturn: the top frame's FP state becomes current's (written to memory; loaded before v6.16). */
  fpsimd_update_current_state(k: K): void;
  /** exec: current's FP state is zeroed and every register copy of it invalidated. */
  fpsimd_flush_thread(k: K): void;
  /** Invalidate task t's register copies (ptrace writes of a stopped tracee). */
  fpsimd_flush_task_state(k: K, t: number): void;
  /** The FPSIMD CPU PM notifier's CPU_PM_ENTER on an idle CPU about to lose power (IRQs off). */
  cpu_pm_enter(k: K): void;
  /** KVM_RUN entry: the pid-change hook and vcpu_load. */
  kvm_run_enter(k: K, vcpu: number): void;
  /** Guest entry with IRQs already off: everything up to eret into the guest, traps configured. */
  guest_entry(k: K, vcpu: number): void;
  /** The hyp handler of a trapped guest FP access. */
  guest_fp_trap(k: K, vcpu: number): void;
  /** Guest exit up to (not including) the run loop's local_irq_enable. */
  guest_exit(k: K, vcpu: number): void;
  /** Leaving KVM_RUN: vcpu_put. */
  kvm_run_exit(k: K, vcpu: number): void;

  // SVE (called on SVE machines only; an era without one does nothing there).
  /** Syscall entry's FP part (sve_user_discard(), fp_user_discard(), fpsimd_syscall_enter()). */
  syscall_entry?(k: K): void;
  /** Syscall exit's FP part before the return to user (v6.16: fpsimd_syscall_exit()). */
  syscall_exit?(k: K): void;
  /** The SVE access trap's handler (do_sve_acc()), run in the trapped task's context. */
  do_sve_acc?(k: K): void;
  /** prctl(PR_SVE_SET_VL) for current: switch its vector length (sve_set_current_vl()). */
  sve_set_current_vl?(k: K): void;
  /** ptrace NT_ARM_SVE write of stopped task t (sve_set() / sve_set_common()). */
  sve_set_common?(k: K, t: number): void;
  /** ptrace NT_ARM_SVE read of stopped task t (sve_get() / sve_get_common()). */
  sve_get_common?(k: K, t: number): void;
  /** ptrace NT_PRFPREG write (fpr_set()), before the read: bring t's uw.fpsimd_state up from sve_state. */
  sve_sync_to_fpsimd?(k: K, t: number): void;
  /** fpr_set(), after the write: zero-pad t's new V registers into its sve_state when it is SVE. */
  sve_sync_from_fpsimd_zeropad?(k: K, t: number): void;
  /**
   * Signal delivery after fpsimd_preserve_current_state(): the frame's FP records, read from memory
   * (preserve_fpsimd_context(), preserve_sve_context()). Absent: the FPSIMD record only.
   */
  setup_sigframe_fp?(k: K): void;
}
