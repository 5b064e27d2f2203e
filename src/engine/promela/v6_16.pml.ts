// Era v6.16 (src/engine/eras/v6_16.ts) in Promela: v6.15's KVM side (v6_15.pml.ts, reused as it is)
// with v6.16's arch/arm64/kernel/fpsimd.c and signal.c changes. Diff against FPSIMD_V6_8_SWITCH_PML
// (fpsimd_mainline.pml.ts): the switch-in of a kernel-mode section flushes before it loads
// (01098d893fa8), signal delivery and sigreturn save and flush (929fa99b1215), and sigreturn only
// stores (c94f2f326146).
import { ERA_HOST_HOOKS_PML, ERA_KVM_RUN_ENTER_PML, type PromelaEra } from './era';
import { FPSIMD_COMMON_PML, FPSIMD_HOST_PML } from './fpsimd.pml';
import { FPSIMD_MAINLINE_PML } from './fpsimd_mainline.pml';
import { V6_15_KVM_PML } from './v6_15.pml';

export const V6_16_PML: PromelaEra = {
  id: 'v6.16',
  uses: [FPSIMD_COMMON_PML, FPSIMD_HOST_PML, FPSIMD_MAINLINE_PML, V6_15_KVM_PML],
  text: `
/* ---- Era v6.16: arch/arm64/kernel/fpsimd.c and signal.c ---- */
hidden short ts_prev;
/* Save prev's user or kernel-mode state; unbind, then load next's kernel-mode state, or judge next's. */
inline fpsimd_thread_switch(next) {
  ts_prev = current[cpu];
  if
  :: KERNEL_FPSTATE(ts_prev) -> fpsimd_save_kernel_state(ts_prev)
  :: else -> fpsimd_save()
  fi;
  if
  :: KERNEL_FPSTATE(next) ->
     fpsimd_flush_cpu_state();
     fpsimd_load_kernel_state(next)
  :: else ->
     if
     :: next >= 0 -> foreign[next] = (last_state[cpu] != next || fpsimd_cpu[next] != cpu)
     :: else
     fi
  fi
}

/* Save current's live user state and invalidate every register copy of it. */
inline fpsimd_save_and_flush_current_state() {
  bh++;
  fpsimd_save();
  fpsimd_flush_task_state(current[cpu]);
  bh--
}

/* rt_sigreturn, after restore_sigframe() saved and flushed: store only. */
inline fpsimd_update_current_state() { write_task_memory(current[cpu]) }

${ERA_HOST_HOOKS_PML}
inline era_sched_out(v) { kvm_arch_vcpu_put() }
inline era_sched_in(v) { kvm_arch_vcpu_load(v) }
inline era_fpsimd_preserve_current_state() { fpsimd_save_and_flush_current_state() }
inline era_restore_sigframe() { fpsimd_save_and_flush_current_state() }
${ERA_KVM_RUN_ENTER_PML}
/* The run loop's last step before entry, IRQs already off. */
inline era_guest_entry(v) { kvm_arch_vcpu_ctxflush_fp(v); __activate_traps() }
inline era_guest_fp_trap(v) { kvm_hyp_handle_fpsimd(v) }
inline era_guest_exit(v) { kvm_arch_vcpu_ctxsync_fp(v) }
inline era_kvm_run_exit(v) { kvm_arch_vcpu_put() }
`,
};
