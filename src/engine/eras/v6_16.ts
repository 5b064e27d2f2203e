// Era v6.16: v6.15 (./v6_15.ts) with the two changes of arch/arm64/kernel/fpsimd.c and
// arch/arm64/kernel/signal.c that the model sees. Diff against v6_15.ts and ../kernel/fpsimd_v6_8.ts:
// - fpsimd_thread_switch(): for an incoming task with TIF_KERNEL_FPSTATE, fpsimd_flush_cpu_state()
//   before fpsimd_load_kernel_state() (01098d893fa8), so that the load is never elided;
// - signal delivery (setup_rt_frame()) and restore_sigframe() begin with
//   fpsimd_save_and_flush_current_state() (929fa99b1215 and its series), and
//   fpsimd_update_current_state() only stores (c94f2f326146): the next return to user loads.
// The KVM side (arch/arm64/kvm/fpsimd.c) is v6.15's, statement for statement; its functions are
// imported from ./v6_15.ts. See docs/kernel-notes.md, "v6.16". With SVE: the syscall's lazy discard
// by to_save (398edaa12f9c), VL changes by change_live_vector_length() (49ce484187f7) and v6.16's
// NT_ARM_SVE write (docs/kernel-notes.md, "SVE: v6.13 to v6.16, host").
import type { Era } from '../era';
import { writeTaskMemory } from '../ghost';
import { current, enter, leave, set_foreign, stmt, type K } from '../kctx';
import { system_supports_sve, taskSve } from '../kctxSve';
import { fpsimd_flush_cpu_state, fpsimd_to_sve } from '../kernel/fpsimd_v4_18';
import {
  fpsimd_load_kernel_state,
  fpsimd_save_and_flush_current_state,
  fpsimd_save_kernel_state,
} from '../kernel/fpsimd_v6_8';
import { fpsimd_save_user_state } from '../kernel/fpsimd_v6';
import { fpsimd_syscall_enter, fpsimd_syscall_exit } from '../kernel/fpsimd_v6_sve';
import { SETSVE_128A, SETSVE_5CBB } from '../history/fpsimd_v6';
import { V6_HOST_HOOKS } from '../kernel/fpsimd_v6_hooks';
import {
  change_live_vector_length,
  fpsimd_sync_from_effective_state,
  fpsimd_sync_to_effective_state_zeropad,
  restore_fpsimd_context_sve,
  setup_sigframe_fp_v6_16,
} from '../kernel/fpsimd_v6_ptrace';
import { FP_STATE_SVE } from '../state';
import { v6_15 } from './v6_15';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';

/** test_tsk_thread_flag(t, TIF_KERNEL_FPSTATE); the idle task never has it. */
const kernelFpstate = (k: K, t: number): boolean => t >= 0 && k.s.tasks[t].kernelFpstate;

/**
 * arch/arm64/kernel/fpsimd.c: save prev's user or kernel-mode state; for next, unbind the CPU and then
 * load its kernel-mode state (01098d893fa8: the load can no longer be elided), or judge its user state.
 */
export function fpsimd_thread_switch(k: K, next: number): void {
  enter(k, 'fpsimd_thread_switch', FPSIMD_C);
  const prev = current(k);
  if (kernelFpstate(k, prev)) {
    stmt(k, 'save-kernel');
    fpsimd_save_kernel_state(k, prev);
  } else fpsimd_save_user_state(k);
  if (kernelFpstate(k, next)) {
    stmt(k, 'flush-load-kernel');
    fpsimd_flush_cpu_state(k);
    fpsimd_load_kernel_state(k, next);
  } else if (next >= 0) {
    const wrong_task = k.s.cpus[k.cpu].lastState !== next;
    const wrong_cpu = k.s.tasks[next].cpuField !== k.cpu;
    stmt(k, wrong_task || wrong_cpu ? 'set-foreign' : 'clear-foreign');
    set_foreign(k, next, wrong_task || wrong_cpu);
  }
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c (rt_sigreturn, after restore_sigframe() saved and flushed): the frame's
 * state becomes current's in memory; nothing is loaded or bound (c94f2f326146).
 */
export function fpsimd_update_current_state(k: K): void {
  enter(k, 'fpsimd_update_current_state', FPSIMD_C);
  const t = current(k);
  stmt(k, 'store');
  writeTaskMemory(k, t); // current->thread.uw.fpsimd_state = *state
  if (system_supports_sve(k) && taskSve(k, t).fpType === FP_STATE_SVE) {
    stmt(k, 'store-sve');
    fpsimd_to_sve(k, t);
  }
  leave(k);
}

export const v6_16: Era = {
  id: 'v6.16',
  runLoopFile: v6_15.runLoopFile,
  summary:
    "v6.16 (today's mainline): v6.15's KVM side; the switch-in of a kernel-mode NEON section flushes the CPU before loading it, and signal delivery and sigreturn save and flush the user state, reloaded on the next return to user.",
  fields: v6_15.fields,
  releaseBugs: [SETSVE_128A, SETSVE_5CBB],
  guestSve: true,
  ablatable: [],
  ...V6_HOST_HOOKS,
  fpsimd_thread_switch,
  fpsimd_preserve_current_state: fpsimd_save_and_flush_current_state,
  setup_sigframe_fp: setup_sigframe_fp_v6_16,
  restore_sigframe: fpsimd_save_and_flush_current_state,
  fpsimd_update_current_state(k) {
    if (system_supports_sve(k)) restore_fpsimd_context_sve(k);
    fpsimd_update_current_state(k);
  },
  syscall_entry: fpsimd_syscall_enter,
  syscall_exit: fpsimd_syscall_exit,
  sve_set_current_vl: change_live_vector_length,
  sve_sync_to_fpsimd: fpsimd_sync_from_effective_state,
  sve_sync_from_fpsimd_zeropad: fpsimd_sync_to_effective_state_zeropad,
  // The KVM side is v6.15's.
  sched_out: v6_15.sched_out,
  sched_in: v6_15.sched_in,
  kvm_run_enter: v6_15.kvm_run_enter,
  guest_entry: v6_15.guest_entry,
  guest_fp_trap: v6_15.guest_fp_trap,
  guest_exit: v6_15.guest_exit,
  kvm_run_exit: v6_15.kvm_run_exit,
};
