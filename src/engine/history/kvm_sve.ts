// The KVM SVE bugs of era v6.13 for the gallery: two of the release itself (Era.releaseBugs, each named
// by the v6.14 commit that fixed it) and one historic variant (v6.13/pre-d52d165d67c5). Each names the
// statements of eras/v6_13.ts (and of v6_15.ts for the fixes) that differ. Sources: docs/kernel-notes.md,
// "SVE: v6.13 to v6.16, KVM".
import type { HistoricFix } from './types';

/** "KVM: arm64: Always start with clearing SVE flag on load" (v5.19-rc3, 2022-05-28). */
export const D52D = 'd52d165d67c5';

const SRC_613 =
  "v6.13's arch/arm64/kvm/fpsimd.c as in torvalds/linux @ ef3be86021c3 (search index id 13712485), equal to the removed lines of the 6.13.9 stable diff (index id 46659287641), which also gives v6.13's fpsimd_kvm_prepare() (arch/arm64/kernel/fpsimd.c) and hyp code";

export const FBC7_RELEASE_BUG: HistoricFix = {
  commit: 'fbc7e61195e2',
  subject: 'KVM: arm64: Unconditionally save+flush host FPSIMD/SVE/SME state',
  date: '2025-02-10',
  affected:
    'v5.19 to v6.13 (fixed in v6.14-rc and in stable 6.13.9, 6.12.y, 6.6.y, 6.1.y); VHE and nVHE hosts alike',
  story:
    "Reported as QEMU crashing in an SVE memmove() (RHEL-68997). On every vcpu load, fpsimd_kvm_prepare() cleared the VMM thread's TIF_SVE (KVM would not save the host's SVE state) but left CPACR_EL1.ZEN as it was, so user SVE stayed untrapped. After a KVM_RUN in which the guest did not touch FP, the VMM's registers were still live and nothing rebound them: a VHE host's kvm_arch_vcpu_put_fp() even turned EL0 SVE back on from HOST_SVE_ENABLED. The VMM then ran SVE code untrapped, and the next save, seeing TIF_SVE clear, stored the FPSIMD part only: the upper bits of Z, P and FFR were gone.",
  before:
    'kvm_arch_vcpu_load_fp() called fpsimd_kvm_prepare(), which cleared TIF_SVE without trapping user SVE (statement clear-tif-sve), marked the registers host-owned (host-owned) and recorded HOST_SVE_ENABLED from CPACR_EL1; kvm_arch_vcpu_put_fp() restored EL0 SVE from it on VHE when the guest did not own the registers (restore-el0-sve).',
  fix: 'kvm_arch_vcpu_load_fp() saves and unbinds the host\'s state with fpsimd_save_and_flush_cpu_state() (statement save-flush-host of v6.15): the return to user reloads it and fpsimd_bind_task_to_cpu() sets EL0 SVE from TIF_SVE; fpsimd_kvm_prepare() and HOST_SVE_ENABLED are gone (with 459f059be702 "KVM: arm64: Remove VHE host restore of CPACR_EL1.ZEN").',
  statements: ['clear-tif-sve', 'host-owned', 'host-sve-enabled', 'restore-el0-sve'],
  source: `${SRC_613}; the fix's message and diff (6.6-stable review copy, index id 47154117072); v6.14's kvm_arch_vcpu_load_fp() in perishh/linux-6.14 @ 16b95dcdf585.`,
  sve: true,
};

export const ZCR_RELEASE_BUG: HistoricFix = {
  commit: '59419f10045b',
  subject: 'KVM: arm64: Eagerly switch ZCR_EL{1,2}',
  date: '2025-02-10',
  affected:
    'nVHE hosts from v5.x (8c8010d69c13 "KVM: arm64: Save/restore SVE state for nVHE") to v6.13 (fixed in v6.14-rc and stable 6.13.9); needs "vhe": false',
  story:
    "On an nVHE host the kernel runs at EL1 and shares ZCR_EL1 with the guest. After an exit from an SVE guest that had chosen a shorter vector length, ZCR_EL1 kept the guest's value until kvm_arch_vcpu_put_fp() restored the vcpu's maximum. kvm_arch_vcpu_ctxsync_fp() had bound the guest's live state to be saved at that maximum, so a softirq using kernel-mode NEON in between found the wrong vector length: fpsimd_save_user_state()'s WARN_ON(sve_get_vl() != vl) fired and the VMM was killed.",
  before:
    "On exit hyp left the guest's ZCR_EL1 in place (statement guest-zcr of __hyp_sve_restore_guest()); only kvm_arch_vcpu_put_fp() set ZCR_EL1 to the vcpu's maximum before saving (zcr-max).",
  fix: "fpsimd_lazy_switch_to_host() in hyp, on every exit while the guest owns the registers, saves the guest's ZCR_EL1 and sets the host's length to the vcpu's maximum (statement zcr-el1-vcpu-max of v6.15); fpsimd_lazy_switch_to_guest() gives the guest its own again before entry.",
  statements: ['guest-zcr', 'zcr-max'],
  source: `${SRC_613}; the fix's v2 patch mail with its message and diff (index id 7847285845); v6.14's hyp/include/hyp/switch.h and hyp/vhe/switch.c in perishh/linux-6.14 @ 16b95dcdf585.`,
  sve: true,
};

export const D52D_FIX: HistoricFix = {
  commit: D52D,
  subject: 'KVM: arm64: Always start with clearing SVE flag on load',
  date: '2022-05-28',
  affected:
    'v5.17 (8383741ab2e7 "KVM: arm64: Get rid of host SVE tracking/saving") to v5.18 (fixed in v5.19-rc3 and stable 5.15.y); VHE hosts',
  story:
    'kvm_arch_vcpu_load_fp() set the vcpu flag HOST_SVE_ENABLED when user SVE was enabled on the CPU, and kvm_arch_vcpu_put_fp() of a VHE host restored EL0 SVE from it. Nothing ever cleared the flag: once a vcpu had been loaded with user SVE on, every later put turned user SVE on for the VMM thread, even when it had it trapped and TIF_SVE clear. SVE code then ran untrapped and the next save, FPSIMD only, dropped the upper bits.',
  before:
    'kvm_arch_vcpu_load_fp() only set HOST_SVE_ENABLED (statement host-sve-enabled) and never cleared it (statement clear-host-sve-enabled missing).',
  fix: 'vcpu_clear_flag(vcpu, HOST_SVE_ENABLED) before the test of CPACR_EL1 on every load (statement clear-host-sve-enabled).',
  statements: ['clear-host-sve-enabled'],
  source: `the fix's message and diff (d52d165d67c5 in its 5.15-stable review copy, index id 40576903590); ${SRC_613}, which has the fix.`,
  sve: true,
};
