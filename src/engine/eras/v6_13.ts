// Era v6.13: the fp_owner tristate (v5.19, "KVM: arm64: Move FP state ownership from flag to a
// tristate") up to v6.13, before "KVM: arm64: Unconditionally save+flush host FPSIMD/SVE/SME state".
// Hold beside arch/arm64/kvm/fpsimd.c, arch/arm64/kvm/hyp/include/hyp/switch.h,
// arch/arm64/kvm/hyp/nvhe/switch.c and arch/arm64/kvm/arm.c of v6.13, and diff against v6_15.ts:
// here vcpu load only records that the host owns the registers, and hyp saves the host's live state
// lazily on the guest's first FP trap.
import type { Era, EraField } from '../era';
import { memoryToRegs, regsToMemory } from '../ghost';
import {
  current,
  enter,
  fixed,
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
import { cpuSve, has_vhe, set_cpu_vl, set_zen, system_supports_sve, vcpu_has_sve } from '../kctxSve';
import { FP_STATE_FPSIMD, FP_STATE_SVE, VL_MAX } from '../state';
import { D52D_FIX, FBC7_RELEASE_BUG, ZCR_RELEASE_BUG } from '../history/kvm_sve';
import { fpsimd_kvm_prepare } from '../kernel/fpsimd_kvm_prepare';
import { __hyp_sve_restore_guest } from '../kernel/kvm_hyp_sve';
import { fpsimd_save_and_flush_cpu_state } from '../kernel/fpsimd_v6_8';
import { CPU_FP_STATE_FIELDS, fpsimd_bind_state_to_cpu } from '../kernel/fpsimd_v6';
import { V6_HOST_HOOKS } from '../kernel/fpsimd_v6_hooks';
import { DISCARD_398E, PTRACE_B017, SIGNAL_61DA, SVE_TRAP_751E, VL_49CE } from '../history/fpsimd_v6';

const KVM_FPSIMD_C = 'arch/arm64/kvm/fpsimd.c';
const HYP_SWITCH_H = 'arch/arm64/kvm/hyp/include/hyp/switch.h';
const NVHE_SWITCH_C = 'arch/arm64/kvm/hyp/nvhe/switch.c';
const HYP_FPSIMD_S = 'arch/arm64/kvm/hyp/fpsimd.S';
const ARM_C = 'arch/arm64/kvm/arm.c';
const KVM_HOST_H = 'arch/arm64/include/asm/kvm_host.h';
const KVM_EMULATE_H = 'arch/arm64/include/asm/kvm_emulate.h';

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
  // SVE machines only: the vcpu flag HOST_SVE_ENABLED (EL0 SVE was on at vcpu load).
  { scope: 'vcpu', name: 'HOST_SVE_ENABLED', slot: 0, initial: 0, file: KVM_HOST_H, sve: true },
];

/** HOST_SVE_ENABLED's index in fields (found by name: the host side lists its SVE fields too). */
const HOST_SVE_ENABLED = fields.findIndex((f) => f.name === 'HOST_SVE_ENABLED');

/** *host_data_ptr(fp_owner) of this CPU (guest_owns_fp_regs(), host_owns_fp_regs()). */
const fp_owner = (k: K): number => get_x(k, FP_OWNER, -1);

/**
 * The storage *host_data_ptr(fpsimd_state) points at: load_fp sets it to current's
 * thread.uw.fpsimd_state, and load_fp runs again on every sched-in, so in hyp it is always the
 * storage of the thread that runs vcpu v.
 */
const hostThread = (k: K, v: number): number => k.cfg.contexts[v].partner;

/** arch/arm64/kvm/fpsimd.c: share the vcpu thread's FP state with hyp (kvm_share_hyp()). */
export function kvm_arch_vcpu_run_map_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_run_map_fp', KVM_FPSIMD_C);
  set_vcpu_in_run(k, v, k.s.vcpus[v - k.cfg.nTasks].inRun, true);
  leave(k);
}

/**
 * arch/arm64/kvm/fpsimd.c: record that whatever the registers hold belongs to the host (current) and
 * point host_data's fpsimd_state at current's storage; ctxflush_fp corrects the owner before entry.
 * With SVE, current's state is made FPSIMD only (TIF_SVE cleared, user SVE left untrapped: the bug
 * fbc7e61195e2 fixed) and HOST_SVE_ENABLED records whether EL0 SVE was on, for put_fp.
 */
export function kvm_arch_vcpu_load_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_load_fp', KVM_FPSIMD_C);
  WARN_ON(
    k,
    k.cfg.contexts[current(k)].kind === 'kthread',
    'BUG_ON(!current->mm) in kvm_arch_vcpu_load_fp()',
  );
  // fpsimd_kvm_prepare() returns at once without SVE: FPSIMD-only traces do not show it.
  if (system_supports_sve(k)) fpsimd_kvm_prepare(k);
  stmt(k, 'host-owned');
  set_x(k, FP_OWNER, v, FP_STATE_HOST_OWNED);
  if (system_supports_sve(k)) {
    // d52d165d67c5: before it, the flag was only ever set, so it outlived the load that set it.
    if (fixed(k, 'd52d165d67c5')) {
      stmt(k, 'clear-host-sve-enabled');
      set_x(k, HOST_SVE_ENABLED, v, 0); // vcpu_clear_flag(vcpu, HOST_SVE_ENABLED)
    }
    if (cpuSve(k).zen) {
      stmt(k, 'host-sve-enabled');
      set_x(k, HOST_SVE_ENABLED, v, 1); // read_sysreg(cpacr_el1) & CPACR_EL1_ZEN_EL0EN
    }
  }
  leave(k);
}

