// Era v6.15 (v6.14 to v6.15; called "mainline" until v6.16 was read): since fbc7e61195e2 "KVM: arm64:
// Unconditionally save+flush host FPSIMD/SVE/SME state" and 8eca7f6d5100 "KVM: arm64: Remove host
// FPSIMD saving for non-protected KVM". Hold beside arch/arm64/kvm/fpsimd.c,
// arch/arm64/kvm/hyp/include/hyp/switch.h, arch/arm64/kvm/hyp/nvhe/switch.c and arch/arm64/kvm/arm.c
// of v6.15; the host side is ../kernel/fpsimd_v4_18.ts and ../kernel/fpsimd_v6_8.ts (since v6.8), where
// fpsimd_save() is now called fpsimd_save_user_state(). v6.16 (./v6_16.ts) builds on this module.
import type { Era, EraField } from '../era';
import { memoryToRegs, regsToMemory } from '../ghost';
import {
  current,
  enter,
  get_x,
  irqs_disabled,
  leave,
  set_fp_trap,
  set_irqs_off,
  set_vcpu_in_run,
  set_x,
  stmt,
  WARN_ON,
  type K,
} from '../kctx';
import { test_foreign, update_thread_flag_foreign } from '../kernel/fpsimd_v4_18';
import { has_vhe, set_zen, system_supports_sve, vcpu_has_sve } from '../kctxSve';
import { FP_STATE_FPSIMD, FP_STATE_SVE, VL_MAX } from '../state';
import {
  __hyp_sve_restore_guest,
  fpsimd_lazy_switch_to_guest,
  fpsimd_lazy_switch_to_host,
} from '../kernel/kvm_hyp_sve';
import { fpsimd_save_and_flush_cpu_state } from '../kernel/fpsimd_v6_8';
import { CPU_FP_STATE_FIELDS, fpsimd_bind_state_to_cpu } from '../kernel/fpsimd_v6';
import { V6_HOST_HOOKS } from '../kernel/fpsimd_v6_hooks';
import { DISCARD_398E, VL_49CE } from '../history/fpsimd_v6';
import { V6_15_FIXES } from '../history/v6_15';

const KVM_FPSIMD_C = 'arch/arm64/kvm/fpsimd.c';
const HYP_SWITCH_H = 'arch/arm64/kvm/hyp/include/hyp/switch.h';
const NVHE_SWITCH_C = 'arch/arm64/kvm/hyp/nvhe/switch.c';
const VHE_SWITCH_C = 'arch/arm64/kvm/hyp/vhe/switch.c';
const HYP_FPSIMD_S = 'arch/arm64/kvm/hyp/fpsimd.S';
const ARM_C = 'arch/arm64/kvm/arm.c';
const KVM_HOST_H = 'arch/arm64/include/asm/kvm_host.h';

/** host_data's fp_owner: one per physical CPU, whichever vcpu runs there. */
const FP_OWNER = 0;
const FP_STATE_FREE = 0;
const FP_STATE_HOST_OWNED = 1;
const FP_STATE_GUEST_OWNED = 2;
const fields: EraField[] = [
  {
    scope: 'cpu',
    name: 'fp_owner',
    slot: 0,
    values: ['FP_STATE_FREE', 'FP_STATE_HOST_OWNED', 'FP_STATE_GUEST_OWNED'],
    initial: FP_STATE_FREE,
    file: KVM_HOST_H,
  },
];

/** *host_data_ptr(fp_owner) of this CPU (guest_owns_fp_regs(), host_owns_fp_regs()). */
const fp_owner = (k: K): number => get_x(k, FP_OWNER, -1);

/** arch/arm64/kvm/fpsimd.c: share the vcpu thread's FP state with hyp. */
export function kvm_arch_vcpu_run_map_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_run_map_fp', KVM_FPSIMD_C);
  set_vcpu_in_run(k, v, k.s.vcpus[v - k.cfg.nTasks].inRun, true);
  leave(k);
}

