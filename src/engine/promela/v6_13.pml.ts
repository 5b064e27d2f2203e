// Era v6.13 (src/engine/eras/v6_13.ts) in Promela: arch/arm64/kvm/fpsimd.c,
// arch/arm64/kvm/hyp/include/hyp/switch.h, hyp/nvhe/switch.c and arch/arm64/kvm/arm.c of v5.19 to
// v6.13. Diff against v6_15.pml.ts: load_fp marks the registers host-owned, hyp saves the host.
import { ERA_HOST_HOOKS_PML, ERA_KVM_RUN_ENTER_PML, ERA_SIGNAL_HOOKS_PML, type PromelaEra } from './era';
import { FPSIMD_COMMON_PML, FPSIMD_HOST_PML } from './fpsimd.pml';
import { FPSIMD_MAINLINE_PML, FPSIMD_V6_8_SWITCH_PML } from './fpsimd_mainline.pml';

export const V6_13_PML: PromelaEra = {
  id: 'v6.13',
  uses: [FPSIMD_COMMON_PML, FPSIMD_HOST_PML, FPSIMD_MAINLINE_PML, FPSIMD_V6_8_SWITCH_PML],
  text: `
/* ---- Era v6.13: arch/arm64/kvm/fpsimd.c, hyp/include/hyp/switch.h, hyp/nvhe/switch.c ---- */
/* The registers' contents, if any, are the host's (current's); ctxflush corrects it before entry. */
inline kvm_arch_vcpu_load_fp(v) {
  WARN_ON(IS_KTHREAD(current[cpu]));
  fp_owner[cpu] = FP_STATE_HOST_OWNED
}

inline kvm_arch_vcpu_ctxflush_fp(v) {
  if :: test_foreign(current[cpu]) -> fp_owner[cpu] = FP_STATE_FREE :: else fi
}

inline kvm_arch_vcpu_ctxsync_fp(v) {
  WARN_ON(!irqs_off[cpu]);
  if
  :: fp_owner[cpu] == FP_STATE_GUEST_OWNED ->
     fpsimd_bind_state_to_cpu(v);
     update_thread_flag_foreign(0)
  :: else
  fi
}

hidden byte put_was;
inline kvm_arch_vcpu_put_fp() {
  put_was = irqs_off[cpu];
  irqs_off[cpu] = 1;
  if :: fp_owner[cpu] == FP_STATE_GUEST_OWNED -> fpsimd_save_and_flush_cpu_state() :: else fi;
  irqs_off[cpu] = put_was
}

inline __activate_cptr_traps() { fp_trap[cpu] = (fp_owner[cpu] != FP_STATE_GUEST_OWNED) }
inline __activate_traps() { __activate_cptr_traps() }

/* The lazy host save: *host_data_ptr(fpsimd_state) is the vcpu thread's storage (set at load). */
inline kvm_hyp_save_fpsimd_host(v) { regs_to_memory(HOST_OF(v)) }

inline kvm_hyp_handle_fpsimd(v) {
  fp_trap[cpu] = 0;
  if :: fp_owner[cpu] == FP_STATE_HOST_OWNED -> kvm_hyp_save_fpsimd_host(v) :: else fi;
  memory_to_regs(v);
  fp_owner[cpu] = FP_STATE_GUEST_OWNED
}

inline kvm_arch_vcpu_load(v) { kvm_arch_vcpu_load_fp(v) }
inline kvm_arch_vcpu_put() { kvm_arch_vcpu_put_fp() }
/* kvm_arch_vcpu_run_pid_change() -> kvm_arch_vcpu_run_map_fp() */
inline kvm_arch_vcpu_run_pid_change(v) { mapped[(v) - NTASK] = 1 }

${ERA_HOST_HOOKS_PML}
${ERA_SIGNAL_HOOKS_PML}
inline era_sched_out(v) { kvm_arch_vcpu_put() }
inline era_sched_in(v) { kvm_arch_vcpu_load(v) }
${ERA_KVM_RUN_ENTER_PML}
/* The run loop's last step before entry, IRQs already off. */
inline era_guest_entry(v) { kvm_arch_vcpu_ctxflush_fp(v); __activate_traps() }
inline era_guest_fp_trap(v) { kvm_hyp_handle_fpsimd(v) }
inline era_guest_exit(v) { kvm_arch_vcpu_ctxsync_fp(v) }
inline era_kvm_run_exit(v) { kvm_arch_vcpu_put() }
`,
};
