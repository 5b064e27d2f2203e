// The host helper that v6.13's kvm_arch_vcpu_load_fp() calls on every vcpu load (v5.19 to v6.13;
// removed by fbc7e61195e2 "KVM: arm64: Unconditionally save+flush host FPSIMD/SVE/SME state" in v6.14).
// Read in the 6.13.9 stable diff, whose removed lines are v6.13's (docs/kernel-notes.md, "SVE: v6.13 to
// v6.16, KVM").
import { sveToFpsimd } from '../ghostSve';
import { current, enter, leave, stmt, type K } from '../kctx';
import { set_fp_type, set_tif_sve, system_supports_sve, test_tif_sve } from '../kctxSve';
import { FP_STATE_FPSIMD } from '../state';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';

/**
 * arch/arm64/kernel/fpsimd.c: KVM does not save the host's SVE state, so make current's state FPSIMD
 * only: clear TIF_SVE and convert the saved copy. CPACR_EL1.ZEN is left as it is, so user SVE stays
 * untrapped though TIF_SVE is clear (the bug fbc7e61195e2 removed with this function).
 */
export function fpsimd_kvm_prepare(k: K): void {
  enter(k, 'fpsimd_kvm_prepare', FPSIMD_C);
  if (system_supports_sve(k)) {
    k.bh++; // get_cpu_fpsimd_context()
    const t = current(k);
    if (test_tif_sve(k, t)) {
      stmt(k, 'clear-tif-sve');
      set_tif_sve(k, t, false); // test_and_clear_thread_flag(TIF_SVE)
      enter(k, 'sve_to_fpsimd', FPSIMD_C);
      sveToFpsimd(k, t);
      leave(k);
      set_fp_type(k, t, FP_STATE_FPSIMD); // current->thread.fp_type = FP_STATE_FPSIMD
    }
    k.bh--; // put_cpu_fpsimd_context()
  }
  leave(k);
}