/** arch/arm64/kvm/fpsimd.c: save and unbind the host's live state now, so that hyp never has to. */
export function kvm_arch_vcpu_load_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_load_fp', KVM_FPSIMD_C);
  WARN_ON(
    k,
    k.cfg.contexts[current(k)].kind === 'kthread',
    'BUG_ON(!current->mm) in kvm_arch_vcpu_load_fp()',
  );
  stmt(k, 'save-flush-host');
  fpsimd_save_and_flush_cpu_state(k);
  set_x(k, FP_OWNER, v, FP_STATE_FREE);
  leave(k);
}

/**
 * arch/arm64/kvm/fpsimd.c: just before entry (IRQs off): if anything used FP since the last exit
 * (TIF_FOREIGN_FPSTATE set), neither host nor guest owns the registers any more.
 */
export function kvm_arch_vcpu_ctxflush_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_ctxflush_fp', KVM_FPSIMD_C);
  if (test_foreign(k, current(k))) {
    stmt(k, 'free');
    set_x(k, FP_OWNER, v, FP_STATE_FREE);
  }
  leave(k);
}

/**
 * arch/arm64/kvm/fpsimd.c: after an exit, with IRQs still off, bind the guest's live registers to the
 * CPU (a struct cpu_fp_state pointing at the vcpu's fp_regs) so that softirq NEON or a context switch
 * saves them into the vcpu.
 */
export function kvm_arch_vcpu_ctxsync_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_ctxsync_fp', KVM_FPSIMD_C);
  WARN_ON(k, !irqs_disabled(k), 'kvm_arch_vcpu_ctxsync_fp() with IRQs enabled');
  if (fp_owner(k) === FP_STATE_GUEST_OWNED) {
    stmt(k, 'bind');
    // fp_state.sve_vl = vcpu->arch.sve_max_vl; to_save = vcpu_has_sve(vcpu) ? FP_STATE_SVE : FP_STATE_FPSIMD
    const sve = system_supports_sve(k) && vcpu_has_sve(k, v);
    fpsimd_bind_state_to_cpu(k, v, sve ? FP_STATE_SVE : FP_STATE_FPSIMD, VL_MAX);
    stmt(k, 'clear-foreign');
    update_thread_flag_foreign(k, false);
  }
  leave(k);
}

/**
 * arch/arm64/kvm/fpsimd.c: leaving the run loop, save the guest's live state and unbind it (an SVE
 * guest's at the vector length hyp restored at exit: 59419f10045b).
 */
export function kvm_arch_vcpu_put_fp(k: K): void {
  enter(k, 'kvm_arch_vcpu_put_fp', KVM_FPSIMD_C);
  const wasOff = irqs_disabled(k);
  set_irqs_off(k, true); // local_irq_save()
  if (fp_owner(k) === FP_STATE_GUEST_OWNED) {
    stmt(k, 'save-flush');
    fpsimd_save_and_flush_cpu_state(k);
  }
  set_irqs_off(k, wasOff); // local_irq_restore()
  leave(k);
}

/** arch/arm64/kvm/hyp/nvhe/switch.c: trap guest FP (CPTR_EL2.TFP) unless the guest owns the registers. */
export function __activate_cptr_traps(k: K): void {
  enter(k, '__activate_cptr_traps', NVHE_SWITCH_C);
  set_fp_trap(k, fp_owner(k) !== FP_STATE_GUEST_OWNED);
  leave(k);
}

/** arch/arm64/kvm/hyp/nvhe/switch.c (__activate_traps): the FP part is the CPTR_EL2 traps. */
export function __activate_traps(k: K): void {
  enter(k, '__activate_traps', NVHE_SWITCH_C);
  __activate_cptr_traps(k);
  leave(k);
}

/**
 * arch/arm64/kvm/hyp/include/hyp/switch.h: the guest's first FP use: load its state (an SVE guest's in
 * SVE format). The host's was saved at vcpu load, so host_owns_fp_regs() is false here (only pKVM sets
 * FP_STATE_HOST_OWNED).
 */
