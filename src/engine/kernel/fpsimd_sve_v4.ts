// The SVE-only host functions of v4.18 (arch/arm64/kernel/fpsimd.c, entry.S, signal.c, ptrace.c): the
// SVE access trap, prctl(PR_SVE_SET_VL), the syscall discard, the signal frame's SVE record and the
// NT_ARM_SVE regset. They run on SVE machines only (the drivers call them there); the shared SVE
// branches of the FPSIMD functions are in ./fpsimd_v4_18.ts. v4.17's differ only in the save they call.
import type { Era } from '../era';
import { readTaskMemory } from '../ghost';
import { discardH, fpsimdToSve, readTaskSve, writeTaskSve } from '../ghostSve';
import { current, enter, leave, set_foreign, stmt, WARN_ON, type K } from '../kctx';
import { set_task_vl, set_tif_sve, set_zen, system_supports_sve, taskSve, test_tif_sve } from '../kctxSve';
import { VL_MAX, VL_MIN } from '../state';
import { fpsimd_flush_task_state, fpsimd_save, fpsimd_to_sve, sve_to_fpsimd } from './fpsimd_v4_18';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';
const ENTRY_S = 'arch/arm64/kernel/entry.S';
const SIGNAL_C = 'arch/arm64/kernel/signal.c';
const PTRACE_C = 'arch/arm64/kernel/ptrace.c';

/** The save a host function calls: fpsimd_save() in v4.18, task_fpsimd_save() in v4.17. */
export type SaveFn = (k: K) => void;

/**
 * arch/arm64/kernel/fpsimd.c: the trapped SVE access. current's FPSIMD state becomes its SVE state and
 * TIF_SVE is set, so that the return to user reloads it with EL0 SVE untrapped. sve_alloc()'s zeroing
 * of sve_state is not modelled (fpsimd_to_sve() writes V over it; H is dead when the trap is legitimate).
 */
