// The SVE entry points of the host side of v6.13, v6.15 and v6.16 (arch/arm64/kernel/entry-common.c and
// arch/arm64/kernel/fpsimd.c since v6.2): the syscall discard of the state above V and the SVE access
// trap. They act on the save, load and bind of ./fpsimd_v6.ts.
import { sveFlushLive, zeroSveState } from '../ghostSve';
import { analogue, current, enter, fixed, leave, stmt, WARN_ON, type K } from '../kctx';
import { set_cpu_vl, set_fp_type, set_tif_sve, taskSve, test_tif_sve } from '../kctxSve';
import { FP_STATE_FPSIMD, FP_STATE_SVE } from '../state';
import { C751E } from '../history/fpsimd_v6';
import { fpsimd_to_sve, test_foreign } from './fpsimd_v4_18';
import {
  FP_STATE_CURRENT,
  fpsimd_bind_task_to_cpu,
  fpsimd_flush_task_state,
  set_last_to_save,
} from './fpsimd_v6';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';
const ENTRY_COMMON_C = 'arch/arm64/kernel/entry-common.c';

/**
 * arch/arm64/kernel/entry-common.c (el0_svc, IRQs masked), v6.2 to v6.15: the syscall ABI discards the
 * SVE state above V: zero it in the registers, leaving SVE enabled for user space.
 */
export function fp_user_discard(k: K): void {
  enter(k, 'fp_user_discard', ENTRY_COMMON_C);
  if (test_tif_sve(k, current(k))) {
    stmt(k, 'sve-flush-live');
    sve_flush_live(k);
  }
  leave(k);
}

/** arch/arm64/kernel/entry-fpsimd.S: zero the live Z bits above 128, P and FFR at the task's VL. */
function sve_flush_live(k: K): void {
  enter(k, 'sve_flush_live', 'arch/arm64/kernel/entry-fpsimd.S');
  sveFlushLive(k);
  leave(k);
}

/**
 * arch/arm64/kernel/entry-common.c, v6.16 (398edaa12f9c): as fp_user_discard(), then let the save
 * store only the FPSIMD part until the state is reloaded or the syscall returns.
 */
export function fpsimd_syscall_enter(k: K): void {
  enter(k, 'fpsimd_syscall_enter', ENTRY_COMMON_C);
  if (test_tif_sve(k, current(k))) {
    stmt(k, 'sve-flush-live');
    sve_flush_live(k);
  }
  stmt(k, 'to-save-fpsimd');
  set_last_to_save(k, FP_STATE_FPSIMD); // __this_cpu_write(fpsimd_last_state.to_save, FP_STATE_FPSIMD)
  leave(k);
}

/** arch/arm64/kernel/entry-common.c, v6.16 (398edaa12f9c): stop the lazy discard before user space. */
export function fpsimd_syscall_exit(k: K): void {
  enter(k, 'fpsimd_syscall_exit', ENTRY_COMMON_C);
  stmt(k, 'to-save-current');
  set_last_to_save(k, FP_STATE_CURRENT);
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c (static sve_init_regs): convert current's state to SVE, in the registers
 * if live (cccb78ce89c4), else in memory, then (751ecf6afd65) unbind it from the CPU that held it.
 */
export function sve_init_regs(k: K): void {
  enter(k, 'sve_init_regs', FPSIMD_C);
  const t = current(k);
  if (!test_foreign(k, t)) {
    stmt(k, 'convert-live');
    set_cpu_vl(k, taskSve(k, t).vl); // sve_set_vq(vq_minus_one)
    sve_flush_live(k);
    fpsimd_bind_task_to_cpu(k);
  } else {
    stmt(k, 'convert-memory');
    fpsimd_to_sve(k, t);
    set_fp_type(k, t, FP_STATE_SVE);
    // v6.15/pre-751ecf6afd65 replays the FPSIMD analogue (fpr_set()): this code stays fixed there.
    if (fixed(k, C751E) || analogue(k, C751E)) {
      stmt(k, 'flush-task-trap');
      fpsimd_flush_task_state(k, t);
    }
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: the trapped SVE access: TIF_SVE on, state converted, trap off. */
export function do_sve_acc(k: K): void {
  enter(k, 'do_sve_acc', FPSIMD_C);
  const t = current(k);
  zeroSveState(k, t, 'sve_alloc(current, true) in do_sve_acc()');
  k.bh++; // get_cpu_fpsimd_context()
  const was = test_tif_sve(k, t); // test_and_set_thread_flag(TIF_SVE)
  set_tif_sve(k, t, true);
  if (WARN_ON(k, was, "do_sve_acc(): TIF_SVE already set (SVE access shouldn't have trapped)")) {
    stmt(k, 'warn-trapped');
  }
  sve_init_regs(k);
  k.bh--; // put_cpu_fpsimd_context()
  leave(k);
}
