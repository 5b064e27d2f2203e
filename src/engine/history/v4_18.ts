// The fixes whose pre-fix code v4.18 keeps (../eras/v4_18.ts, ../kernel/fpsimd_v4_18.ts): their stories
// for the gallery; the SVE ones are ./v4_18_sve.ts.
import type { HistoricFix } from './types';
import { V4_18_SVE_FIXES } from './v4_18_sve';

/** "KVM: arm64: Don't mask softirq with IRQs disabled in vcpu_put()": local_irq_save() in put_fp. */
export const B045 = 'b045e4d0f392';
/** "KVM: arm64/sve: Fix SVE trap restoration for non-current tasks": EL0 SVE restored from the flag. */
export const B3EB = 'b3eb56b629d1';
/** "KVM: arm64: Avoid mistaken attempts to save SVE state for vcpus": TIF_SVE restored after the save. */
export const C2955 = '2955bcc8c309';

export const V4_18_FIXES: readonly HistoricFix[] = [
  {
    commit: B045,
    subject: "KVM: arm64: Don't mask softirq with IRQs disabled in vcpu_put()",
    date: '2018-06-15',
    affected: 'v4.18-rc1 only (the patch as first merged, e6b673b741ea); fixed before v4.18',
    story:
      'When the scheduler preempts a vcpu thread inside KVM_RUN, the preempt notifier calls vcpu_put with IRQs disabled (the run-queue lock is held). As first merged, kvm_arch_vcpu_put_fp() protected its save with local_bh_disable()/local_bh_enable(), and local_bh_enable() must not run with IRQs disabled: it may run pending softirqs, and with CONFIG_TRACE_IRQFLAGS it ends by enabling IRQs. In v4.18, __local_bh_enable_ip() (kernel/softirq.c) checks it with lockdep_assert_irqs_enabled(), a warning only in kernels built with lockdep (CONFIG_PROVE_LOCKING); older kernels had WARN_ON_ONCE(in_irq() || irqs_disabled()). Leaving KVM_RUN normally, with IRQs on, was fine, so only preemption shows it.',
    before:
      'kvm_arch_vcpu_put_fp() used local_bh_disable()/local_bh_enable() around the save and flush (statements local-bh-disable, local-bh-enable).',
    fix: 'local_irq_save()/local_irq_restore() instead: correct whether vcpu_put runs with IRQs on (ioctl exit) or off (preempt notifier).',
    statements: ['local-bh-disable', 'local-bh-enable'],
    source:
      'arch/arm64/kvm/fpsimd.c as first merged, e6b673b741ea with 85acda3b4a27 and before b045e4d0f392 (search index id 248864340); v4.18 kernel/softirq.c, whose __local_bh_enable_ip() asserts lockdep_assert_irqs_enabled(), a check only with CONFIG_PROVE_LOCKING (read in zzwd/linux-4.18-rt @ 752227f1359f and wulmx/linux-4.18 @ 5b48ed8b30d7); a dated commit list of arch/arm64/kvm/fpsimd.c (a notes page; search index id 49300830419)',
  },
  ...V4_18_SVE_FIXES,
];
