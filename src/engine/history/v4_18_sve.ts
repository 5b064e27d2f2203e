// v4.18's SVE historic variants: two fixes of 2018-06-15 to the patch's arch/arm64/kvm/fpsimd.c, both
// before v4.18 was released. Their pre-fix statements stand in eras/v4_18.ts (fixed(k, ...)).
import type { HistoricFix } from './types';

const FIRST_MERGED =
  'arch/arm64/kvm/fpsimd.c as first merged (e6b673b741ea with 85acda3b4a27, before b045e4d0f392, b3eb56b629d1 and 2955bcc8c309; search index id 248864340)';
const V4_18 =
  'v4.18 arch/arm64/kvm/fpsimd.c, arch/arm64/kvm/hyp/switch.c, arch/arm64/kernel/fpsimd.c and entry.S (zzwd/linux-4.18-rt @ 752227f1359f, Makefile 4.18.0)';

export const V4_18_SVE_FIXES: readonly HistoricFix[] = [
  {
    commit: '2955bcc8c309',
    subject: 'KVM: arm64: Avoid mistaken attempts to save SVE state for vcpus',
    date: '2018-06-15',
    affected: 'v4.18-rc1 only (the patch as first merged, e6b673b741ea); fixed before v4.18',
    story:
      "While the guest's FP registers are bound to the CPU, kvm_arch_vcpu_ctxsync_fp() clears the VMM thread's TIF_SVE: fpsimd_save() chooses the SVE save by current's TIF_SVE, and that save writes the Z, P and FFR registers into current's own sve_state whatever fpsimd_last_state points at. kvm_arch_vcpu_put_fp() puts TIF_SVE back from KVM_ARM64_HOST_SVE_IN_USE. As first merged it did so before its fpsimd_save(), so when the VMM thread had TIF_SVE at vcpu_load the guest's registers were saved as the VMM's SVE state: the SVE state the VMM thread had in sve_state was overwritten, and the guest's own registers never reached the vcpu's fp_regs. The KVM_RUN syscall clears TIF_SVE on entry, so the VMM thread has it inside KVM_RUN only when a tracer writes its SVE registers at a syscall stop.",
    before:
      'kvm_arch_vcpu_put_fp() restored TIF_SVE from KVM_ARM64_HOST_SVE_IN_USE before fpsimd_save() (statement restore-tif-sve-early).',
    fix: "The restore moves after the save and flush (statement restore-tif-sve): the guest's registers are saved with TIF_SVE clear, into the vcpu's fp_regs.",
    statements: ['restore-tif-sve-early', 'restore-tif-sve'],
    sve: true,
    source: `${FIRST_MERGED}; ${V4_18}; the subject and date from a dated commit list of arch/arm64/kvm/fpsimd.c (a notes page dated by its commits, listing 2955bcc8c309; search index id 49300830419). The fix's message and diff were not read: the one difference between the two files that it can be is the position of update_thread_flag(TIF_SVE, ...).`,
  },
  {
    commit: 'b3eb56b629d1',
    subject: 'KVM: arm64/sve: Fix SVE trap restoration for non-current tasks',
    date: '2018-06-15',
    affected: 'v4.18-rc1 only (the patch as first merged, e6b673b741ea); fixed before v4.18',
    story:
      'On a VHE host, leaving the guest resets CPACR_EL1 to CPACR_EL1_DEFAULT, which traps SVE at EL0 for whichever task returns to user next. As first merged, kvm_arch_vcpu_put_fp() restored the trap only by rebinding current when current\'s registers were live. But another task may return to user with the registers: an SVE task preempted by the vcpu thread keeps its registers bound to the CPU while the guest runs without FP; when it comes back its reload is skipped, and it returns to user with SVE trapped although TIF_SVE is set. Its next SVE instruction traps, and do_sve_acc() warns "SVE access shouldn\'t have trapped" (and, converting again, copies its stale FPSIMD state over the V part it has just saved).',
    before:
      "kvm_arch_vcpu_put_fp() called fpsimd_bind_task_to_cpu() when the guest had not used FP and current's TIF_FOREIGN_FPSTATE was clear (statement rebind); kvm_arch_vcpu_load_fp() did not record the EL0 SVE trap.",
    fix: "kvm_arch_vcpu_load_fp() records CPACR_EL1's EL0 SVE enable in KVM_ARM64_HOST_SVE_ENABLED (statement sve-flags) and put_fp restores it when the guest has not used FP (statement restore-el0-sve), for whichever task's registers are loaded.",
    statements: ['rebind', 'restore-el0-sve', 'sve-flags'],
    sve: true,
    source: `${FIRST_MERGED}; ${V4_18}; the fix's message (android-kvm.googlesource.com/linux/+/b3eb56b629d1095dde56fa37f4d7bcd5f783c8b2, a stored page; its diff is the difference between the two files). Needs VHE: nVHE hyp leaves CPACR_EL1 alone, and v4.18's kvm_arch_init() refuses SVE without VHE.`,
  },
];
