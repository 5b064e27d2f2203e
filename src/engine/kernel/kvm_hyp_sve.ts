// The SVE parts of hyp's FP switch (arch/arm64/kvm/hyp/include/hyp/switch.h) on SVE machines: the trap
// handler's load of an SVE guest (v5.x to today) and, since 59419f10045b "KVM: arm64: Eagerly switch
// ZCR_EL{1,2}" (v6.14), the vector-length switch around every guest run. The model's CpuSve.vl is the
// length the host's own SVE code uses: ZCR_EL2 under VHE (the host runs at EL2), ZCR_EL1 on nVHE (the
// host runs at EL1, where the guest's ZCR_EL1 is the same register). See docs/kernel-notes.md, "SVE:
// v6.13 to v6.16, KVM".
import { sveMemoryToRegs } from '../ghostSve';
import { enter, get_x, leave, stmt, type K } from '../kctx';
import { has_vhe, set_cpu_vl, vcpu_has_sve, vcpuSve } from '../kctxSve';
import { VL_MAX } from '../state';

const HYP_SWITCH_H = 'arch/arm64/kvm/hyp/include/hyp/switch.h';
const HYP_FPSIMD_S = 'arch/arm64/kvm/hyp/fpsimd.S';

/** guest_owns_fp_regs(): host_data's fp_owner, field 0 of every v6 era, is FP_STATE_GUEST_OWNED (2). */
const guest_owns_fp_regs = (k: K): boolean => get_x(k, 0, -1) === 2;

/**
 * arch/arm64/kvm/hyp/include/hyp/switch.h: load an SVE vcpu's state at its maximum vector length (the
 * layout of its sve_state), then give the guest the length it chose in its ZCR_EL1.
 */
export function __hyp_sve_restore_guest(k: K, v: number): void {
  enter(k, '__hyp_sve_restore_guest', HYP_SWITCH_H);
  set_cpu_vl(k, VL_MAX); // sve_cond_update_zcr_vq(vcpu_sve_max_vq(vcpu) - 1, SYS_ZCR_EL2)
  enter(k, '__sve_restore_state', HYP_FPSIMD_S);
  sveMemoryToRegs(k, v);
  leave(k);
  // write_sysreg_el1(__vcpu_sys_reg(vcpu, ZCR_EL1), SYS_ZCR): nVHE's host shares it; VHE's uses ZCR_EL2.
  if (!has_vhe(k)) {
    stmt(k, 'guest-zcr');
    set_cpu_vl(k, vcpuSve(k, v).zcr);
  }
  leave(k);
}

/** arch/arm64/kvm/hyp/include/hyp/switch.h (v6.14 on): before entry, the guest's vector lengths. */
export function fpsimd_lazy_switch_to_guest(k: K, v: number): void {
  enter(k, 'fpsimd_lazy_switch_to_guest', HYP_SWITCH_H);
  if (guest_owns_fp_regs(k) && vcpu_has_sve(k, v)) {
    stmt(k, 'zcr-guest');
    set_cpu_vl(k, VL_MAX); // write_sysreg_el2(vcpu_sve_max_vq(vcpu) - 1, SYS_ZCR)
    if (!has_vhe(k)) set_cpu_vl(k, vcpuSve(k, v).zcr); // write_sysreg_el1(guest ZCR_EL1, SYS_ZCR)
  }
  leave(k);
}

/**
 * arch/arm64/kvm/hyp/include/hyp/switch.h (v6.14 on): after exit, keep the guest's ZCR_EL1 and give
 * the host the guest's maximum length, the one its bound state is saved at (VHE: ZCR_EL2; nVHE:
 * ZCR_EL2 = the host's maximum and ZCR_EL1 = the vcpu's maximum).
 */
export function fpsimd_lazy_switch_to_host(k: K, v: number): void {
  enter(k, 'fpsimd_lazy_switch_to_host', HYP_SWITCH_H);
  if (guest_owns_fp_regs(k) && vcpu_has_sve(k, v)) {
    // __vcpu_sys_reg(vcpu, ZCR_EL1) = read_sysreg_el1(SYS_ZCR): the model keeps it in VcpuSve.zcr.
    stmt(k, has_vhe(k) ? 'zcr-el2-vcpu-max' : 'zcr-el1-vcpu-max');
    set_cpu_vl(k, VL_MAX);
  }
  leave(k);
}
