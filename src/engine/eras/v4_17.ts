// Era v4.17: before "KVM: arm64: Optimise FPSIMD handling to reduce guest/host thrashing".
// Hold beside arch/arm64/kernel/fpsimd.c, arch/arm64/kvm/hyp/switch.c, arch/arm64/kvm/hyp/entry.S and
// virt/kvm/arm/arm.c of v4.17. Its host side, which differs from v4.18's, is ../kernel/fpsimd_v4_17.ts;
// the stories of its historic fixes are ../history/v4_17.ts. Guests have no SVE (guestSve unset).
import type { Era, EraField } from '../era';
import { memoryToRegs, regsToMemory } from '../ghost';
import { writeTaskSve } from '../ghostSve';
import { current, enter, leave, set_fp_trap, stmt, type K } from '../kctx';
import { has_vhe, set_tif_sve, set_zen, system_supports_sve, taskSve } from '../kctxSve';
import { deactivate_traps_vhe } from './v4_hyp_vhe';
import { fpsimd_flush_task_state, kernel_neon_end } from '../kernel/fpsimd_v4_18';
import {
  do_sve_acc,
  fpsimd_signal_preserve_current_state,
  fpsimd_sync_to_sve,
  otherVl,
  sve_set_vector_length,
  V4_SVE_HOOKS,
} from '../kernel/fpsimd_sve_v4';
import {
  fpsimd_cpu_pm_notifier,
  fpsimd_flush_thread,
  fpsimd_preserve_current_state,
  fpsimd_restore_current_state,
  fpsimd_thread_switch,
  fpsimd_update_current_state,
  HOST_FIELDS,
  kernel_neon_begin,
  sve_flush_cpu_state,
  task_fpsimd_save,
} from '../kernel/fpsimd_v4_17';
import { V4_17_FIXES } from '../history/v4_17';

const HYP_SWITCH_C = 'arch/arm64/kvm/hyp/switch.c';
const HYP_ENTRY_S = 'arch/arm64/kvm/hyp/entry.S';
const HYP_FPSIMD_S = 'arch/arm64/kvm/hyp/fpsimd.S';
const ARM_C = 'virt/kvm/arm/arm.c';

/** No KVM FP flags in this era: hyp's CPTR_EL2.TFP is all the state it keeps. */
const fields: EraField[] = [...HOST_FIELDS];

/** vcpu->arch.host_cpu_context: this CPU's kvm_host_cpu_state (storage nContexts + cpu). */
const host_cpu_context = (k: K): number => k.cfg.contexts.length + k.cpu;

/** arch/arm64/kvm/hyp/switch.c (__activate_traps_nvhe): every entry traps guest FP (CPTR_EL2.TFP). */
export function __activate_traps(k: K): void {
  enter(k, '__activate_traps', HYP_SWITCH_C);
  if (system_supports_sve(k) && has_vhe(k)) {
    // activate_traps_vhe(): val &= ~(CPACR_EL1_FPEN | CPACR_EL1_ZEN), the host's EL0 bit with it.
    stmt(k, 'vhe-zen');
    set_zen(k, false);
  }
  stmt(k, 'set-tfp');
  set_fp_trap(k, true);
  leave(k);
}

/**
 * arch/arm64/kvm/hyp/entry.S: the guest's first FP access of this entry: stop trapping, save whatever
 * the registers hold into the per-CPU host context, load the guest's state.
 */
export function __fpsimd_guest_restore(k: K, v: number): void {
  enter(k, '__fpsimd_guest_restore', HYP_ENTRY_S);
  set_fp_trap(k, false);
  stmt(k, 'save-host');
  enter(k, '__fpsimd_save_state', HYP_FPSIMD_S);
  regsToMemory(k, host_cpu_context(k)); // host_cpu_context->gp_regs.fp_regs
  leave(k);
  stmt(k, 'load-guest');
  enter(k, '__fpsimd_restore_state', HYP_FPSIMD_S);
  memoryToRegs(k, v);
  leave(k);
  leave(k);
}

/** arch/arm64/kvm/hyp/switch.c: the guest took its FP trap in this entry (CPTR_EL2.TFP is clear). */
export function __fpsimd_enabled_nvhe(k: K): boolean {
  return !k.s.cpus[k.cpu].fpTrap;
}

/**
 * arch/arm64/kvm/hyp/switch.c (__kvm_vcpu_run_nvhe, after the guest exits): if the guest used FP, save
 * its registers and restore the host's from the per-CPU host context, all before IRQs come back on.
 */
