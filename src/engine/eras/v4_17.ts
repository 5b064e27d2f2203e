// Era v4.17: before "KVM: arm64: Optimise FPSIMD handling to reduce guest/host thrashing".
// Hold beside arch/arm64/kernel/fpsimd.c, arch/arm64/kvm/hyp/switch.c, arch/arm64/kvm/hyp/entry.S and
// virt/kvm/arm/arm.c of v4.17. Its host side differs from ../kernel/fpsimd_v4_18.ts (task_fpsimd_save() saves
// current's own state; tasks without an mm are skipped), so those functions live here. SVE (machines
// with "sve": true only): TIF_SVE, the EL0 trap toggled in task_fpsimd_load(), fpsimd_last_state's
// sve_in_use, and the run loop's sve_flush_cpu_state(); guests have no SVE (guestSve unset).
import type { Era, EraField } from '../era';
import { memoryToRegs, regsToMemory, writeTaskMemory } from '../ghost';
import { readTaskSve, writeTaskSve } from '../ghostSve';
import {
  current,
  enter,
  fixed,
  get_x,
  in_softirq,
  irqs_disabled,
  leave,
  set_foreign,
  set_fp_trap,
  set_fpsimd_cpu,
  set_last_state,
  set_neon_busy,
  set_x,
  stmt,
  WARN_ON,
  type K,
} from '../kctx';
import {
  cpuSve,
  has_vhe,
  set_task_vl,
  set_tif_sve,
  set_zen,
  system_supports_sve,
  taskSve,
  test_tif_sve,
} from '../kctxSve';
import {
  fpsimd_load_state,
  fpsimd_save_state,
  fpsimd_to_sve,
  kernel_neon_end,
  sve_load_state,
  sve_save_state,
  test_foreign,
} from '../kernel/fpsimd_v4_18';
import {
  do_sve_acc,
  fpsimd_signal_preserve_current_state,
  fpsimd_sync_to_sve,
  __fpr_get,
  sve_sync_to_fpsimd,
  otherVl,
  restore_sve_fpsimd_context,
  setup_sigframe,
  sve_set_vector_length,
  sve_sync_from_fpsimd_zeropad,
  sve_user_discard,
} from '../kernel/fpsimd_sve_v4';
import { VL_MAX } from '../state';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';
const HYP_SWITCH_C = 'arch/arm64/kvm/hyp/switch.c';
const HYP_ENTRY_S = 'arch/arm64/kvm/hyp/entry.S';
const HYP_FPSIMD_S = 'arch/arm64/kvm/hyp/fpsimd.S';
const ARM_C = 'virt/kvm/arm/arm.c';

/** No KVM FP flags in this era: hyp's CPTR_EL2.TFP is all the state it keeps. SVE machines only: */
const SVE_IN_USE = 0;
const fields: EraField[] = [
  { scope: 'cpu', name: 'fpsimd_last_state.sve_in_use', slot: 0, initial: 0, file: FPSIMD_C, sve: true },
];

/** current->mm / next->mm: kernel threads and the idle task have none. */
const has_mm = (k: K, t: number): boolean => t >= 0 && k.cfg.contexts[t].kind !== 'kthread';

/** vcpu->arch.host_cpu_context: this CPU's kvm_host_cpu_state (storage nContexts + cpu). */
const host_cpu_context = (k: K): number => k.cfg.contexts.length + k.cpu;

