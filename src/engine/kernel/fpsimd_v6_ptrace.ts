// The v6 host's SVE paths of signal delivery (arch/arm64/kernel/signal.c), ptrace (NT_ARM_SVE,
// arch/arm64/kernel/ptrace.c) and vector length changes (vec_set_vector_length() in fpsimd.c), for
// v6.13 and v6.15 (the v6.14 files) and v6.16 (the v6.18.2 files, whose statements v6.16 has).
// docs/kernel-notes.md, "SVE: v6.13 to v6.16, host", says what was read.
import { readTaskMemory, zeroTaskMemory } from '../ghost';
import {
  discardH,
  fpsimdToSve as fpsimdToSveNoEnter,
  readTaskSve,
  writeTaskSve,
  zeroSveState,
} from '../ghostSve';
import { current, enter, fixed, leave, stmt, type K } from '../kctx';
import { set_fp_type, set_task_vl, set_tif_sve, taskSve, test_tif_sve } from '../kctxSve';
import { FP_STATE_FPSIMD, FP_STATE_SVE, VL_MAX, VL_MIN } from '../state';
import { fpsimd_save_and_flush_current_state } from './fpsimd_v6_8';
import { fpsimd_to_sve, sve_to_fpsimd } from './fpsimd_v4_18';
import {
  fpsimd_preserve_current_state,
  fpsimd_save_user_state,
  released_with,
  fpsimd_flush_task_state,
} from './fpsimd_v6';
import { C128A, C49CE, C5CBB } from '../history/fpsimd_v6';

/** "arm64/signal: Don't assume that TIF_SVE means we saved SVE state". */
const C61DA = '61da7c8e2a60';
/** "arm64/ptrace: Use saved floating point state type to determine SVE layout". */
const CB017 = 'b017a0cea627';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';
const SIGNAL_C = 'arch/arm64/kernel/signal.c';
const PTRACE_C = 'arch/arm64/kernel/ptrace.c';

/** The other of the model's two vector lengths (prctl(PR_SVE_SET_VL) switches between them). */
const otherVl = (vl: number): number => (vl === VL_MAX ? VL_MIN : VL_MAX);

/**
 * arch/arm64/kernel/fpsimd.c, v6.2 to v6.15: the signal frame is copied from uw.fpsimd_state, so bring
 * it up to date from sve_state when the saved state is SVE (before 61da7c8e2a60: when TIF_SVE is set).
 */
export function fpsimd_signal_preserve_current_state(k: K): void {
  enter(k, 'fpsimd_signal_preserve_current_state', FPSIMD_C);
  fpsimd_preserve_current_state(k);
  const t = current(k);
  const sve = fixed(k, C61DA) ? taskSve(k, t).fpType === FP_STATE_SVE : test_tif_sve(k, t);
  if (sve) {
    stmt(k, 'signal-sve-to-fpsimd');
    sve_to_fpsimd(k, t);
  }
  leave(k);
}

/**
 * arch/arm64/kernel/signal.c (setup_sigframe()): the frame's FPSIMD record from uw.fpsimd_state and the
 * SVE record's payload from sve_state when the saved state is SVE (before 61da7c8e2a60: TIF_SVE).
 */
export function setup_sigframe_fp(k: K): void {
  const t = current(k);
  enter(k, 'preserve_fpsimd_context', SIGNAL_C);
  stmt(k, 'write-frame');
  readTaskMemory(k, t, 'preserve_fpsimd_context() (the signal frame)');
  leave(k);
  enter(k, 'preserve_sve_context', SIGNAL_C);
  const sve = fixed(k, C61DA) ? taskSve(k, t).fpType === FP_STATE_SVE : test_tif_sve(k, t);
  if (sve) {
    stmt(k, 'write-frame-sve');
    readTaskSve(k, t, 'preserve_sve_context() (the signal frame\u2019s SVE record)');
  }
  leave(k);
}

/**
 * arch/arm64/kernel/signal.c, v6.16 (setup_sigframe()): preserve_fpsimd_context() first brings
 * uw.fpsimd_state up to date from the saved format (fpsimd_sync_from_effective_state(current); read in
 * the v6.18.2 tree, gfunkmonk/linux-6.18.2 @ 57dc26c98e5e), since setup_rt_frame() saved the state as
 * it was live (SVE for a task with TIF_SVE) and flushed it.
 */