/**
 * arch/arm64/kvm/fpsimd.c: just before entry (IRQs off): if anything used FP since vcpu load or the
 * last exit (TIF_FOREIGN_FPSTATE set), neither host nor guest owns the registers any more.
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
 * arch/arm64/kvm/fpsimd.c: leaving the run loop, save the guest's live state and unbind it. With SVE:
 * an SVE guest's state is saved at the vcpu's maximum vector length, which nVHE sets here (until then
 * the host ran at the guest's ZCR_EL1: 59419f10045b); a VHE host whose guest did not own the registers
 * turns EL0 SVE back on from HOST_SVE_ENABLED (hyp's kvm_reset_cptr_el2() trapped it at exit).
 */
export function kvm_arch_vcpu_put_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_put_fp', KVM_FPSIMD_C);
  const wasOff = irqs_disabled(k);
  set_irqs_off(k, true); // local_irq_save()
  if (fp_owner(k) === FP_STATE_GUEST_OWNED) {
    if (system_supports_sve(k) && vcpu_has_sve(k, v) && !has_vhe(k)) {
      // __vcpu_sys_reg(vcpu, ZCR_EL1) = read_sysreg_el1(SYS_ZCR): kept in VcpuSve.zcr by the model.
      stmt(k, 'zcr-max');
      set_cpu_vl(k, VL_MAX); // sve_cond_update_zcr_vq(vcpu_sve_max_vq(vcpu) - 1, SYS_ZCR_EL1)
    }
    stmt(k, 'save-flush');
    fpsimd_save_and_flush_cpu_state(k);
  } else if (system_supports_sve(k) && has_vhe(k)) {
    stmt(k, 'restore-el0-sve');
    set_zen(k, get_x(k, HOST_SVE_ENABLED, v) !== 0); // sysreg_clear_set(CPACR_EL1, ..., ZEN_EL0EN)
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

/** arch/arm64/kvm/hyp/nvhe/switch.c: write the host's live registers to *host_data_ptr(fpsimd_state). */
export function kvm_hyp_save_fpsimd_host(k: K, v: number): void {
  enter(k, 'kvm_hyp_save_fpsimd_host', NVHE_SWITCH_C);
  enter(k, '__fpsimd_save_state', HYP_FPSIMD_S);
  regsToMemory(k, hostThread(k, v));
  leave(k);
  leave(k);
}

/**
 * arch/arm64/kvm/hyp/include/hyp/switch.h: the guest's first FP use: save the host's state if it is
 * still in the registers (the lazy host save; FPSIMD only: TIF_SVE was cleared at load), then load the
 * guest's (an SVE guest's in SVE format).
 */
export function kvm_hyp_handle_fpsimd(k: K, v: number): void {
  enter(k, 'kvm_hyp_handle_fpsimd', HYP_SWITCH_H);
  set_fp_trap(k, false);
  if (fp_owner(k) === FP_STATE_HOST_OWNED) {
    stmt(k, 'save-host');
    kvm_hyp_save_fpsimd_host(k, v);
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
 * arch/arm64/include/asm/kvm_emulate.h (hyp's __deactivate_traps() at exit): a VHE host's CPACR_EL1
 * becomes FPEN | ZEN_EL1EN, so EL0 SVE traps; nVHE sets CPTR_EL2.TZ for an SVE guest that owns the
 * registers and restores only ZCR_EL2 lazily on the host's first SVE use, ZCR_EL1 staying the guest's.
 */
export function kvm_reset_cptr_el2(k: K): void {
  enter(k, 'kvm_reset_cptr_el2', KVM_EMULATE_H);
  if (has_vhe(k)) {
    stmt(k, 'el0-sve-trapped');
    set_zen(k, false);
  }
  leave(k);
}

/** arch/arm64/kvm/arm.c: vcpu_load's arch part. */
export function kvm_arch_vcpu_load(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_load', ARM_C);
  kvm_arch_vcpu_load_fp(k, v);
  leave(k);
}

/** arch/arm64/kvm/arm.c: vcpu_put's arch part. */
export function kvm_arch_vcpu_put(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_put', ARM_C);
  kvm_arch_vcpu_put_fp(k, v);
  leave(k);
}

/** arch/arm64/kvm/arm.c: KVM_RUN by a thread other than the last one (here: the first KVM_RUN). */
export function kvm_arch_vcpu_run_pid_change(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_run_pid_change', ARM_C);
  kvm_arch_vcpu_run_map_fp(k, v);
  leave(k);
}

export const v6_13: Era = {
  id: 'v6.13',
  runLoopFile: ARM_C,
  summary:
    "v5.19 to v6.13: a per-CPU fp_owner tristate; vcpu load marks the registers host-owned and hyp saves the host lazily on the guest's first FP trap; guest state is bound after exit and saved on put.",
  fields: [...fields, ...CPU_FP_STATE_FIELDS],
  historic: [SVE_TRAP_751E, SIGNAL_61DA, PTRACE_B017, D52D_FIX],
  releaseBugs: [VL_49CE, DISCARD_398E, FBC7_RELEASE_BUG, ZCR_RELEASE_BUG],
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
    enter(k, '__kvm_vcpu_run', NVHE_SWITCH_C);
    __activate_traps(k);
    leave(k);
  },
  guest_fp_trap: kvm_hyp_handle_fpsimd,
  guest_exit(k, v) {
    // hyp saves and restores no FP state on exit in this era; with SVE it resets the traps.
    if (system_supports_sve(k)) kvm_reset_cptr_el2(k);
    kvm_arch_vcpu_ctxsync_fp(k, v);
  },
  kvm_run_exit(k, v) {
    enter(k, 'vcpu_put', 'virt/kvm/kvm_main.c');
    kvm_arch_vcpu_put(k, v);
    leave(k);
  },
  ...V6_HOST_HOOKS,
};