/** arch/arm64/kernel/fpsimd.c: write the registers into current's own state, if they are current's. */
export function task_fpsimd_save(k: K): void {
  enter(k, 'task_fpsimd_save', FPSIMD_C);
  WARN_ON(
    k,
    !in_softirq(k) && !irqs_disabled(k),
    'task_fpsimd_save() called with IRQs enabled outside softirq',
  );
  const t = current(k);
  const sve = system_supports_sve(k) && test_tif_sve(k, t);
  if (!test_foreign(k, t)) {
    stmt(k, sve ? 'sve-save' : 'save');
    if (sve) {
      // A vector length other than current's cannot be saved: current is killed (SIGKILL).
      const wrongVl = cpuSve(k).vl !== taskSve(k, t).vl;
      if (!WARN_ON(k, wrongVl, 'sve_get_vl() != current->thread.sve_vl in task_fpsimd_save(): SIGKILL'))
        sve_save_state(k, t);
    } else fpsimd_save_state(k, t);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (static): load current's state; SVE: also set the EL0 trap from TIF_SVE. */
export function task_fpsimd_load(k: K): void {
  enter(k, 'task_fpsimd_load', FPSIMD_C);
  const t = current(k);
  if (system_supports_sve(k) && test_tif_sve(k, t)) {
    stmt(k, 'sve-load');
    sve_load_state(k, t);
  } else fpsimd_load_state(k, t);
  if (system_supports_sve(k)) {
    // Toggle SVE trapping for userspace if needed (moved into the bind by v4.18).
    stmt(k, test_tif_sve(k, t) ? 'sve-user-enable' : 'sve-user-disable');
    set_zen(k, test_tif_sve(k, t));
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (static fpsimd_bind_to_cpu): the registers now hold current's state. */
export function fpsimd_bind_to_cpu(k: K): void {
  enter(k, 'fpsimd_bind_to_cpu', FPSIMD_C);
  const t = current(k);
  set_last_state(k, t);
  if (system_supports_sve(k)) {
    stmt(k, 'sve-in-use');
    set_x(k, SVE_IN_USE, -1, test_tif_sve(k, t) ? 1 : 0); // last->sve_in_use = test_thread_flag(TIF_SVE)
  }
  set_fpsimd_cpu(k, t, k.cpu);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (static inline): forget what the registers hold; no flag is set here. */
export function fpsimd_flush_cpu_state(k: K): void {
  enter(k, 'fpsimd_flush_cpu_state', FPSIMD_C);
  set_last_state(k, -1);
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c: if the registers hold a task's SVE state, forget them: guest entry and
 * exit preserve only their FPSIMD part. Called by kvm_fpsimd_flush_cpu_state() before each entry.
 */
export function sve_flush_cpu_state(k: K): void {
  enter(k, 'sve_flush_cpu_state', FPSIMD_C);
  if (k.s.cpus[k.cpu].lastState >= 0 && get_x(k, SVE_IN_USE, -1) !== 0) {
    stmt(k, 'flush');
    fpsimd_flush_cpu_state(k);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: save prev's live state and judge next's, for tasks with an mm only. */
export function fpsimd_thread_switch(k: K, next: number): void {
  enter(k, 'fpsimd_thread_switch', FPSIMD_C);
  if (has_mm(k, current(k))) task_fpsimd_save(k);
  // A kernel thread's TIF_FOREIGN_FPSTATE is left as it was: it never returns to user.
  if (has_mm(k, next)) {
    const live = k.s.cpus[k.cpu].lastState === next && k.s.tasks[next].cpuField === k.cpu;
    stmt(k, live ? 'clear-foreign' : 'set-foreign');
    set_foreign(k, next, !live);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: before returning to user, reload current's state if foreign. */
export function fpsimd_restore_current_state(k: K): void {
  enter(k, 'fpsimd_restore_current_state', FPSIMD_C);
  k.bh++; // local_bh_disable()
  const t = current(k);
  if (test_foreign(k, t)) {
    stmt(k, 'load');
    set_foreign(k, t, false);
    task_fpsimd_load(k);
    fpsimd_bind_to_cpu(k);
  }
  k.bh--; // local_bh_enable()
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: borrow the registers for kernel-mode NEON. */
export function kernel_neon_begin(k: K): void {
  enter(k, 'kernel_neon_begin', FPSIMD_C);
  const c = k.s.cpus[k.cpu];
  WARN_ON(k, irqs_disabled(k) || c.neonBusy, 'kernel_neon_begin() where may_use_simd() is false');
  k.bh++; // local_bh_disable()
  set_neon_busy(k, true);
  if (has_mm(k, current(k))) {
    stmt(k, 'save');
    task_fpsimd_save(k);
    set_foreign(k, current(k), true);
  }
  fpsimd_flush_cpu_state(k);
  k.bh--; // local_bh_enable(), preemption stays off until kernel_neon_end()
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: write current's live registers to its own state (signal frames). */
export function fpsimd_preserve_current_state(k: K): void {
  enter(k, 'fpsimd_preserve_current_state', FPSIMD_C);
  k.bh++; // local_bh_disable()
  task_fpsimd_save(k);
  k.bh--;
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: invalidate t's register copies: thread.fpsimd_cpu = NR_CPUS, no flag. */
export function fpsimd_flush_task_state(k: K, t: number): void {
  enter(k, 'fpsimd_flush_task_state', FPSIMD_C);
  set_fpsimd_cpu(k, t, -1);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (rt_sigreturn): store, load, and bind only if the flag was set. */
export function fpsimd_update_current_state(k: K): void {
  enter(k, 'fpsimd_update_current_state', FPSIMD_C);
  k.bh++; // local_bh_disable()
  const t = current(k);
  stmt(k, 'store');
  writeTaskMemory(k, t);
  if (system_supports_sve(k) && test_tif_sve(k, t)) {
    stmt(k, 'to-sve');
    fpsimd_to_sve(k, t);
  }
  task_fpsimd_load(k);
  if (test_foreign(k, t)) {
    set_foreign(k, t, false);
    stmt(k, 'bind');
    fpsimd_bind_to_cpu(k);
  }
  k.bh--;
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (exec): zero current's state, invalidate its copies, set the flag. */
export function fpsimd_flush_thread(k: K): void {
  enter(k, 'fpsimd_flush_thread', FPSIMD_C);
  k.bh++; // local_bh_disable()
  const t = current(k);
  stmt(k, 'zero');
  writeTaskMemory(k, t); // memset(&current->thread.uw.fpsimd_state, 0, ...)
  if (fixed(k, C674)) {
    stmt(k, 'flush-task');
    fpsimd_flush_task_state(k, t);
  } else {
    // Where the bug lived (v3.16-v4.2) cpu was a member of struct fpsimd_state (split out by
    // 20b8547277a6 in v4.17), so the pre-fix memset zeroed it: the task now claims CPU0.
    stmt(k, 'zero-cpu');
    set_fpsimd_cpu(k, t, 0); // memset(&current->thread.fpsimd_state, 0, sizeof(struct fpsimd_state))
  }
  if (system_supports_sve(k)) {
    // clear_thread_flag(TIF_SVE); sve_free(current); the new image's vector length.
    stmt(k, 'sve-reset');
    set_tif_sve(k, t, false);
    set_task_vl(k, t, VL_MAX); // sve_vl = sve_vl_onexec ?: sve_default_vl (the model's default: max)
  }
  set_foreign(k, t, true);
  k.bh--;
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: CPU_PM_ENTER saves current's state if it has an mm, then forgets. */
export function fpsimd_cpu_pm_notifier(k: K): void {
  enter(k, 'fpsimd_cpu_pm_notifier', FPSIMD_C);
  if (has_mm(k, current(k))) task_fpsimd_save(k);
  if (fixed(k, C7C68)) {
    stmt(k, 'flush');
    fpsimd_flush_cpu_state(k); // this_cpu_write(fpsimd_last_state, NULL)
  }
  leave(k);
}

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

/** arch/arm64/kvm/hyp/switch.c: back to the host (VHE): CPACR_EL1 = CPACR_EL1_DEFAULT, EL0 SVE trapped. */
export function deactivate_traps_vhe(k: K): void {
  enter(k, 'deactivate_traps_vhe', HYP_SWITCH_C);
  stmt(k, 'cpacr-default');
  set_zen(k, false);
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

/** "arm64: flush FP/SIMD state correctly after execve()": exec unbinds the task's old registers. */
const C674 = '674c242c9323';
/** "arm64: fix bug for reloading FPSIMD state after cpu power off": CPU_PM_ENTER unbinds the CPU. */
const C7C68 = '7c68a9cc0402';

export const v4_17: Era = {
  id: 'v4.17',
  runLoopFile: ARM_C,
  summary:
    'Before the patch: every guest entry traps FP; hyp saves the host into the per-CPU host context on the first access and, on every exit, saves the guest and restores the host, IRQs off.',
  fields,
  historic: [
    {
      commit: C7C68,
      subject: 'arm64: fix bug for reloading FPSIMD state after cpu power off',
      date: '2014-09-01',
      affected: 'v3.16 to v3.17-rc (the lazy restore of 005f78cd8849 until this fix)',
      story:
        "A CPU that goes idle and enters a low-power state loses its FPSIMD registers. The CPU PM notifier saved the outgoing state but left fpsimd_last_state pointing at the last task whose state the CPU held. When that task came back to the CPU, fpsimd_thread_switch() found the pointer and the task's cpu field matching, cleared TIF_FOREIGN_FPSTATE, and the task returned to user space with the registers' power-on contents instead of its own data.",
      before:
        "CPU_PM_ENTER saved live state but did not clear this CPU's fpsimd_last_state (statement flush).",
      fix: 'CPU_PM_ENTER also writes fpsimd_last_state = NULL (fpsimd_flush_cpu_state()), so every task reloads after the power-down.',
      statements: ['flush'],
      source:
        'a dated commit list of arch/arm64/kernel/fpsimd.c (a notes page; search index id 49300830419); the sibling CPU hotplug fix 32365e64a20e, whose message describes the same stale pointer after the registers are reset (stored page of its diff); the v4.17 CPU PM notifier with the flush (arch/arm64/kernel/fpsimd.c in a v4.17 tree, SaumyaSachdev/linux-4.17 @ bd206cf2eaf5; first read in a v4.16 copy, search index id 105678143). The pre-fix diff itself was not read: the flush is the one statement the subject and the later code imply.',
    },
    {
      commit: C674,
      subject: 'arm64: flush FP/SIMD state correctly after execve()',
      date: '2015-08-27',
      affected: 'v3.16 to v4.2 (the lazy restore of 005f78cd8849 until this fix)',
      story:
        "exec zeroes the task's saved FP state and sets TIF_FOREIGN_FPSTATE, so that the new program starts with clean registers. The zeroing is a memset of the whole struct fpsimd_state, which then held the cpu field too (v4.17 moved it out, to thread.fpsimd_cpu, in 20b8547277a6), so it set the field to 0: nothing invalidated the binding, so the task's state now claimed to be live on CPU0. Wherever CPU0's fpsimd_last_state still pointed at the task's state (it last ran there, or execs there), a switch onto CPU0 before the return to user found pointer and cpu field matching, cleared the flag, and the new program started with the old program's registers: the zeroed state was never loaded. On any other CPU the zeroed field did not match and the state was reloaded.",
      before:
        'fpsimd_flush_thread() zeroed the state with a memset that also set its cpu field to 0, and set TIF_FOREIGN_FPSTATE, without fpsimd_flush_task_state(current) (statement flush-task).',
      fix: 'fpsimd_flush_thread() calls fpsimd_flush_task_state(current) after the memset, setting the cpu field to NR_CPUS, so no later switch can trust the old registers.',
      statements: ['flush-task', 'zero-cpu'],
      pinsCpu0: true,
      source:
        'a dated commit list of arch/arm64/kernel/fpsimd.c (a notes page; search index id 49300830419); v4.17 fpsimd_flush_thread() with the call (arch/arm64/kernel/fpsimd.c in a v4.17 tree, SaumyaSachdev/linux-4.17 @ bd206cf2eaf5; first read in a v4.16 copy, search index id 105678143). The pre-fix diff itself was not read.',
    },
  ],
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
  restore_sigframe(k) {
    // Every frame has an SVE record on an SVE machine: restore_sve_fpsimd_context() reads it first.
    if (system_supports_sve(k)) restore_sve_fpsimd_context(k);
  },
  fpsimd_update_current_state,
  fpsimd_flush_thread,
  fpsimd_flush_task_state,
  cpu_pm_enter: fpsimd_cpu_pm_notifier,
  syscall_entry: sve_user_discard,
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
  sve_get_common(k, t) {
    // sve_get(): SVE format from sve_state with TIF_SVE, else the FPSIMD registers (__fpr_get()).
    if (test_tif_sve(k, t)) {
      stmt(k, 'read-sve');
      readTaskSve(k, t, 'sve_get()');
    } else __fpr_get(k, t);
  },
  setup_sigframe_fp: setup_sigframe,
  // fpr_set(): __fpr_set() from fpsimd_state brought up to date, then sve_state from it (TIF_SVE).
  sve_sync_to_fpsimd,
  sve_sync_from_fpsimd_zeropad,
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
