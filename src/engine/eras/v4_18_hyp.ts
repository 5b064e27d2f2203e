// v4.18's hyp side: arch/arm64/kvm/hyp/switch.c (lazy host save on the guest's first FP trap) and the
// vcpu flags it shares with arch/arm64/kvm/fpsimd.c (./v4_18.ts).
import type { EraField } from '../era';
import { memoryToRegs, regsToMemory } from '../ghost';
import { enter, get_x, leave, on, set_fp_trap, set_x, stmt, type K } from '../kctx';
import { has_vhe, set_zen, system_supports_sve } from '../kctxSve';
import { sve_save_state } from '../kernel/fpsimd_v4_18';

const HYP_SWITCH_C = 'arch/arm64/kvm/hyp/switch.c';
const HYP_FPSIMD_S = 'arch/arm64/kvm/hyp/fpsimd.S';
const KVM_HOST_H = 'arch/arm64/include/asm/kvm_host.h';

/** vcpu->arch.flags bits this era uses. */
export const FP_ENABLED = 0;
export const FP_HOST = 1;
/** SVE machines only (their own slots in VcpuState.sve.x). */
export const HOST_SVE_IN_USE = 2;
export const HOST_SVE_ENABLED = 3;
export const fields: EraField[] = [
  { scope: 'vcpu', name: 'KVM_ARM64_FP_ENABLED', slot: 0, initial: 0, file: KVM_HOST_H },
  { scope: 'vcpu', name: 'KVM_ARM64_FP_HOST', slot: 1, initial: 0, file: KVM_HOST_H },
  { scope: 'vcpu', name: 'KVM_ARM64_HOST_SVE_IN_USE', slot: 0, initial: 0, file: KVM_HOST_H, sve: true },
  { scope: 'vcpu', name: 'KVM_ARM64_HOST_SVE_ENABLED', slot: 1, initial: 0, file: KVM_HOST_H, sve: true },
];

/** The host thread that runs vcpu v. */
export const hostThread = (k: K, v: number): number => k.cfg.contexts[v].partner;

/** arch/arm64/kvm/hyp/switch.c: if the host's registers are foreign, neither host nor guest is live. */
export function update_fp_enabled(k: K, v: number): boolean {
  enter(k, 'update_fp_enabled', HYP_SWITCH_C);
  if (on(k, 'hyp-foreign-check') && k.s.tasks[hostThread(k, v)].foreign) {
    stmt(k, 'clear-flags');
    set_x(k, FP_ENABLED, v, 0);
    set_x(k, FP_HOST, v, 0);
  }
  leave(k);
  return get_x(k, FP_ENABLED, v) !== 0;
}

/** arch/arm64/kvm/hyp/switch.c (__activate_traps): trap guest FP unless its state is live. */
export function __activate_traps(k: K, v: number): void {
  enter(k, '__activate_traps', HYP_SWITCH_C);
  if (system_supports_sve(k) && has_vhe(k)) {
    // activate_traps_vhe(): the guest's SVE traps (val &= ~CPACR_EL1_ZEN), the host's EL0 bit with it.
    stmt(k, 'vhe-zen');
    set_zen(k, false);
  }
  set_fp_trap(k, !update_fp_enabled(k, v));
  leave(k);
}

/** arch/arm64/kvm/hyp/switch.c: first guest FP use: save the host's live state, load the guest's. */
export function __hyp_switch_fpsimd(k: K, v: number): void {
  enter(k, '__hyp_switch_fpsimd', HYP_SWITCH_C);
  set_fp_trap(k, false);
  if (get_x(k, FP_HOST, v)) {
    stmt(k, 'save-host');
    // SVE: the host thread's sve_state (VHE assumed: kvm_arch_init() refuses SVE without it; no VL check).
    if (system_supports_sve(k) && get_x(k, HOST_SVE_IN_USE, v) !== 0) sve_save_state(k, hostThread(k, v));
    else {
      enter(k, '__fpsimd_save_state', HYP_FPSIMD_S);
      regsToMemory(k, hostThread(k, v)); // vcpu->arch.host_fpsimd_state
      leave(k);
    }
    set_x(k, FP_HOST, v, 0);
  }
  stmt(k, 'load-guest');
  enter(k, '__fpsimd_restore_state', HYP_FPSIMD_S);
  memoryToRegs(k, v);
  leave(k);
  set_x(k, FP_ENABLED, v, 1);
  leave(k);
}