export function do_sve_acc(k: K, save: SaveFn = fpsimd_save): void {
  enter(k, 'do_sve_acc', FPSIMD_C);
  const t = current(k);
  k.bh++; // preempt_disable(); local_bh_disable()
  save(k);
  fpsimd_to_sve(k, t);
  // Force ret_to_user to reload the registers:
  fpsimd_flush_task_state(k, t);
  set_foreign(k, t, true);
  if (test_tif_sve(k, t)) {
    stmt(k, 'warn');
    WARN_ON(k, true, "SVE access shouldn't have trapped: do_sve_acc() with TIF_SVE already set");
  }
  set_tif_sve(k, t, true); // test_and_set_thread_flag(TIF_SVE)
  k.bh--;
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c: switch task t to vector length vl. The live registers are written back
 * first (t == current), t is made an FPSIMD task again and its SVE buffer freed (sve_free()).
 */
export function sve_set_vector_length(k: K, t: number, vl: number, save: SaveFn = fpsimd_save): void {
  enter(k, 'sve_set_vector_length', FPSIMD_C);
  if (vl !== taskSve(k, t).vl) {
    const cur = t === current(k);
    if (cur) {
      stmt(k, 'save');
      k.bh++; // preempt_disable(); local_bh_disable()
      save(k);
      set_foreign(k, t, true);
    }
    fpsimd_flush_task_state(k, t);
    if (test_tif_sve(k, t)) {
      stmt(k, 'to-fpsimd');
      set_tif_sve(k, t, false); // test_and_clear_tsk_thread_flag(task, TIF_SVE)
      sve_to_fpsimd(k, t);
    }
    if (cur) k.bh--;
    set_task_vl(k, t, vl); // sve_free(task); task->thread.sve_vl = vl
  }
  leave(k);
}

/** The vector length prctl_set_vl asks for: the other of the model's two. */
export const otherVl = (vl: number): number => (vl === VL_MAX ? VL_MIN : VL_MAX);

/**
 * arch/arm64/kernel/entry.S (el0_svc): a syscall discards current's SVE state: TIF_SVE is cleared and
 * EL0 SVE trapped, the registers are left. Inline asm in v4.17 and v4.18 (v4.19 moved the same
 * statements into C as sve_user_discard(), whose name the model uses).
 */
export function sve_user_discard(k: K): void {
  enter(k, 'sve_user_discard', ENTRY_S);
  const t = current(k);
  if (test_tif_sve(k, t)) {
    stmt(k, 'discard');
    set_tif_sve(k, t, false); // bic x16, x16, #_TIF_SVE
    set_zen(k, false); // bic x9, x9, #CPACR_EL1_ZEN_EL0EN
  }
  leave(k);
}

/**
 * arch/arm64/kernel/signal.c (setup_sigframe): the frame's FPSIMD record is copied from fpsimd_state,
 * its SVE record's registers, present only with TIF_SVE, from sve_state. The conversion before it is
 * the tail of fpsimd_signal_preserve_current_state() (the era's signal hook).
 */
export function setup_sigframe(k: K): void {
  enter(k, 'setup_sigframe', SIGNAL_C);
  const t = current(k);
  stmt(k, 'write-frame');
  readTaskMemory(k, t, 'preserve_fpsimd_context() (the signal frame)');
  if (test_tif_sve(k, t)) {
    stmt(k, 'write-sve-record');
    readTaskSve(k, t, "preserve_sve_context() (the signal frame's SVE record)");
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: fpsimd_preserve_current_state(), then V into fpsimd_state for the frame. */
export function fpsimd_signal_preserve_current_state(k: K, preserve: SaveFn): void {
  enter(k, 'fpsimd_signal_preserve_current_state', FPSIMD_C);
  preserve(k);
  if (test_tif_sve(k, current(k))) {
    stmt(k, 'to-fpsimd');
    sve_to_fpsimd(k, current(k));
  }
  leave(k);
}

/**
 * arch/arm64/kernel/signal.c: rt_sigreturn's SVE record. The model does not keep what each frame
 * holds: it takes the record to carry registers when TIF_SVE is set at the sigreturn (after a syscall,
 * which rt_sigreturn is, it never is). With registers: current is unbound and its sve_state rewritten
 * from the frame (new V and H); without: TIF_SVE is cleared. fpsimd_update_current_state() follows.
 */
export function restore_sve_fpsimd_context(k: K): void {
  enter(k, 'restore_sve_fpsimd_context', SIGNAL_C);
  const t = current(k);
  if (test_tif_sve(k, t)) {
    stmt(k, 'sve-record');
    fpsimd_flush_task_state(k, t);
    set_foreign(k, t, true);
    writeTaskSve(k, t); // __copy_from_user(current->thread.sve_state, ...)
    set_tif_sve(k, t, true);
  } else {
    stmt(k, 'fpsimd-only');
    set_tif_sve(k, t, false);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: sve_state up to date from fpsimd_state unless TIF_SVE (ptrace only). */
export function fpsimd_sync_to_sve(k: K, t: number): void {
  enter(k, 'fpsimd_sync_to_sve', FPSIMD_C);
  if (!test_tif_sve(k, t)) fpsimd_to_sve(k, t);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: fpsimd_state up to date from sve_state if TIF_SVE (ptrace only). */
export function sve_sync_to_fpsimd(k: K, t: number): void {
  enter(k, 'sve_sync_to_fpsimd', FPSIMD_C);
  if (test_tif_sve(k, t)) sve_to_fpsimd(k, t);
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c: with TIF_SVE, sve_state is zeroed and the new V copied in (ptrace's
 * FPSIMD write). The zeroing of H in memory is not modelled apart: H is then whatever sve_state held.
 */
export function sve_sync_from_fpsimd_zeropad(k: K, t: number): void {
  enter(k, 'sve_sync_from_fpsimd_zeropad', FPSIMD_C);
  if (test_tif_sve(k, t)) {
    stmt(k, 'zeropad');
    // The regset write gives the registers new values whose bits above V are zero by the ABI.
    discardH(k, t);
    fpsimdToSve(k, t);
  }
  leave(k);
}

/** arch/arm64/kernel/ptrace.c: the tracee's FPSIMD registers, read from fpsimd_state brought up to date. */
export function __fpr_get(k: K, t: number): void {
  enter(k, '__fpr_get', PTRACE_C);
  sve_sync_to_fpsimd(k, t);
  readTaskMemory(k, t, '__fpr_get()');
  leave(k);
}

/** The SVE hooks v4.17 and v4.18 share (their saves and flushes differ: each era writes those). */
export const V4_SVE_HOOKS = {
  restore_sigframe(k) {
    // Every frame has an SVE record on an SVE machine: restore_sve_fpsimd_context() reads it first.
    if (system_supports_sve(k)) restore_sve_fpsimd_context(k);
  },
  syscall_entry: sve_user_discard,
  sve_get_common(k, t) {
    // sve_get(): SVE format from sve_state with TIF_SVE, else the FPSIMD registers (__fpr_get()).
    if (test_tif_sve(k, t)) {
      stmt(k, 'read-sve');
      readTaskSve(k, t, 'sve_get()');
    } else __fpr_get(k, t);
  },
  setup_sigframe_fp: setup_sigframe,
  // fpr_set(): __fpr_set() from fpsimd_state brought up to date, then sve_state from it (TIF_SVE).
  sve_sync_to_fpsimd,
  sve_sync_from_fpsimd_zeropad,
} satisfies Partial<Era>;
