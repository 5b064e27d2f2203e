// Era v4.18: "KVM: arm64: Optimise FPSIMD handling to reduce guest/host thrashing".
// Hold beside arch/arm64/kvm/fpsimd.c, arch/arm64/kvm/hyp/switch.c and virt/kvm/arm/arm.c of v4.18;
// the host side is ../kernel/fpsimd.ts. `on(k, name)` marks a statement an ablation can remove.
import type { Era, EraField } from '../era';
import { memoryToRegs, regsToMemory } from '../ghost';
import {
  current,
  enter,
  fixed,
  get_x,
  irqs_disabled,
  leave,
  on,
  set_fp_trap,
  set_irqs_off,
  set_vcpu_in_run,
  set_x,
  stmt,
  WARN_ON,
  type K,
} from '../kctx';
import {
  fpsimd_bind_state_to_cpu,
  fpsimd_cpu_pm_notifier,
  fpsimd_flush_cpu_state,
  fpsimd_flush_task_state,
  fpsimd_flush_thread,
  fpsimd_preserve_current_state,
  fpsimd_update_current_state,
  fpsimd_restore_current_state,
  fpsimd_save,
  fpsimd_thread_switch,
  kernel_neon_begin,
  kernel_neon_end,
  update_thread_flag_foreign,
} from '../kernel/fpsimd';

const KVM_FPSIMD_C = 'arch/arm64/kvm/fpsimd.c';
const HYP_SWITCH_C = 'arch/arm64/kvm/hyp/switch.c';
const HYP_FPSIMD_S = 'arch/arm64/kvm/hyp/fpsimd.S';
const ARM_C = 'virt/kvm/arm/arm.c';
const KVM_HOST_H = 'arch/arm64/include/asm/kvm_host.h';

/** "KVM: arm64: Don't mask softirq with IRQs disabled in vcpu_put()": local_irq_save() in put_fp. */
const B045 = 'b045e4d0f392';

/** vcpu->arch.flags bits this era uses. */
const FP_ENABLED = 0;
const FP_HOST = 1;
const fields: EraField[] = [
  { scope: 'vcpu', name: 'KVM_ARM64_FP_ENABLED', slot: 0, initial: 0, file: KVM_HOST_H },
  { scope: 'vcpu', name: 'KVM_ARM64_FP_HOST', slot: 1, initial: 0, file: KVM_HOST_H },
];

/** The host thread that runs vcpu v. */
const hostThread = (k: K, v: number): number => k.cfg.contexts[v].partner;

/** arch/arm64/kvm/fpsimd.c: map the vcpu thread's thread_info and FP state into hyp. */
export function kvm_arch_vcpu_run_map_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_run_map_fp', KVM_FPSIMD_C);
  set_vcpu_in_run(k, v, k.s.vcpus[v - k.cfg.nTasks].inRun, true);
  leave(k);
}

/** arch/arm64/kvm/fpsimd.c: entering the run loop the host's state may be live; the guest's is not. */
export function kvm_arch_vcpu_load_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_load_fp', KVM_FPSIMD_C);
  WARN_ON(
    k,
    k.cfg.contexts[current(k)].kind === 'kthread',
    'BUG_ON(!current->mm) in kvm_arch_vcpu_load_fp()',
  );
  set_x(k, FP_ENABLED, v, 0);
  if (on(k, 'load-fp-host')) {
    stmt(k, 'set-fp-host');
    set_x(k, FP_HOST, v, 1);
  }
  leave(k);
}

/**
 * arch/arm64/kvm/fpsimd.c: after a guest exit, with IRQs still off, make the host's tracking describe
 * the guest's live registers so that softirq NEON or a context switch saves them into the vcpu.
 */
export function kvm_arch_vcpu_ctxsync_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_ctxsync_fp', KVM_FPSIMD_C);
  WARN_ON(k, !irqs_disabled(k), 'kvm_arch_vcpu_ctxsync_fp() with IRQs enabled');
  if (get_x(k, FP_ENABLED, v)) {
    if (on(k, 'ctxsync-bind')) {
      stmt(k, 'bind');
      fpsimd_bind_state_to_cpu(k, v);
    }
    if (on(k, 'ctxsync-clear-foreign')) {
      stmt(k, 'clear-foreign');
      update_thread_flag_foreign(k, false);
    }
  }
  leave(k);
}

