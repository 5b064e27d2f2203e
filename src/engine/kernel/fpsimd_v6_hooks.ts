// The host side's hooks that v6.13 and v6.15 share (v6.16 spreads them and replaces its own): the
// FPSIMD paths since v6.8 (./fpsimd_v6_8.ts, ./fpsimd_v6.ts) and their SVE entry, ptrace and signal
// paths (./fpsimd_v6_sve.ts, ./fpsimd_v6_ptrace.ts). An era module spreads them beside its KVM side.
import type { Era } from '../era';
import { system_supports_sve } from '../kctxSve';
import {
  fpsimd_flush_task_state,
  fpsimd_preserve_current_state,
  fpsimd_restore_current_state,
} from './fpsimd_v6';
import {
  fpsimd_cpu_pm_notifier,
  fpsimd_flush_thread,
  fpsimd_thread_switch,
  fpsimd_update_current_state,
  kernel_neon_begin,
  kernel_neon_end,
} from './fpsimd_v6_8';
import {
  fpsimd_signal_preserve_current_state,
  restore_fpsimd_context_sve,
  setup_sigframe_fp,
  sve_get_common,
  sve_set_common,
  sve_sync_from_fpsimd_zeropad,
  sve_sync_to_fpsimd,
  vec_set_vector_length,
} from './fpsimd_v6_ptrace';
import { do_sve_acc, fp_user_discard } from './fpsimd_v6_sve';

/** The Era hooks of the host side, v6.13 to v6.15. */
export const V6_HOST_HOOKS = {
  fpsimd_thread_switch,
  fpsimd_restore_current_state,
  kernel_neon_begin,
  kernel_neon_end,
  fpsimd_preserve_current_state(k) {
    // setup_rt_frame(): fpsimd_signal_preserve_current_state(); without SVE its conversion is dead code.
    if (system_supports_sve(k)) fpsimd_signal_preserve_current_state(k);
    else fpsimd_preserve_current_state(k);
  },
  setup_sigframe_fp,
  fpsimd_update_current_state(k) {
    if (system_supports_sve(k)) restore_fpsimd_context_sve(k);
    fpsimd_update_current_state(k);
  },
  fpsimd_flush_thread,
  fpsimd_flush_task_state,
  cpu_pm_enter: fpsimd_cpu_pm_notifier,
  syscall_entry: fp_user_discard,
  do_sve_acc,
  sve_set_current_vl: vec_set_vector_length,
  sve_set_common,
  sve_get_common,
  sve_sync_to_fpsimd,
  sve_sync_from_fpsimd_zeropad,
} satisfies Partial<Era>;