export function setup_sigframe_fp_v6_16(k: K): void {
  const t = current(k);
  enter(k, 'preserve_fpsimd_context', SIGNAL_C);
  fpsimd_sync_from_effective_state(k, t);
  stmt(k, 'write-frame');
  readTaskMemory(k, t, 'preserve_fpsimd_context() (the signal frame)');
  leave(k);
  enter(k, 'preserve_sve_context', SIGNAL_C);
  if (taskSve(k, t).fpType === FP_STATE_SVE) {
    stmt(k, 'write-frame-sve');
    readTaskSve(k, t, 'preserve_sve_context() (the signal frame\u2019s SVE record)');
  }
  leave(k);
}

/**
 * arch/arm64/kernel/signal.c (restore_fpsimd_context()): the model's frames carry the FPSIMD record
 * (docs/kernel-notes.md): TIF_SVE off and the saved format FPSIMD before the state is replaced.
 */
export function restore_fpsimd_context_sve(k: K): void {
  const t = current(k);
  stmt(k, 'frame-fpsimd-only');
  set_tif_sve(k, t, false); // clear_thread_flag(TIF_SVE)
  set_fp_type(k, t, FP_STATE_FPSIMD); // current->thread.fp_type = FP_STATE_FPSIMD
}

/**
 * arch/arm64/kernel/fpsimd.c, v6.2 to v6.15 (prctl(PR_SVE_SET_VL) for current): save, unbind, convert
 * to FPSIMD when TIF_SVE was set (49ce484187f7: whatever format the save wrote), switch the VL.
 */
