// The host side where v6.13, v6.15 and v6.16 differ from v4.18 (src/engine/kernel/fpsimd_v6_8.ts,
// arch/arm64/kernel/fpsimd.c since v6.8): kernel-mode NEON preserved across context switch with
// TIF_KERNEL_FPSTATE, and efbc20249fee's TIF_FOREIGN_FPSTATE in fpsimd_flush_task_state(). The rest is
// FPSIMD_HOST_PML. FPSIMD_V6_8_SWITCH_PML holds the two functions v6.16 changed (its own are in
// v6_16.pml.ts): the switch with e92bee9f861b's flush after the load (FIXED(PRE_E92BEE9F861B)), and
// the sigreturn that loads and binds.
export const FPSIMD_MAINLINE_PML = `
/* ---- arch/arm64/kernel/fpsimd.c since v6.8 ---- */
/* test_tsk_thread_flag(t, TIF_KERNEL_FPSTATE); the idle task never has it. */
#define KERNEL_FPSTATE(t) ((t) >= 0 && kernel_fpstate[t])

/* Save t's kernel-mode registers to thread.kernel_fpsimd_state and bind it to this CPU. */
inline fpsimd_save_kernel_state(t) {
  fpsimd_save_state(KSTOR(t));
  fpsimd_bind_state_to_cpu(KSTOR(t));
  kernel_fpsimd_cpu[t] = cpu
}

/* Load t's kernel-mode state, unless this CPU still holds it. */
inline fpsimd_load_kernel_state(t) {
  if
  :: last_state[cpu] == KSTOR(t) && kernel_fpsimd_cpu[t] == cpu -> skip /* elide */
  :: else -> fpsimd_load_state(KSTOR(t))
  fi
}

hidden byte kn_serving;
/* Save live user state (or, nested in a softirq, the task's kernel-mode state), mark a task-context */
/* section with TIF_KERNEL_FPSTATE, unbind the registers; preemption stays on. */
inline kernel_neon_begin() {
  WARN_ON(irqs_off[cpu]);
  kn_serving = (bh > 0);
  bh++;
  if
  :: KERNEL_FPSTATE(current[cpu]) ->
     WARN_ON(!kn_serving);
     fpsimd_save_kernel_state(current[cpu])
  :: else ->
     fpsimd_save();
     if :: !kn_serving && current[cpu] >= 0 -> kernel_fpstate[current[cpu]] = 1 :: else fi
  fi;
  fpsimd_flush_cpu_state();
  bh--
}

/* A softirq gives the task its kernel-mode state back; a task's section ends. */
inline kernel_neon_end() {
  if
  :: bh > 0 && KERNEL_FPSTATE(current[cpu]) -> fpsimd_load_kernel_state(current[cpu])
  :: else ->
     if :: current[cpu] >= 0 -> kernel_fpstate[current[cpu]] = 0 :: else fi
  fi
}

inline fpsimd_flush_task_state(t) {
  fpsimd_cpu[t] = -1;
  foreign[t] = 1
}

/* exec: unbind current's state, then zero it. */
inline fpsimd_flush_thread() {
  bh++;
  fpsimd_flush_task_state(current[cpu]);
  write_task_memory(current[cpu]);
  bh--
}

hidden byte saf_was;
inline fpsimd_save_and_flush_cpu_state() {
  saf_was = irqs_off[cpu];
  irqs_off[cpu] = 1;
  fpsimd_save();
  fpsimd_flush_cpu_state();
  irqs_off[cpu] = saf_was
}

/* CPU_PM_ENTER saves and unbinds whatever is live before power is lost. */
inline fpsimd_cpu_pm_notifier() { fpsimd_save_and_flush_cpu_state() }
`;

/** fpsimd_thread_switch() and fpsimd_update_current_state() of v6.8 to v6.15 (v6.13 and v6.15). */
export const FPSIMD_V6_8_SWITCH_PML = `
/* ---- arch/arm64/kernel/fpsimd.c, v6.8 to v6.15 ---- */
hidden short ts_prev;
/* Save prev's user or kernel-mode state; judge next's user state or load its kernel-mode state. */
inline fpsimd_thread_switch(next) {
  ts_prev = current[cpu];
  if
  :: KERNEL_FPSTATE(ts_prev) -> fpsimd_save_kernel_state(ts_prev)
  :: else -> fpsimd_save()
  fi;
  if
  :: KERNEL_FPSTATE(next) ->
     fpsimd_load_kernel_state(next);
     if :: FIXED(PRE_E92BEE9F861B) -> fpsimd_flush_cpu_state() :: else -> foreign[next] = 1 fi
  :: else ->
     if
     :: next >= 0 -> foreign[next] = (last_state[cpu] != next || fpsimd_cpu[next] != cpu)
     :: else
     fi
  fi
}

/* rt_sigreturn: store, load and bind current's state unconditionally. */
inline fpsimd_update_current_state() {
  bh++;
  write_task_memory(current[cpu]);
  task_fpsimd_load();
  fpsimd_bind_task_to_cpu();
  foreign[current[cpu]] = 0;
  bh--
}
`;