export function kvm_hyp_handle_fpsimd(k: K, v: number): void {
  enter(k, 'kvm_hyp_handle_fpsimd', HYP_SWITCH_H);
  set_fp_trap(k, false);
  if (fp_owner(k) === FP_STATE_HOST_OWNED) {
    stmt(k, 'save-host');
    enter(k, 'kvm_hyp_save_fpsimd_host', NVHE_SWITCH_C);
    regsToMemory(k, k.cfg.contexts.length + k.cpu); // host_data_ptr(host_ctxt.fp_regs)
    leave(k);
  }
  if (system_supports_sve(k) && vcpu_has_sve(k, v)) {
    stmt(k, 'load-guest-sve');
    __hyp_sve_restore_guest(k, v);
  } else {
    stmt(k, 'load-guest');
    enter(k, '__fpsimd_restore_state', HYP_FPSIMD_S);
    memoryToRegs(k, v);
    leave(k);
  }
  set_x(k, FP_OWNER, v, FP_STATE_GUEST_OWNED);
  leave(k);
}

/**
 * arch/arm64/kvm/hyp/vhe/switch.c (exit): the host's CPACR_EL1 (CPTR_EL2 under VHE) becomes FPEN |
 * ZEN_EL1EN, so EL0 SVE traps; the return to user rebinds and re-enables it from TIF_SVE (the state
 * was flushed at vcpu load). nVHE's leaves the host's CPACR_EL1 alone.
 */
export function __deactivate_cptr_traps(k: K): void {
  enter(k, '__deactivate_cptr_traps', VHE_SWITCH_C);
  stmt(k, 'el0-sve-trapped');
  set_zen(k, false);
  leave(k);
}

/** arch/arm64/kvm/arm.c: vcpu_load's arch part. */
export function kvm_arch_vcpu_load(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_load', ARM_C);
  kvm_arch_vcpu_load_fp(k, v);
  leave(k);
}

/** arch/arm64/kvm/arm.c: vcpu_put's arch part. */
export function kvm_arch_vcpu_put(k: K): void {
  enter(k, 'kvm_arch_vcpu_put', ARM_C);
  kvm_arch_vcpu_put_fp(k);
  leave(k);
}

/** arch/arm64/kvm/arm.c: KVM_RUN by a thread other than the last one (here: the first KVM_RUN). */
export function kvm_arch_vcpu_run_pid_change(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_run_pid_change', ARM_C);
  kvm_arch_vcpu_run_map_fp(k, v);
  leave(k);
}

export const v6_15: Era = {
  id: 'v6.15',
  runLoopFile: ARM_C,
  summary:
    "v6.14-v6.15: the host's state is saved and flushed at vcpu load; a per-CPU fp_owner says whether the guest owns the registers; guest state is bound after exit and saved on put.",
  fields: [...fields, ...CPU_FP_STATE_FIELDS],
  releaseBugs: [VL_49CE, DISCARD_398E],
  historic: V6_15_FIXES,
  guestSve: true,
  ablatable: [],
  sched_out: kvm_arch_vcpu_put,
  sched_in: kvm_arch_vcpu_load,
  kvm_run_enter(k, v) {
    if (!k.s.vcpus[v - k.cfg.nTasks].mapped) kvm_arch_vcpu_run_pid_change(k, v);
    enter(k, 'vcpu_load', 'virt/kvm/kvm_main.c');
    kvm_arch_vcpu_load(k, v);
    leave(k);
  },
  guest_entry(k, v) {
    // The run loop's last step before entry, IRQs already off.
    kvm_arch_vcpu_ctxflush_fp(k, v);
    if (system_supports_sve(k)) fpsimd_lazy_switch_to_guest(k, v);
    enter(k, '__kvm_vcpu_run', NVHE_SWITCH_C);
    __activate_traps(k);
    leave(k);
  },
  guest_fp_trap: kvm_hyp_handle_fpsimd,
  guest_exit(k, v) {
    // hyp saves and restores no FP state on exit in this era; with SVE it switches ZCR (59419f10045b).
    if (system_supports_sve(k)) {
      if (has_vhe(k)) __deactivate_cptr_traps(k);
      fpsimd_lazy_switch_to_host(k, v);
    }
    kvm_arch_vcpu_ctxsync_fp(k, v);
  },
  kvm_run_exit(k) {
    enter(k, 'vcpu_put', 'virt/kvm/kvm_main.c');
    kvm_arch_vcpu_put(k);
    leave(k);
  },
  ...V6_HOST_HOOKS,
};
