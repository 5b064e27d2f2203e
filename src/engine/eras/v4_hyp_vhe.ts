// The VHE host exit of v4.17 and v4.18's arch/arm64/kvm/hyp/switch.c, which v4.18 did not change: one
// definition for both eras (v4_17.ts, v4_18_hyp.ts).
import { enter, leave, stmt, type K } from '../kctx';
import { set_zen } from '../kctxSve';

const HYP_SWITCH_C = 'arch/arm64/kvm/hyp/switch.c';

/** arch/arm64/kvm/hyp/switch.c: back to the host (VHE): CPACR_EL1 = CPACR_EL1_DEFAULT, EL0 SVE trapped. */
export function deactivate_traps_vhe(k: K): void {
  enter(k, 'deactivate_traps_vhe', HYP_SWITCH_C);
  stmt(k, 'cpacr-default');
  set_zen(k, false);
  leave(k);
}
