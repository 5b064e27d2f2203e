// Which Era hooks each event op runs: the one table the event drivers (events.ts, lifecycle.ts) call
// the era through, and that the code pane reads to tell inline copies of a kernel call apart. A
// driver can only reach a hook listed here for its op (eraHook's types), so the two cannot drift.
import type { Era } from './era';
import type { K } from './kctx';
import type { Op } from './types';

/** The Era members that are kernel functions (everything but the era's descriptive data). */
export type EraHook = {
  [H in keyof Era]-?: NonNullable<Era[H]> extends (k: K, ...rest: never[]) => unknown ? H : never;
}[keyof Era];

export const OP_HOOKS = {
  schedule: ['sched_out', 'fpsimd_thread_switch', 'sched_in'],
  ret_to_user: ['syscall_exit', 'fpsimd_restore_current_state'],
  syscall: ['syscall_entry'],
  user_fp: [],
  kernel_neon: ['kernel_neon_begin', 'kernel_neon_end'],
  softirq_neon: ['kernel_neon_begin', 'kernel_neon_end', 'fpsimd_restore_current_state'],
  vcpu_load: ['syscall_entry', 'kvm_run_enter'],
  guest_enter: ['guest_entry'],
  guest_fp: ['guest_fp_trap'],
  guest_exit: ['guest_exit'],
  vcpu_put: ['kvm_run_exit'],
  kernel_neon_begin: ['kernel_neon_begin'],
  kernel_fp: [],
  kernel_neon_end: ['kernel_neon_end'],
  signal: ['fpsimd_preserve_current_state', 'setup_sigframe_fp'],
  sigreturn: ['restore_sigframe', 'fpsimd_update_current_state'],
  exec: ['fpsimd_flush_thread'],
  ptrace_setfp: ['sve_sync_to_fpsimd', 'sve_sync_from_fpsimd_zeropad', 'fpsimd_flush_task_state'],
  idle: ['fpsimd_thread_switch'],
  cpu_suspend: ['cpu_pm_enter'],
  user_sve: [],
  do_sve_acc: ['do_sve_acc'],
  prctl_set_vl: ['sve_set_current_vl'],
  ptrace_setsve: ['sve_set_common'],
  ptrace_getsve: ['sve_get_common'],
  guest_zcr: ['guest_fp_trap'],
} as const satisfies Record<Op, readonly EraHook[]>;

/** The hooks op may call, as the driver sees them. */
export type HookOf<O extends Op> = (typeof OP_HOOKS)[O][number];

/** The era's hook h for op: the driver's only way to the era, so every call it makes is in OP_HOOKS. */
export function eraHook<O extends Op, H extends HookOf<O>>(k: K, _op: O, h: H): Era[H] {
  return hookOf(k.era, h);
}

/**
 * era[h], one named read per hook. `era[h]` itself is one property read shared by every hook name, so
 * V8 finds it megamorphic and looks each call up in its stub cache; inlined at a driver's call site
 * with h constant, this switch folds to that site's own read.
 */
function hookOf<H extends EraHook>(era: Era, h: H): Era[H] {
  type R = Era[H];
  switch (h as EraHook) {
    case 'sched_out':
      return era.sched_out as R;
    case 'fpsimd_thread_switch':
      return era.fpsimd_thread_switch as R;
    case 'sched_in':
      return era.sched_in as R;
    case 'fpsimd_restore_current_state':
      return era.fpsimd_restore_current_state as R;
    case 'kernel_neon_begin':
      return era.kernel_neon_begin as R;
    case 'kernel_neon_end':
      return era.kernel_neon_end as R;
    case 'fpsimd_preserve_current_state':
      return era.fpsimd_preserve_current_state as R;
    case 'restore_sigframe':
      return era.restore_sigframe as R;
    case 'fpsimd_update_current_state':
      return era.fpsimd_update_current_state as R;
    case 'fpsimd_flush_thread':
      return era.fpsimd_flush_thread as R;
    case 'fpsimd_flush_task_state':
      return era.fpsimd_flush_task_state as R;
    case 'cpu_pm_enter':
      return era.cpu_pm_enter as R;
    case 'kvm_run_enter':
      return era.kvm_run_enter as R;
    case 'guest_entry':
      return era.guest_entry as R;
    case 'guest_fp_trap':
      return era.guest_fp_trap as R;
    case 'guest_exit':
      return era.guest_exit as R;
    case 'kvm_run_exit':
      return era.kvm_run_exit as R;
    default:
      // The SVE hooks (SVE machines only): the keyed read.
      return era[h];
  }
}
