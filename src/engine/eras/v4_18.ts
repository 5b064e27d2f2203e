// Era v4.18: "KVM: arm64: Optimise FPSIMD handling to reduce guest/host thrashing".
// Hold beside arch/arm64/kvm/fpsimd.c, arch/arm64/kvm/hyp/switch.c and virt/kvm/arm/arm.c of v4.18;
// the host side is ../kernel/fpsimd_v4_18.ts (SVE-only host functions: ../kernel/fpsimd_sve_v4.ts).
// `on(k, name)` marks a statement an ablation can remove. The SVE statements (KVM_ARM64_HOST_SVE_*,
// TIF_SVE, CPACR_EL1.ZEN) run on SVE machines only; guests have no SVE before v5.2 (guestSve unset).
import type { Era } from '../era';
import { writeTaskSve } from '../ghostSve';
import {
  current,
  enter,
  fixed,
  get_x,
  irqs_disabled,
  leave,
  on,
  set_irqs_off,
  set_vcpu_in_run,
  set_x,
  stmt,
  WARN_ON,
  type K,
} from '../kctx';
import {
  cpuSve,
  has_vhe,
  set_tif_sve,
  set_zen,
  system_supports_sve,
  taskSve,
  test_tif_sve,
} from '../kctxSve';
import {
  fpsimd_bind_state_to_cpu,
  fpsimd_bind_task_to_cpu,
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
  test_foreign,
  update_thread_flag_foreign,
} from '../kernel/fpsimd_v4_18';
import {
  do_sve_acc,
  fpsimd_signal_preserve_current_state,
  fpsimd_sync_to_sve,
  otherVl,
  sve_set_vector_length,
  V4_SVE_HOOKS,
} from '../kernel/fpsimd_sve_v4';
import { B045, B3EB, C2955, V4_18_FIXES } from '../history/v4_18';
import { V4_18_ABLATIONS } from './v4_18_ablations';
import { deactivate_traps_vhe } from './v4_hyp_vhe';
import {
  __activate_traps,
  __hyp_switch_fpsimd,
  FP_ENABLED,
  FP_HOST,
  fields,
  HOST_SVE_ENABLED,
  HOST_SVE_IN_USE,
} from './v4_18_hyp';

const KVM_FPSIMD_C = 'arch/arm64/kvm/fpsimd.c';
const HYP_SWITCH_C = 'arch/arm64/kvm/hyp/switch.c';
const ARM_C = 'virt/kvm/arm/arm.c';

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
  if (system_supports_sve(k)) {
    // TIF_SVE is backed up here (restored by put_fp), and the EL0 SVE trap seen now.
    stmt(k, 'sve-flags');
    set_x(k, HOST_SVE_IN_USE, v, test_tif_sve(k, current(k)) ? 1 : 0);
    if (fixed(k, B3EB)) set_x(k, HOST_SVE_ENABLED, v, cpuSve(k).zen ? 1 : 0); // CPACR_EL1_ZEN_EL0EN
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
    if (system_supports_sve(k)) {
      // The registers hold the guest's FPSIMD state: a save must not take current's SVE path.
      stmt(k, 'clear-tif-sve');
      set_tif_sve(k, current(k), false); // clear_thread_flag(TIF_SVE)
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
  if (system_supports_sve(k) && !fixed(k, C2955)) {
    // As first merged: TIF_SVE back before the save, which then takes current's SVE path.
    stmt(k, 'restore-tif-sve-early');
    set_tif_sve(k, current(k), get_x(k, HOST_SVE_IN_USE, v) !== 0);
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
  } else if (!fixed(k, B3EB)) {
    // As first merged: rebind current if its registers are live, restoring its EL0 SVE trap only.
    if (!test_foreign(k, current(k))) {
      stmt(k, 'rebind');
      fpsimd_bind_task_to_cpu(k);
    }
  } else if (system_supports_sve(k)) {
    // VHE reset CPACR_EL1 at guest exit: restore the EL0 SVE trap seen by kvm_arch_vcpu_load_fp().
    stmt(k, 'restore-el0-sve');
    set_zen(k, get_x(k, HOST_SVE_ENABLED, v) !== 0); // sysreg_clear_set(CPACR_EL1, ...)
  }
  if (system_supports_sve(k) && fixed(k, C2955)) {
    stmt(k, 'restore-tif-sve');
    set_tif_sve(k, current(k), get_x(k, HOST_SVE_IN_USE, v) !== 0); // update_thread_flag(TIF_SVE, ...)
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
  historic: V4_18_FIXES,
  ablatable: V4_18_ABLATIONS,
  sched_out: kvm_arch_vcpu_put,
  fpsimd_thread_switch,
  sched_in: kvm_arch_vcpu_load,
  fpsimd_restore_current_state,
  kernel_neon_begin,
  kernel_neon_end,
  fpsimd_preserve_current_state(k) {
    // setup_rt_frame() calls fpsimd_signal_preserve_current_state(): its SVE tail on SVE machines.
    if (system_supports_sve(k)) fpsimd_signal_preserve_current_state(k, fpsimd_preserve_current_state);
    else fpsimd_preserve_current_state(k);
  },
  fpsimd_update_current_state,
  fpsimd_flush_thread,
  fpsimd_flush_task_state,
  cpu_pm_enter: fpsimd_cpu_pm_notifier,
  ...V4_SVE_HOOKS,
  do_sve_acc,
  sve_set_current_vl(k) {
    // sve_set_current_vl(): sve_set_vector_length(current, vl, 0) with the other vector length.
    sve_set_vector_length(k, current(k), otherVl(taskSve(k, current(k)).vl));
  },
  sve_set_common(k, t) {
    // sve_set(), full SVE case at the tracee's own vector length (sve_set_vector_length() keeps it).
    fpsimd_sync_to_sve(k, t);
    set_tif_sve(k, t, true); // set_tsk_thread_flag(target, TIF_SVE)
    stmt(k, 'write');
    writeTaskSve(k, t); // user_regset_copyin(..., target->thread.sve_state, ...)
    fpsimd_flush_task_state(k, t);
  },
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
    if (system_supports_sve(k) && has_vhe(k)) deactivate_traps_vhe(k);
    kvm_arch_vcpu_ctxsync_fp(k, v);
  },
  kvm_run_exit(k, v) {
    enter(k, 'vcpu_put', 'virt/kvm/kvm_main.c');
    kvm_arch_vcpu_put(k, v);
    leave(k);
  },
};
