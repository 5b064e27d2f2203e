// Era v4.17 (src/engine/eras/v4_17.ts) in Promela: arch/arm64/kernel/fpsimd.c, arch/arm64/kvm/hyp/
// switch.c and entry.S of v4.17. Its host side differs from later eras', so it is written here.
import { ERA_HOST_HOOKS_PML, ERA_SIGNAL_HOOKS_PML, type PromelaEra } from './era';
import { FPSIMD_COMMON_PML, KERNEL_NEON_END_V4_PML } from './fpsimd.pml';

export const V4_17_PML: PromelaEra = {
  id: 'v4.17',
  uses: [FPSIMD_COMMON_PML, KERNEL_NEON_END_V4_PML],
  text: `
/* ---- Era v4.17: arch/arm64/kernel/fpsimd.c, kvm/hyp/switch.c, kvm/hyp/entry.S ---- */
/* current->mm / next->mm: kernel threads and the idle task have none. */
#define has_mm(t) ((t) >= 0 && !IS_KTHREAD(t))
/* vcpu->arch.host_cpu_context: this CPU's kvm_host_cpu_state. */
#define host_cpu_context (NCTX + cpu)

inline task_fpsimd_save() {
  WARN_ON(bh == 0 && !irqs_off[cpu]);
  if :: !test_foreign(current[cpu]) -> fpsimd_save_state(current[cpu]) :: else fi
}

inline fpsimd_bind_to_cpu() {
  last_state[cpu] = current[cpu];
  fpsimd_cpu[current[cpu]] = cpu
}

inline fpsimd_flush_cpu_state() { last_state[cpu] = -1 }

/* A kernel thread's TIF_FOREIGN_FPSTATE is left as it was: it never returns to user; no idle task's. */
inline fpsimd_thread_switch(next) {
  if :: has_mm(current[cpu]) -> task_fpsimd_save() :: else fi;
  if
  :: has_mm(next) -> foreign[next] = !(last_state[cpu] == next && fpsimd_cpu[next] == cpu)
  :: else
  fi
}

inline fpsimd_restore_current_state() {
  bh++;
  if
  :: test_foreign(current[cpu]) ->
     foreign[current[cpu]] = 0;
     task_fpsimd_load();
     fpsimd_bind_to_cpu()
  :: else
  fi;
  bh--
}

inline kernel_neon_begin() {
  WARN_ON(irqs_off[cpu] || neon_busy[cpu]);
  bh++;
  neon_busy[cpu] = 1;
  if :: has_mm(current[cpu]) -> task_fpsimd_save(); foreign[current[cpu]] = 1 :: else fi;
  fpsimd_flush_cpu_state();
  bh--
}

/* Signal delivery: current's live registers to its own state. */
inline fpsimd_preserve_current_state() { bh++; task_fpsimd_save(); bh-- }

/* thread.fpsimd_cpu = NR_CPUS; no flag in this era. */
inline fpsimd_flush_task_state(t) { fpsimd_cpu[t] = -1 }

/* rt_sigreturn: store, load, and bind only if the flag was set. */
inline fpsimd_update_current_state() {
  bh++;
  write_task_memory(current[cpu]);
  task_fpsimd_load();
  if
  :: test_foreign(current[cpu]) -> foreign[current[cpu]] = 0; fpsimd_bind_to_cpu()
  :: else
  fi;
  bh--
}

/* exec: zero current's state, invalidate its copies (since 674c242c9323), set the flag. */
inline fpsimd_flush_thread() {
  bh++;
  write_task_memory(current[cpu]);
  fpsimd_cpu[current[cpu]] = 0; /* the memset zeroes fpsimd_state.cpu too */
  if :: FIXED(PRE_674C242C9323) -> fpsimd_flush_task_state(current[cpu]) :: else fi;
  foreign[current[cpu]] = 1;
  bh--
}

/* CPU_PM_ENTER saves current's state if it has an mm, then forgets (since 7c68a9cc0402). */
inline fpsimd_cpu_pm_notifier() {
  if :: has_mm(current[cpu]) -> task_fpsimd_save() :: else fi;
  if :: FIXED(PRE_7C68A9CC0402) -> fpsimd_flush_cpu_state() :: else fi
}

/* Every entry traps guest FP (CPTR_EL2.TFP). */
inline __activate_traps() { fp_trap[cpu] = 1 }

/* The guest's first FP access of this entry: save whatever the registers hold as the host's. */
inline __fpsimd_guest_restore(v) {
  fp_trap[cpu] = 0;
  regs_to_memory(host_cpu_context);
  memory_to_regs(v)
}

/* __kvm_vcpu_run_nvhe after the exit: if the guest used FP, save it and restore the host's. */
inline __kvm_vcpu_run_exit(v) {
  if
  :: !fp_trap[cpu] ->
     regs_to_memory(v);
     memory_to_regs(host_cpu_context)
  :: else
  fi
}

/* kvm_arch_vcpu_load/put: no FP work in this era. */
${ERA_HOST_HOOKS_PML}
${ERA_SIGNAL_HOOKS_PML}
inline era_sched_out(v) { skip }
inline era_sched_in(v) { skip }
inline era_kvm_run_enter(v) { skip }
inline era_guest_entry(v) { __activate_traps() }
inline era_guest_fp_trap(v) { __fpsimd_guest_restore(v) }
inline era_guest_exit(v) { __kvm_vcpu_run_exit(v) }
inline era_kvm_run_exit(v) { skip }
`,
};
