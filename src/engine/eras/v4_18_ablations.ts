// v4.18's ablations: each single statement of the patch an ablation variant (v4.18/no-NAME) removes.
import type { Ablatable } from '../era';

export const V4_18_ABLATIONS: readonly Ablatable[] = [
  {
    name: 'ctxsync-bind',
    description:
      'kvm_arch_vcpu_ctxsync_fp() does not call fpsimd_bind_state_to_cpu() (arch/arm64/kvm/fpsimd.c)',
  },
  {
    name: 'ctxsync-clear-foreign',
    description: 'kvm_arch_vcpu_ctxsync_fp() does not clear TIF_FOREIGN_FPSTATE (arch/arm64/kvm/fpsimd.c)',
  },
  {
    name: 'hyp-foreign-check',
    description:
      "update_fp_enabled() ignores the host thread's TIF_FOREIGN_FPSTATE (arch/arm64/kvm/hyp/switch.c)",
  },
  {
    name: 'put-save',
    description: "kvm_arch_vcpu_put_fp() does not fpsimd_save() the guest's state (arch/arm64/kvm/fpsimd.c)",
  },
  {
    name: 'put-flush',
    description: 'kvm_arch_vcpu_put_fp() does not fpsimd_flush_cpu_state() (arch/arm64/kvm/fpsimd.c)',
  },
  {
    name: 'load-fp-host',
    description: 'kvm_arch_vcpu_load_fp() does not set KVM_ARM64_FP_HOST (arch/arm64/kvm/fpsimd.c)',
  },
  {
    name: 'flush-sets-foreign',
    description:
      "fpsimd_flush_cpu_state() does not set TIF_FOREIGN_FPSTATE, which the patch's v9-to-v10 change relies on (arch/arm64/kernel/fpsimd.c)",
  },
  {
    name: 'thread-switch-cpu-check',
    description:
      "fpsimd_thread_switch() ignores next's fpsimd_cpu field, i.e. migration (arch/arm64/kernel/fpsimd.c)",
  },
  {
    name: 'neon-save',
    description:
      'kernel_neon_begin() does not fpsimd_save() live state before clobbering the registers (arch/arm64/kernel/fpsimd.c)',
  },
  {
    name: 'signal-save',
    description:
      'fpsimd_preserve_current_state() does not fpsimd_save() the live registers before a signal frame is written from memory (arch/arm64/kernel/fpsimd.c)',
  },
  {
    name: 'sigreturn-bind',
    description:
      'fpsimd_update_current_state() clears TIF_FOREIGN_FPSTATE without fpsimd_bind_task_to_cpu() (arch/arm64/kernel/fpsimd.c)',
  },
  {
    name: 'exec-flush',
    description:
      'fpsimd_flush_thread() does not fpsimd_flush_task_state(current) after zeroing the state on exec (arch/arm64/kernel/fpsimd.c)',
  },
  {
    name: 'ptrace-flush',
    description:
      'fpr_set() does not fpsimd_flush_task_state() the tracee after writing its FP registers (arch/arm64/kernel/ptrace.c)',
  },
  {
    name: 'pm-flush',
    description:
      "the CPU PM notifier's CPU_PM_ENTER does not fpsimd_flush_cpu_state() before the CPU loses its registers (arch/arm64/kernel/fpsimd.c)",
  },
];
