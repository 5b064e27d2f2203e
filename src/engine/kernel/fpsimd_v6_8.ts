// The host side where mainline differs from v4.18: arch/arm64/kernel/fpsimd.c since v6.8 (kernel-mode
// NEON preserved across context switch with TIF_KERNEL_FPSTATE), with e92bee9f861b's flush at switch-in.
// The save, load, bind and fpsimd_flush_task_state() with their SVE
// branches are ./fpsimd_v6.ts; the rest is ./fpsimd_v4_18.ts.
import { kernelStorage } from '../config';
import { writeTaskMemory } from '../ghost';
import { zeroSveState } from '../ghostSve';
import { set_fp_type, set_task_vl, set_tif_sve, system_supports_sve, test_tif_sve } from '../kctxSve';
import { FP_STATE_FPSIMD, VL_MAX } from '../state';
import {
  current,
  enter,
  fixed,
  in_softirq,
  irqs_disabled,
  leave,
  set_foreign,
  set_irqs_off,
  set_kernel_fpsimd_cpu,
  set_kernel_fpstate,
  stmt,
  WARN_ON,
  type K,
} from '../kctx';
import { fpsimd_flush_cpu_state, fpsimd_load_state, fpsimd_save_state, fpsimd_to_sve } from './fpsimd_v4_18';
import {
  fpsimd_bind_state_to_cpu,
  fpsimd_bind_task_to_cpu,
  fpsimd_save_user_state,
  task_fpsimd_load,
  fpsimd_flush_task_state,
} from './fpsimd_v6';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';

/** "arm64/fpsimd: Avoid erroneous elide of user state reload" (v6.10, 2024-05-22). */
export const E92B = 'e92bee9f861b';

/** test_tsk_thread_flag(t, TIF_KERNEL_FPSTATE); the idle task never has it. */
const kernelFpstate = (k: K, t: number): boolean => t >= 0 && k.s.tasks[t].kernelFpstate;