export function vec_set_vector_length(k: K): void {
  enter(k, 'vec_set_vector_length', FPSIMD_C);
  const t = current(k);
  k.bh++; // get_cpu_fpsimd_context()
  fpsimd_save_user_state(k);
  fpsimd_flush_task_state(k, t);
  if (test_tif_sve(k, t)) {
    set_tif_sve(k, t, false); // test_and_clear_tsk_thread_flag(task, TIF_SVE)
    // A fixed base (fixedBase.ts) runs 49ce484187f7's test: convert only what the save wrote as SVE.
    if (released_with(k, C49CE) || taskSve(k, t).fpType === FP_STATE_SVE) {
      stmt(k, 'vl-sve-to-fpsimd');
      sve_to_fpsimd(k, t);
    }
    set_fp_type(k, t, FP_STATE_FPSIMD);
  }
  k.bh--; // put_cpu_fpsimd_context()
  set_task_vl(k, t, otherVl(taskSve(k, t).vl));
  stmt(k, 'realloc');
  zeroSveState(k, t, 'sve_free() and sve_alloc() in vec_set_vector_length()');
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c, v6.16 (49ce484187f7, b87c8c4aca11): save and unbind, keep the effective
 * FPSIMD state (converting only what the save recorded as SVE), switch the VL, zero-pad into the new
 * sve_state when the state is SVE.
 */
export function change_live_vector_length(k: K): void {
  enter(k, 'change_live_vector_length', FPSIMD_C);
  const t = current(k);
  fpsimd_save_and_flush_current_state(k);
  if (taskSve(k, t).fpType === FP_STATE_SVE) {
    // fpsimd_sync_from_effective_state(task)
    stmt(k, 'sync-from-effective');
    sve_to_fpsimd(k, t);
  }
  set_task_vl(k, t, otherVl(taskSve(k, t).vl));
  zeroSveState(k, t, 'the new sve_state of change_live_vector_length()'); // kzalloc(); sve_state = sve_state
  if (taskSve(k, t).fpType === FP_STATE_SVE) {
    // fpsimd_sync_to_effective_state_zeropad(task): the new sve_state gets V, zeros above it.
    stmt(k, 'sync-to-effective-zeropad');
    fpsimd_to_sve(k, t);
  }
  leave(k);
}

/**
 * arch/arm64/kernel/ptrace.c: NT_ARM_SVE read of stopped task t. The layout is FPSIMD when the saved
 * state is (b017a0cea627; before it: when TIF_SVE was clear), read from uw.fpsimd_state after
 * sve_sync_to_fpsimd(); otherwise the register data comes from sve_state.
 */
export function sve_get_common(k: K, t: number): void {
  enter(k, 'sve_get_common', PTRACE_C);
  const fpsimdOnly = fixed(k, CB017) ? taskSve(k, t).fpType === FP_STATE_FPSIMD : !test_tif_sve(k, t);
  if (fpsimdOnly) {
    stmt(k, 'getsve-layout');
    enter(k, '__fpr_get', PTRACE_C);
    if (taskSve(k, t).fpType === FP_STATE_SVE) sve_to_fpsimd(k, t); // sve_sync_to_fpsimd(target)
    readTaskMemory(k, t, '__fpr_get() (NT_ARM_SVE, FPSIMD layout)');
    leave(k);
  } else {
    stmt(k, 'getsve-sve');
    readTaskSve(k, t, 'sve_get_common() (NT_ARM_SVE, SVE layout)');
  }
  leave(k);
}

/**
 * arch/arm64/kernel/ptrace.c: NT_ARM_SVE write (SVE layout, the tracee's own VL) of stopped task t:
 * TIF_SVE on, the saved format SVE, new V and H in sve_state, t unbound. v6.16's rewrite (316283f276eb,
 * 9f8bf718f292: the release whose later fixes 128a7494a9f1 and 5cbb61bf4168 it lists) unbinds first,
 * sets TIF_SVE only on SME machines and zeroes current's (the tracer's) V registers.
 */
export function sve_set_common(k: K, t: number): void {
  enter(k, 'sve_set_common', PTRACE_C);
  const rewritten = released_with(k, C5CBB);
  if (rewritten) {
    stmt(k, 'flush-task-first');
    fpsimd_flush_task_state(k, t);
  }
  // vec_set_vector_length(target, same VL) changes nothing.
  zeroSveState(k, t, 'sve_alloc(target, true) in sve_set_common()', true); // the tracer's write replaces it
  if (!rewritten && !test_tif_sve(k, t)) fpsimd_to_sve(k, t); // fpsimd_sync_to_sve(target)
  // The model's machines have SVE without SME: system_supports_sme() is false.
  if (!released_with(k, C128A)) {
    stmt(k, 'setsve-tif-sve');
    set_tif_sve(k, t, true);
  }
  if (released_with(k, C5CBB)) {
    stmt(k, 'setsve-zero');
    zeroTaskMemory(
      k,
      current(k),
      'sve_set_common()\u2019s memset of current\u2019s (the tracer\u2019s) fpsimd_state',
    );
  }
  set_fp_type(k, t, FP_STATE_SVE);
  stmt(k, 'write');
  writeTaskSve(k, t);
  if (!rewritten) {
    stmt(k, 'flush-task');
    fpsimd_flush_task_state(k, t);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c, v6.2 to v6.15 (fpr_set()): uw.fpsimd_state from sve_state if SVE. */
export function sve_sync_to_fpsimd(k: K, t: number): void {
  enter(k, 'sve_sync_to_fpsimd', FPSIMD_C);
  if (taskSve(k, t).fpType === FP_STATE_SVE) sve_to_fpsimd(k, t);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c, v6.2 to v6.15 (fpr_set()): with TIF_SVE, sve_state = new V, zeros. */
export function sve_sync_from_fpsimd_zeropad(k: K, t: number): void {
  enter(k, 'sve_sync_from_fpsimd_zeropad', FPSIMD_C);
  if (test_tif_sve(k, t)) {
    stmt(k, 'zeropad');
    // The regset write gives the registers new values whose bits above V are zero by the ABI.
    discardH(k, t);
    zeroSveState(k, t, 'sve_sync_from_fpsimd_zeropad()');
    fpsimdToSveNoEnter(k, t);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c, v6.16 (b255be426913): uw.fpsimd_state from sve_state if SVE. */
export function fpsimd_sync_from_effective_state(k: K, t: number): void {
  enter(k, 'fpsimd_sync_from_effective_state', FPSIMD_C);
  if (taskSve(k, t).fpType === FP_STATE_SVE) sve_to_fpsimd(k, t);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c, v6.16 (b255be426913): if the saved state is SVE, sve_state = V, zeros. */
export function fpsimd_sync_to_effective_state_zeropad(k: K, t: number): void {
  enter(k, 'fpsimd_sync_to_effective_state_zeropad', FPSIMD_C);
  if (taskSve(k, t).fpType === FP_STATE_SVE) {
    stmt(k, 'zeropad');
    // The regset write gives the registers new values whose bits above V are zero by the ABI.
    discardH(k, t);
    zeroSveState(k, t, 'fpsimd_sync_to_effective_state_zeropad()');
    fpsimdToSveNoEnter(k, t);
  }
  leave(k);
}