/** arch/arm64/kvm/fpsimd.c: leaving the run loop, write the guest's live state back and unbind it. */
export function kvm_arch_vcpu_put_fp(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_put_fp', KVM_FPSIMD_C);
  const wasOff = irqs_disabled(k);
  if (fixed(k, B045)) {
    set_irqs_off(k, true); // local_irq_save()
  } else {
    stmt(k, 'local-bh-disable');
    k.bh++; // local_bh_disable(), as first merged
  }
  if (get_x(k, FP_ENABLED, v)) {
    if (on(k, 'put-save')) {
      stmt(k, 'save');
      fpsimd_save(k);
    }
    if (on(k, 'put-flush')) {
      stmt(k, 'flush');
      fpsimd_flush_cpu_state(k);
    }
  }
  if (fixed(k, B045)) {
    set_irqs_off(k, wasOff); // local_irq_restore()
  } else {
    stmt(k, 'local-bh-enable');
    k.bh--; // local_bh_enable(): v4.18's kernel/softirq.c asserts IRQs on, under lockdep only
    WARN_ON(k, irqs_disabled(k), 'lockdep_assert_irqs_enabled() in __local_bh_enable_ip() (lockdep)');
  }
  leave(k);
}

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
  set_fp_trap(k, !update_fp_enabled(k, v));
  leave(k);
}

/** arch/arm64/kvm/hyp/switch.c: first guest FP use: save the host's live state, load the guest's. */
export function __hyp_switch_fpsimd(k: K, v: number): void {
  enter(k, '__hyp_switch_fpsimd', HYP_SWITCH_C);
  set_fp_trap(k, false);
  if (get_x(k, FP_HOST, v)) {
    stmt(k, 'save-host');
    enter(k, '__fpsimd_save_state', HYP_FPSIMD_S);
    regsToMemory(k, hostThread(k, v)); // vcpu->arch.host_fpsimd_state
    leave(k);
    set_x(k, FP_HOST, v, 0);
  }
  stmt(k, 'load-guest');
  enter(k, '__fpsimd_restore_state', HYP_FPSIMD_S);
  memoryToRegs(k, v);
  leave(k);
  set_x(k, FP_ENABLED, v, 1);
  leave(k);
}

/** virt/kvm/arm/arm.c: vcpu_load's arch part. */
export function kvm_arch_vcpu_load(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_load', ARM_C);
  kvm_arch_vcpu_load_fp(k, v);
  leave(k);
}

/** virt/kvm/arm/arm.c: vcpu_put's arch part. */
export function kvm_arch_vcpu_put(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_put', ARM_C);
  kvm_arch_vcpu_put_fp(k, v);
  leave(k);
}

/** virt/kvm/arm/arm.c: KVM_RUN by a thread other than the last one (here: the first KVM_RUN). */
export function kvm_arch_vcpu_run_pid_change(k: K, v: number): void {
  enter(k, 'kvm_arch_vcpu_run_pid_change', ARM_C);
  kvm_arch_vcpu_run_map_fp(k, v);
  leave(k);
}

export const v4_18: Era = {
  id: 'v4.18',
  runLoopFile: ARM_C,
  summary: 'The patch: lazy host save in hyp, guest state bound to the CPU after exit, saved on vcpu_put.',
  fields,
  historic: [
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
  ],
  ablatable: [
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
      description:
        "kvm_arch_vcpu_put_fp() does not fpsimd_save() the guest's state (arch/arm64/kvm/fpsimd.c)",
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
  ],
  sched_out: kvm_arch_vcpu_put,
  fpsimd_thread_switch,
  sched_in: kvm_arch_vcpu_load,
  fpsimd_restore_current_state,
  kernel_neon_begin,
  kernel_neon_end,
  fpsimd_preserve_current_state,
  fpsimd_update_current_state,
  fpsimd_flush_thread,
  fpsimd_flush_task_state,
  cpu_pm_enter: fpsimd_cpu_pm_notifier,
  kvm_run_enter(k, v) {
    if (!k.s.vcpus[v - k.cfg.nTasks].mapped) kvm_arch_vcpu_run_pid_change(k, v);
    enter(k, 'vcpu_load', 'virt/kvm/kvm_main.c');
    kvm_arch_vcpu_load(k, v);
    leave(k);
  },
  guest_entry(k, v) {
    enter(k, '__kvm_vcpu_run_nvhe', HYP_SWITCH_C);
    __activate_traps(k, v);
    leave(k);
  },
  guest_fp_trap: __hyp_switch_fpsimd,
  guest_exit(k, v) {
    // hyp saves and restores no FP state on exit in this era.
    kvm_arch_vcpu_ctxsync_fp(k, v);
  },
  kvm_run_exit(k, v) {
    enter(k, 'vcpu_put', 'virt/kvm/kvm_main.c');
    kvm_arch_vcpu_put(k, v);
    leave(k);
  },
};
