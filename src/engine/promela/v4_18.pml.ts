// Era v4.18 (src/engine/eras/v4_18.ts) in Promela: arch/arm64/kvm/fpsimd.c, arch/arm64/kvm/hyp/switch.c
// and virt/kvm/arm/arm.c of v4.18. ON(ABL_x) marks a statement an ablation removes, FIXED(PRE_x) the
// code a historic variant runs as it stood before the fix.
import { ERA_HOST_HOOKS_PML, ERA_KVM_RUN_ENTER_PML, ERA_SIGNAL_HOOKS_PML, type PromelaEra } from './era';
import { FPSIMD_COMMON_PML, FPSIMD_HOST_PML, FPSIMD_V4_18_PML, KERNEL_NEON_END_V4_PML } from './fpsimd.pml';

export const V4_18_PML: PromelaEra = {
  id: 'v4.18',
  uses: [FPSIMD_COMMON_PML, KERNEL_NEON_END_V4_PML, FPSIMD_HOST_PML, FPSIMD_V4_18_PML],
  text: `
/* ---- Era v4.18: arch/arm64/kvm/fpsimd.c, hyp/switch.c, virt/kvm/arm/arm.c ---- */
#define FP_ENABLED(v) KVM_ARM64_FP_ENABLED[(v) - NTASK]
#define FP_HOST(v) KVM_ARM64_FP_HOST[(v) - NTASK]

inline kvm_arch_vcpu_load_fp(v) {
  WARN_ON(IS_KTHREAD(current[cpu]));
  FP_ENABLED(v) = 0;
  if :: ON(ABL_LOAD_FP_HOST) -> FP_HOST(v) = 1 :: else fi
}

inline kvm_arch_vcpu_ctxsync_fp(v) {
  WARN_ON(!irqs_off[cpu]);
  if
  :: FP_ENABLED(v) ->
     if :: ON(ABL_CTXSYNC_BIND) -> fpsimd_bind_state_to_cpu(v) :: else fi;
     if :: ON(ABL_CTXSYNC_CLEAR_FOREIGN) -> update_thread_flag_foreign(0) :: else fi
  :: else
  fi
}

hidden byte put_was;
/* Before b045e4d0f392: local_bh_disable()/local_bh_enable() instead of local_irq_save()/restore(). */
inline kvm_arch_vcpu_put_fp(v) {
  put_was = irqs_off[cpu];
  if :: FIXED(PRE_B045E4D0F392) -> irqs_off[cpu] = 1 :: else -> bh++ fi;
  if
  :: FP_ENABLED(v) ->
     if :: ON(ABL_PUT_SAVE) -> fpsimd_save() :: else fi;
     if :: ON(ABL_PUT_FLUSH) -> fpsimd_flush_cpu_state() :: else fi
  :: else
  fi;
  if
  :: FIXED(PRE_B045E4D0F392) -> irqs_off[cpu] = put_was
  :: else -> bh--; WARN_ON(irqs_off[cpu]) /* __local_bh_enable_ip() with IRQs disabled */
  fi
}

/* If the host's registers are foreign, neither host nor guest state is live. */
inline update_fp_enabled(v) {
  if
  :: ON(ABL_HYP_FOREIGN_CHECK) && foreign[HOST_OF(v)] -> FP_ENABLED(v) = 0; FP_HOST(v) = 0
  :: else
  fi
}

inline __activate_traps(v) { update_fp_enabled(v); fp_trap[cpu] = !FP_ENABLED(v) }

inline __hyp_switch_fpsimd(v) {
  fp_trap[cpu] = 0;
  if :: FP_HOST(v) -> regs_to_memory(HOST_OF(v)); FP_HOST(v) = 0 :: else fi;
  memory_to_regs(v);
  FP_ENABLED(v) = 1
}

inline kvm_arch_vcpu_load(v) { kvm_arch_vcpu_load_fp(v) }
inline kvm_arch_vcpu_put(v) { kvm_arch_vcpu_put_fp(v) }
/* kvm_arch_vcpu_run_pid_change() -> kvm_arch_vcpu_run_map_fp() */
inline kvm_arch_vcpu_run_pid_change(v) { mapped[(v) - NTASK] = 1 }

${ERA_HOST_HOOKS_PML}
${ERA_SIGNAL_HOOKS_PML}
inline era_sched_out(v) { kvm_arch_vcpu_put(v) }
inline era_sched_in(v) { kvm_arch_vcpu_load(v) }
${ERA_KVM_RUN_ENTER_PML}
inline era_guest_entry(v) { __activate_traps(v) }
inline era_guest_fp_trap(v) { __hyp_switch_fpsimd(v) }
/* hyp saves and restores no FP state on exit in this era. */
inline era_guest_exit(v) { kvm_arch_vcpu_ctxsync_fp(v) }
inline era_kvm_run_exit(v) { kvm_arch_vcpu_put(v) }
`,
};
