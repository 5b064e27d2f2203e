// The host side shared by v4.18 and later: arch/arm64/kernel/fpsimd.c as the patch left it.
// Each function keeps the kernel's name and statement order; `on(k, ...)` marks an ablatable statement.
// The SVE branches are v4.18's (TIF_SVE names the saved format), guarded by system_supports_sve(k) as
// in the kernel: machines without SVE run only the FPSIMD statements. Later eras fork what differs.
import { memoryToRegs, regsToMemory, writeTaskMemory } from '../ghost';
import { fpsimdToSve, regsToSveMemory, sveMemoryToRegs, sveToFpsimd } from '../ghostSve';
import {
  current,
  enter,
  in_softirq,
  irqs_disabled,
  leave,
  on,
  set_foreign,
  set_fpsimd_cpu,
  set_last_state,
  set_neon_busy,
  stmt,
  WARN_ON,
  type K,
} from '../kctx';
import {
  cpuSve,
  set_cpu_vl,
  set_task_vl,
  set_tif_sve,
  set_zen,
  system_supports_sve,
  taskSve,
  test_tif_sve,
} from '../kctxSve';
import { VL_MAX } from '../state';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';
const ENTRY_FPSIMD_S = 'arch/arm64/kernel/entry-fpsimd.S';

/** test_thread_flag(TIF_FOREIGN_FPSTATE) of task t; the idle task never has user state loaded. */
export function test_foreign(k: K, t: number): boolean {
  return t < 0 ? true : k.s.tasks[t].foreign;
}

/** set/clear_thread_flag(TIF_FOREIGN_FPSTATE) on current; a no-op for the idle task (always set). */
export function update_thread_flag_foreign(k: K, value: boolean): void {
  const t = current(k);
  if (t >= 0) set_foreign(k, t, value);
}

/** arch/arm64/kernel/entry-fpsimd.S: store the V registers, FPSR and FPCR to memory. */
export function fpsimd_save_state(k: K, st: number): void {
  enter(k, 'fpsimd_save_state', ENTRY_FPSIMD_S);
  regsToMemory(k, st);
  leave(k);
}

/** arch/arm64/kernel/entry-fpsimd.S: load the V registers, FPSR and FPCR from memory. */
export function fpsimd_load_state(k: K, st: number): void {
  enter(k, 'fpsimd_load_state', ENTRY_FPSIMD_S);
  memoryToRegs(k, st);
  leave(k);
}

/** arch/arm64/kernel/entry-fpsimd.S: store Z, P and FFR into task t's sve_state (FPSR/FPCR beside). */
export function sve_save_state(k: K, t: number): void {
  enter(k, 'sve_save_state', ENTRY_FPSIMD_S);
  regsToSveMemory(k, t);
  leave(k);
}

