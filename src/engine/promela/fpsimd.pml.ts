// The host side (src/engine/kernel/fpsimd.ts, arch/arm64/kernel/fpsimd.c) in Promela, in two parts:
// what every era shares, and the functions as the v4.18 patch left them (v4.18 and mainline).

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

inline kernel_neon_end() { neon_busy[cpu] = 0 }
`;

/** arch/arm64/kernel/fpsimd.c since v4.18 (mainline: fpsimd_save() is fpsimd_save_user_state()). */
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

/* For kernel threads the registers are never bound to their state: both tests come out true. */
inline fpsimd_thread_switch(next) {
  fpsimd_save();
  foreign[next] = (last_state[cpu] != next || (ON(ABL_THREAD_SWITCH_CPU_CHECK) && fpsimd_cpu[next] != cpu))
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

inline kernel_neon_begin() {
  WARN_ON(irqs_off[cpu] || neon_busy[cpu]);
  bh++;
  neon_busy[cpu] = 1;
  if :: ON(ABL_NEON_SAVE) -> fpsimd_save() :: else fi;
  fpsimd_flush_cpu_state();
  bh--
}
`;
