// The host side (src/engine/kernel/fpsimd_v4_18.ts, arch/arm64/kernel/fpsimd.c) in Promela, in parts: what
// every era shares, what v4.18 and later share, and what only v4.18 keeps (v6.13's and later differences
// are fpsimd_mainline.pml.ts; v4.17's own functions are in v4_17.pml.ts).

/** entry-fpsimd.S and the helpers every era uses. */
export const FPSIMD_COMMON_PML = `
/* ---- arch/arm64/kernel/fpsimd.c, entry-fpsimd.S: shared by every era ---- */
/* test_thread_flag(TIF_FOREIGN_FPSTATE) of task t; the idle task never has user state loaded. */
#define test_foreign(t) ((t) < 0 -> 1 : foreign[t])

/* set/clear_thread_flag(TIF_FOREIGN_FPSTATE) on current; a no-op for the idle task. */
inline update_thread_flag_foreign(value) {
  if :: current[cpu] >= 0 -> foreign[current[cpu]] = value :: else fi
}

inline fpsimd_save_state(st) { regs_to_memory(st) }
inline fpsimd_load_state(st) { memory_to_regs(st) }
inline task_fpsimd_load() { fpsimd_load_state(current[cpu]) }
`;

/** kernel_neon_end() of v4.17 and v4.18: the CPU's section is over; nothing is restored. */
export const KERNEL_NEON_END_V4_PML = `
inline kernel_neon_end() { neon_busy[cpu] = 0 }
`;

/** arch/arm64/kernel/fpsimd.c since v4.18, as v6.16 still has it (fpsimd_save() is now ..._user_state). */
export const FPSIMD_HOST_PML = `
/* ---- arch/arm64/kernel/fpsimd.c since v4.18 ---- */
hidden short fs_st;
/* Save the registers to whatever fpsimd_last_state points at, unless they are not current's. */
inline fpsimd_save() {
  fs_st = last_state[cpu];
  WARN_ON(bh == 0 && !irqs_off[cpu]);
  if
  :: !test_foreign(current[cpu]) ->
     /* The kernel would dereference NULL here: the oops it is. */
     if :: fs_st < 0 -> report_kernel_warning(current[cpu]) :: else -> fpsimd_save_state(fs_st) fi
  :: else
  fi
}

inline fpsimd_bind_task_to_cpu() {
  last_state[cpu] = current[cpu];
  fpsimd_cpu[current[cpu]] = cpu
}

inline fpsimd_bind_state_to_cpu(st) {
  WARN_ON(bh == 0 && !irqs_off[cpu]);
  last_state[cpu] = st
}

inline fpsimd_flush_cpu_state() {
  last_state[cpu] = -1;
  if :: ON(ABL_FLUSH_SETS_FOREIGN) -> update_thread_flag_foreign(1) :: else fi
}

inline fpsimd_restore_current_state() {
  bh++;
  if
  :: test_foreign(current[cpu]) ->
     foreign[current[cpu]] = 0;
     task_fpsimd_load();
     fpsimd_bind_task_to_cpu()
  :: else
  fi;
  bh--
}

/* Signal delivery: write current's live registers back to memory before the frame is written. */
inline fpsimd_preserve_current_state() {
  bh++;
  if :: ON(ABL_SIGNAL_SAVE) -> fpsimd_save() :: else fi;
  bh--
}
`;

/** The functions of arch/arm64/kernel/fpsimd.c that v4.18 has and later eras changed. */
export const FPSIMD_V4_18_PML = `
/* ---- arch/arm64/kernel/fpsimd.c of v4.18 (later eras' are in fpsimd_mainline.pml.ts) ---- */
inline fpsimd_flush_task_state(t) { fpsimd_cpu[t] = -1 }

/* For kernel threads and the idle task the registers are never bound: both tests come out true. */
inline fpsimd_thread_switch(next) {
  fpsimd_save();
  if
  :: next >= 0 ->
     foreign[next] = (last_state[cpu] != next || (ON(ABL_THREAD_SWITCH_CPU_CHECK) && fpsimd_cpu[next] != cpu))
  :: else
  fi
}

inline kernel_neon_begin() {
  WARN_ON(irqs_off[cpu] || neon_busy[cpu]);
  bh++;
  neon_busy[cpu] = 1;
  if :: ON(ABL_NEON_SAVE) -> fpsimd_save() :: else fi;
  fpsimd_flush_cpu_state();
  bh--
}

/* rt_sigreturn: the frame's state becomes current's, is loaded and bound unconditionally (4.18). */
inline fpsimd_update_current_state() {
  bh++;
  write_task_memory(current[cpu]);
  task_fpsimd_load();
  if :: ON(ABL_SIGRETURN_BIND) -> fpsimd_bind_task_to_cpu() :: else fi;
  foreign[current[cpu]] = 0;
  bh--
}

/* exec: zero current's state and make every register copy of it stale. */
inline fpsimd_flush_thread() {
  bh++;
  write_task_memory(current[cpu]);
  if :: ON(ABL_EXEC_FLUSH) -> fpsimd_flush_task_state(current[cpu]) :: else fi;
  foreign[current[cpu]] = 1;
  bh--
}

/* CPU_PM_ENTER, IRQs off, before the CPU loses its registers. */
inline fpsimd_cpu_pm_notifier() {
  fpsimd_save();
  if :: ON(ABL_PM_FLUSH) -> fpsimd_flush_cpu_state() :: else fi
}
`;