/** arch/arm64/kernel/entry-fpsimd.S: set ZCR_EL1.LEN from task t's vector length, load Z, P and FFR. */
export function sve_load_state(k: K, t: number): void {
  enter(k, 'sve_load_state', ENTRY_FPSIMD_S);
  set_cpu_vl(k, taskSve(k, t).vl); // sve_load_vq
  sveMemoryToRegs(k, t);
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c: save the registers to whatever storage fpsimd_last_state points at
 * (current's, or a vcpu's bound by KVM), unless TIF_FOREIGN_FPSTATE says they are not current's.
 */
export function fpsimd_save(k: K): void {
  enter(k, 'fpsimd_save', FPSIMD_C);
  const st = k.s.cpus[k.cpu].lastState;
  WARN_ON(k, !in_softirq(k) && !irqs_disabled(k), 'fpsimd_save() called with IRQs enabled outside softirq');
  const t = current(k);
  const sve = system_supports_sve(k) && test_tif_sve(k, t);
  if (!test_foreign(k, t)) {
    stmt(k, sve ? 'sve-save' : 'save');
    if (sve) {
      // Z, P and FFR go to current's sve_state whatever st is; only FPSR/FPCR go to *st (not modelled
      // apart: V is one datum). A vector length other than current's cannot be saved: it is killed.
      const wrongVl = cpuSve(k).vl !== taskSve(k, t).vl;
      if (!WARN_ON(k, wrongVl, 'sve_get_vl() != current->thread.sve_vl in fpsimd_save(): SIGKILL'))
        sve_save_state(k, t);
    } else if (!WARN_ON(k, st < 0, 'fpsimd_save() with TIF_FOREIGN_FPSTATE clear but fpsimd_last_state NULL'))
      // The kernel would dereference NULL there: model it as the oops it is.
      fpsimd_save_state(k, st);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (static): copy task t's V from fpsimd_state into its sve_state. */
export function fpsimd_to_sve(k: K, t: number): void {
  enter(k, 'fpsimd_to_sve', FPSIMD_C);
  fpsimdToSve(k, t);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (static): copy task t's V from its sve_state into fpsimd_state. */
export function sve_to_fpsimd(k: K, t: number): void {
  enter(k, 'sve_to_fpsimd', FPSIMD_C);
  sveToFpsimd(k, t);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: the registers now hold current's state, as last loaded on this CPU. */
export function fpsimd_bind_task_to_cpu(k: K): void {
  enter(k, 'fpsimd_bind_task_to_cpu', FPSIMD_C);
  const t = current(k);
  set_last_state(k, t);
  set_fpsimd_cpu(k, t, k.cpu);
  if (system_supports_sve(k)) {
    // Toggle SVE trapping for userspace if needed (sve_user_enable() / sve_user_disable()).
    stmt(k, test_tif_sve(k, t) ? 'sve-user-enable' : 'sve-user-disable');
    set_zen(k, test_tif_sve(k, t));
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: the registers now hold st (a vcpu's); no task's cpu field moves. */
export function fpsimd_bind_state_to_cpu(k: K, st: number): void {
  enter(k, 'fpsimd_bind_state_to_cpu', FPSIMD_C);
  WARN_ON(
    k,
    !in_softirq(k) && !irqs_disabled(k),
    'fpsimd_bind_state_to_cpu() with IRQs enabled outside softirq',
  );
  set_last_state(k, st);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: forget what this CPU's registers hold; current must reload. */
export function fpsimd_flush_cpu_state(k: K): void {
  enter(k, 'fpsimd_flush_cpu_state', FPSIMD_C);
  set_last_state(k, -1);
  if (on(k, 'flush-sets-foreign')) {
    stmt(k, 'set-foreign');
    update_thread_flag_foreign(k, true);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: task t's registers copy, wherever it is, is no longer valid. */
export function fpsimd_flush_task_state(k: K, t: number): void {
  enter(k, 'fpsimd_flush_task_state', FPSIMD_C);
  set_fpsimd_cpu(k, t, -1);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: on context switch, save prev's live state and judge next's. */
export function fpsimd_thread_switch(k: K, next: number): void {
  enter(k, 'fpsimd_thread_switch', FPSIMD_C);
  fpsimd_save(k);
  // For kernel threads the registers are never bound to their state: both tests come out true.
  const wrong_task = k.s.cpus[k.cpu].lastState !== next;
  const wrong_cpu =
    next < 0 || (on(k, 'thread-switch-cpu-check') ? k.s.tasks[next].cpuField !== k.cpu : false);
  stmt(k, wrong_task || wrong_cpu ? 'set-foreign' : 'clear-foreign');
  set_foreign(k, next, wrong_task || wrong_cpu);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (static task_fpsimd_load): load current's state into the registers. */
export function task_fpsimd_load(k: K): void {
  enter(k, 'task_fpsimd_load', FPSIMD_C);
  const t = current(k);
  if (system_supports_sve(k) && test_tif_sve(k, t)) {
    stmt(k, 'sve-load');
    sve_load_state(k, t);
  } else fpsimd_load_state(k, t);
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
    fpsimd_bind_task_to_cpu(k);
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
  if (on(k, 'neon-save')) {
    stmt(k, 'save');
    fpsimd_save(k);
  }
  fpsimd_flush_cpu_state(k);
  k.bh--; // local_bh_enable(), preemption stays off until kernel_neon_end()
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: give the registers back; nothing is restored (reload is lazy). */
export function kernel_neon_end(k: K): void {
  enter(k, 'kernel_neon_end', FPSIMD_C);
  set_neon_busy(k, false);
  leave(k);
}

// --- task lifecycle (signals, exec, ptrace, CPU PM), as in v4.18 -------------------------------

/** arch/arm64/kernel/fpsimd.c: write current's live registers back to memory (signal frame, ptrace). */
export function fpsimd_preserve_current_state(k: K): void {
  enter(k, 'fpsimd_preserve_current_state', FPSIMD_C);
  k.bh++; // local_bh_disable()
  if (on(k, 'signal-save')) {
    stmt(k, 'save');
    fpsimd_save(k);
  }
  k.bh--;
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c (rt_sigreturn): the frame's state becomes current's, is loaded into the
 * registers and bound to this CPU unconditionally (4.17 bound only if the flag was set; the change
 * came with the 4.18 series, see docs/kernel-notes.md).
 */
export function fpsimd_update_current_state(k: K): void {
  enter(k, 'fpsimd_update_current_state', FPSIMD_C);
  k.bh++; // local_bh_disable()
  const t = current(k);
  stmt(k, 'store');
  writeTaskMemory(k, t); // current->thread.uw.fpsimd_state = *state
  if (system_supports_sve(k) && test_tif_sve(k, t)) {
    stmt(k, 'to-sve');
    fpsimd_to_sve(k, t);
  }
  task_fpsimd_load(k);
  if (on(k, 'sigreturn-bind')) {
    stmt(k, 'bind');
    fpsimd_bind_task_to_cpu(k);
  }
  set_foreign(k, t, false); // clear_thread_flag(TIF_FOREIGN_FPSTATE)
  k.bh--;
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (exec): zero current's state and make every register copy stale. */
export function fpsimd_flush_thread(k: K): void {
  enter(k, 'fpsimd_flush_thread', FPSIMD_C);
  k.bh++; // local_bh_disable()
  const t = current(k);
  stmt(k, 'zero');
  writeTaskMemory(k, t); // memset(&current->thread.uw.fpsimd_state, 0, ...)
  if (on(k, 'exec-flush')) {
    stmt(k, 'flush-task');
    fpsimd_flush_task_state(k, t);
  }
  if (system_supports_sve(k)) {
    // clear_thread_flag(TIF_SVE); sve_free_atomic(current); the new image's vector length.
    stmt(k, 'sve-reset');
    set_tif_sve(k, t, false);
    set_task_vl(k, t, VL_MAX); // sve_vl = sve_vl_onexec ?: sve_default_vl (the model's default: max)
  }
  set_foreign(k, t, true);
  k.bh--;
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: CPU_PM_ENTER, before the CPU loses its registers (IRQs off). */
export function fpsimd_cpu_pm_notifier(k: K): void {
  enter(k, 'fpsimd_cpu_pm_notifier', FPSIMD_C);
  stmt(k, 'save');
  fpsimd_save(k);
  if (on(k, 'pm-flush')) {
    stmt(k, 'flush');
    fpsimd_flush_cpu_state(k);
  }
  leave(k);
}
