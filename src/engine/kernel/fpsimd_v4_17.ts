// The host side of v4.17: arch/arm64/kernel/fpsimd.c before "KVM: arm64: Optimise FPSIMD handling to
// reduce guest/host thrashing". It differs from ./fpsimd_v4_18.ts (task_fpsimd_save() saves current's own
// state; tasks without an mm are skipped). SVE (machines with "sve": true only): TIF_SVE, the EL0 trap
// toggled in task_fpsimd_load(), fpsimd_last_state's sve_in_use, and the run loop's sve_flush_cpu_state().
import type { EraField } from '../era';
import { writeTaskMemory } from '../ghost';
import {
  current,
  enter,
  fixed,
  get_x,
  in_softirq,
  irqs_disabled,
  leave,
  set_foreign,
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
  set_task_vl,
  set_tif_sve,
  set_zen,
  system_supports_sve,
  taskSve,
  test_tif_sve,
} from '../kctxSve';
// fpsimd_flush_task_state() is v4.18's, unchanged (thread.fpsimd_cpu = NR_CPUS): one definition.
import {
  fpsimd_flush_task_state,
  fpsimd_load_state,
  fpsimd_save_state,
  fpsimd_to_sve,
  sve_load_state,
  sve_save_state,
  test_foreign,
} from './fpsimd_v4_18';
import { VL_MAX } from '../state';
import { C674, C7C68 } from '../history/v4_17';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';

/** SVE machines only: which of this CPU's registers fpsimd_last_state says hold SVE state. */
const SVE_IN_USE = 0;
export const HOST_FIELDS: EraField[] = [
  { scope: 'cpu', name: 'fpsimd_last_state.sve_in_use', slot: 0, initial: 0, file: FPSIMD_C, sve: true },
];

/** current->mm / next->mm: kernel threads and the idle task have none. */
const has_mm = (k: K, t: number): boolean => t >= 0 && k.cfg.contexts[t].kind !== 'kthread';

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