/** arch/arm64/kernel/fpsimd.c: save t's kernel-mode registers to thread.kernel_fpsimd_state, bind it. */
export function fpsimd_save_kernel_state(k: K, t: number): void {
  enter(k, 'fpsimd_save_kernel_state', FPSIMD_C);
  const st = kernelStorage(k.cfg, t);
  fpsimd_save_state(k, st);
  fpsimd_bind_state_to_cpu(k, st);
  set_kernel_fpsimd_cpu(k, t, k.cpu);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: load t's kernel-mode state, unless this CPU still holds it. */
export function fpsimd_load_kernel_state(k: K, t: number): void {
  enter(k, 'fpsimd_load_kernel_state', FPSIMD_C);
  const st = kernelStorage(k.cfg, t);
  if (k.s.cpus[k.cpu].lastState === st && k.s.tasks[t].kernelCpu === k.cpu) stmt(k, 'elide');
  else {
    stmt(k, 'load');
    fpsimd_load_state(k, st);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: save prev's user or kernel-mode state; judge or load next's. */
export function fpsimd_thread_switch(k: K, next: number): void {
  enter(k, 'fpsimd_thread_switch', FPSIMD_C);
  const prev = current(k);
  if (kernelFpstate(k, prev)) {
    stmt(k, 'save-kernel');
    fpsimd_save_kernel_state(k, prev);
  } else fpsimd_save_user_state(k);
  if (kernelFpstate(k, next)) {
    stmt(k, 'load-kernel');
    fpsimd_load_kernel_state(k, next);
    // e92bee9f861b: no stale binding of next's user state may survive its kernel-mode section (before
    // it: set_tsk_thread_flag(next, TIF_FOREIGN_FPSTATE), which the next switch recomputes).
    if (fixed(k, E92B)) {
      fpsimd_flush_cpu_state(k);
    } else {
      set_foreign(k, next, true); // set_tsk_thread_flag(next, TIF_FOREIGN_FPSTATE)
    }
  } else if (next >= 0) {
    const wrong_task = k.s.cpus[k.cpu].lastState !== next;
    const wrong_cpu = k.s.tasks[next].cpuField !== k.cpu;
    stmt(k, wrong_task || wrong_cpu ? 'set-foreign' : 'clear-foreign');
    set_foreign(k, next, wrong_task || wrong_cpu);
  }
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c: save live user state (or, nested in a softirq, the task's kernel-mode
 * state), mark a task-context section with TIF_KERNEL_FPSTATE, and unbind the registers.
 */
export function kernel_neon_begin(k: K): void {
  enter(k, 'kernel_neon_begin', FPSIMD_C);
  WARN_ON(k, irqs_disabled(k), 'BUG_ON(!may_use_simd()) in kernel_neon_begin()');
  const serving = in_softirq(k); // in_serving_softirq()
  k.bh++; // get_cpu_fpsimd_context()
  const t = current(k);
  if (kernelFpstate(k, t)) {
    WARN_ON(k, !serving, 'BUG_ON(!in_serving_softirq()): kernel-mode NEON nested in task context');
    stmt(k, 'save-kernel');
    fpsimd_save_kernel_state(k, t);
  } else {
    stmt(k, 'save');
    fpsimd_save_user_state(k);
    if (!serving && t >= 0) {
      stmt(k, 'set-kernel-fpstate');
      set_kernel_fpstate(k, t, true);
    }
  }
  fpsimd_flush_cpu_state(k);
  k.bh--; // put_cpu_fpsimd_context(): preemption stays on
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: a softirq gives the task its kernel-mode state back; a task's ends. */
export function kernel_neon_end(k: K): void {
  enter(k, 'kernel_neon_end', FPSIMD_C);
  const t = current(k);
  if (in_softirq(k) && kernelFpstate(k, t)) {
    stmt(k, 'load-kernel');
    fpsimd_load_kernel_state(k, t);
  } else if (t >= 0) {
    stmt(k, 'clear-kernel-fpstate');
    set_kernel_fpstate(k, t, false);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (exec): unbind current's state, then zero it. */
export function fpsimd_flush_thread(k: K): void {
  enter(k, 'fpsimd_flush_thread', FPSIMD_C);
  k.bh++; // get_cpu_fpsimd_context()
  const t = current(k);
  fpsimd_flush_task_state(k, t);
  stmt(k, 'zero');
  writeTaskMemory(k, t);
  if (system_supports_sve(k)) {
    stmt(k, 'sve-reset');
    set_tif_sve(k, t, false); // clear_thread_flag(TIF_SVE)
    zeroSveState(k, t, 'exec freeing sve_state'); // current->thread.sve_state = NULL; kfree()
    set_task_vl(k, t, VL_MAX); // fpsimd_flush_thread_vl(ARM64_VEC_SVE): the default VL
    set_fp_type(k, t, FP_STATE_FPSIMD); // current->thread.fp_type = FP_STATE_FPSIMD
  }
  k.bh--;
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (rt_sigreturn): store, load and bind current's state unconditionally. */
export function fpsimd_update_current_state(k: K): void {
  enter(k, 'fpsimd_update_current_state', FPSIMD_C);
  k.bh++; // get_cpu_fpsimd_context()
  const t = current(k);
  stmt(k, 'store');
  writeTaskMemory(k, t);
  if (system_supports_sve(k) && test_tif_sve(k, t)) {
    stmt(k, 'store-sve');
    fpsimd_to_sve(k, t);
  }
  task_fpsimd_load(k);
  fpsimd_bind_task_to_cpu(k);
  set_foreign(k, t, false);
  k.bh--;
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: save whatever live state the registers hold and unbind it, IRQs off. */
export function fpsimd_save_and_flush_cpu_state(k: K): void {
  enter(k, 'fpsimd_save_and_flush_cpu_state', FPSIMD_C);
  const wasOff = irqs_disabled(k);
  set_irqs_off(k, true); // local_irq_save()
  fpsimd_save_user_state(k);
  fpsimd_flush_cpu_state(k);
  set_irqs_off(k, wasOff); // local_irq_restore()
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: CPU_PM_ENTER saves and unbinds whatever is live before power is lost. */
export function fpsimd_cpu_pm_notifier(k: K): void {
  enter(k, 'fpsimd_cpu_pm_notifier', FPSIMD_C);
  fpsimd_save_and_flush_cpu_state(k);
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c (d3a181588df9, v6.16): write current's live user state to memory and
 * invalidate every register copy of it (cpu field NR_CPUS, TIF_FOREIGN_FPSTATE set).
 */
export function fpsimd_save_and_flush_current_state(k: K): void {
  enter(k, 'fpsimd_save_and_flush_current_state', FPSIMD_C);
  k.bh++; // get_cpu_fpsimd_context()
  stmt(k, 'save');
  fpsimd_save_user_state(k);
  stmt(k, 'flush-task');
  fpsimd_flush_task_state(k, current(k));
  k.bh--; // put_cpu_fpsimd_context()
  leave(k);
}