export function __kvm_vcpu_run_exit(k: K, v: number): void {
  enter(k, '__kvm_vcpu_run_nvhe', HYP_SWITCH_C);
  if (system_supports_sve(k) && has_vhe(k)) deactivate_traps_vhe(k);
  if (__fpsimd_enabled_nvhe(k)) {
    stmt(k, 'save-guest');
    enter(k, '__fpsimd_save_state', HYP_FPSIMD_S);
    regsToMemory(k, v); // guest_ctxt->gp_regs.fp_regs
    leave(k);
    stmt(k, 'restore-host');
    enter(k, '__fpsimd_restore_state', HYP_FPSIMD_S);
    memoryToRegs(k, host_cpu_context(k));
    leave(k);
  }
  leave(k);
}

/** virt/kvm/arm/arm.c: vcpu_load's arch part; no FP work in this era. */
export function kvm_arch_vcpu_load(k: K): void {
  enter(k, 'kvm_arch_vcpu_load', ARM_C);
  leave(k);
}

/** virt/kvm/arm/arm.c: vcpu_put's arch part; no FP work in this era. */
export function kvm_arch_vcpu_put(k: K): void {
  enter(k, 'kvm_arch_vcpu_put', ARM_C);
  leave(k);
}

export const v4_17: Era = {
  id: 'v4.17',
  runLoopFile: ARM_C,
  summary:
    'Before the patch: every guest entry traps FP; hyp saves the host into the per-CPU host context on the first access and, on every exit, saves the guest and restores the host, IRQs off.',
  fields,
  historic: V4_17_FIXES,
  ablatable: [],
  sched_out: kvm_arch_vcpu_put,
  fpsimd_thread_switch,
  sched_in: kvm_arch_vcpu_load,
  fpsimd_restore_current_state,
  kernel_neon_begin,
  kernel_neon_end,
  fpsimd_preserve_current_state(k) {
    // setup_rt_frame() calls fpsimd_signal_preserve_current_state(): its SVE tail on SVE machines.
    if (system_supports_sve(k)) fpsimd_signal_preserve_current_state(k, fpsimd_preserve_current_state);
    else fpsimd_preserve_current_state(k);
  },
  fpsimd_update_current_state,
  fpsimd_flush_thread,
  fpsimd_flush_task_state,
  cpu_pm_enter: fpsimd_cpu_pm_notifier,
  ...V4_SVE_HOOKS,
  do_sve_acc(k) {
    // do_sve_acc() as in v4.18, its save being this era's task_fpsimd_save().
    do_sve_acc(k, task_fpsimd_save);
  },
  sve_set_current_vl(k) {
    // sve_set_current_vl(): sve_set_vector_length(current, vl, 0) with the other vector length.
    sve_set_vector_length(k, current(k), otherVl(taskSve(k, current(k)).vl), task_fpsimd_save);
  },
  sve_set_common(k, t) {
    // sve_set(), full SVE case at the tracee's own vector length (sve_set_vector_length() keeps it).
    fpsimd_sync_to_sve(k, t);
    set_tif_sve(k, t, true); // set_tsk_thread_flag(target, TIF_SVE)
    stmt(k, 'write');
    writeTaskSve(k, t); // user_regset_copyin(..., target->thread.sve_state, ...)
    fpsimd_flush_task_state(k, t);
  },
  kvm_run_enter(k) {
    // No kvm_arch_vcpu_run_pid_change() yet: hyp never reads the host thread's flags.
    enter(k, 'vcpu_load', 'virt/kvm/kvm_main.c');
    kvm_arch_vcpu_load(k);
    leave(k);
  },
  guest_entry(k) {
    // The run loop's kvm_fpsimd_flush_cpu_state() (before local_irq_disable(), IRQs on, preemption off).
    if (system_supports_sve(k)) sve_flush_cpu_state(k);
    enter(k, '__kvm_vcpu_run_nvhe', HYP_SWITCH_C);
    __activate_traps(k);
    leave(k);
  },
  guest_fp_trap: __fpsimd_guest_restore,
  guest_exit: __kvm_vcpu_run_exit,
  kvm_run_exit(k) {
    enter(k, 'vcpu_put', 'virt/kvm/kvm_main.c');
    kvm_arch_vcpu_put(k);
    leave(k);
  },
};
