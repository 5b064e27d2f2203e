// The host side of v6.13, v6.15 and v6.16 where SVE changes it: arch/arm64/kernel/fpsimd.c since v6.2
// (fp_type, struct cpu_fp_state with to_save), and efbc20249fee's fpsimd_flush_task_state(). Each
// function keeps the statements of ./fpsimd_v4_18.ts (the v4.18 shape) on FPSIMD-only machines, so their
// traces and results are unchanged, and adds the SVE branches as the kernel guards them. Held beside
// v6.14's and v6.18.2's files (docs/kernel-notes.md, "SVE: v6.13 to v6.16, host"); v6.16's differences
// are tested with released_with() on the fixes of v6.16. The syscall discard (8c845e273104) and the SVE
// access trap are ./fpsimd_v6_sve.ts.
import type { Era } from '../era';
import { regsToSveMemory, sveMemoryToRegs } from '../ghostSve';
import {
  current,
  enter,
  get_x,
  in_softirq,
  irqs_disabled,
  leave,
  set_foreign,
  set_fpsimd_cpu,
  set_last_state,
  set_x,
  stmt,
  WARN_ON,
  type K,
} from '../kctx';
import {
  cpuSve,
  set_cpu_vl,
  set_fp_type,
  set_tif_sve,
  set_zen,
  system_supports_sve,
  taskSve,
  test_tif_sve,
} from '../kctxSve';
import { FP_STATE_FPSIMD, FP_STATE_SVE, VL_MAX, VL_NAMES } from '../state';
// fpsimd_to_sve() and sve_to_fpsimd() are v4.18's, unchanged: one definition, in ./fpsimd_v4_18.
import { fpsimd_load_state, fpsimd_save_state, test_foreign } from './fpsimd_v4_18';
import { C398E } from '../history/fpsimd_v6';

const FPSIMD_C = 'arch/arm64/kernel/fpsimd.c';
const FPSIMD_H = 'arch/arm64/include/asm/fpsimd.h';

/** enum fp_type's third value: to_save = FP_STATE_CURRENT, "decide by TIF_SVE" (fpsimd.h). */
export const FP_STATE_CURRENT = 2;
const TO_SAVE_NAMES = ['FP_STATE_FPSIMD', 'FP_STATE_SVE', 'FP_STATE_CURRENT'];

/**
 * struct cpu_fp_state's fields beside .st (fpsimd_last_state.st is CpuState.lastState): what the save
 * stores (to_save) and the vector length it expects (sve_vl). SVE machines only; the v6 eras list them.
 */
export const CPU_FP_STATE_FIELDS = [
  {
    scope: 'cpu',
    name: 'to_save',
    slot: 0,
    values: TO_SAVE_NAMES,
    initial: FP_STATE_CURRENT,
    file: FPSIMD_H,
    sve: true,
  },
  { scope: 'cpu', name: 'sve_vl', slot: 1, values: VL_NAMES, initial: VL_MAX, file: FPSIMD_H, sve: true },
] as const;

const fieldIndex = new WeakMap<Era, readonly [number, number]>();

/** Indices of to_save and sve_vl in this era's fields (found once per era). */
function fpStateFields(k: K): readonly [number, number] {
  let f = fieldIndex.get(k.era);
  if (!f) {
    const i = (name: string): number => k.era.fields.findIndex((d) => d.sve && d.name === name);
    f = [i('to_save'), i('sve_vl')];
    if (f[0] < 0 || f[1] < 0)
      throw new Error(`${k.era.id} lists no cpu_fp_state fields (CPU_FP_STATE_FIELDS)`);
    fieldIndex.set(k.era, f);
  }
  return f;
}

/** this_cpu_ptr(&fpsimd_last_state)->to_save. */
export const last_to_save = (k: K): number => get_x(k, fpStateFields(k)[0], -1);
/** __this_cpu_write(fpsimd_last_state.to_save, v). */
export const set_last_to_save = (k: K, v: number): void => set_x(k, fpStateFields(k)[0], -1, v);
/** this_cpu_ptr(&fpsimd_last_state)->sve_vl. */
const last_sve_vl = (k: K): number => get_x(k, fpStateFields(k)[1], -1);

/** Whether this release still has the bug that `commit` fixed later (Era.releaseBugs). */
export const released_with = (k: K, commit: string): boolean =>
  k.era.releaseBugs?.some((b) => b.commit === commit) ?? false;

/**
 * arch/arm64/kernel/fpsimd.c: save the registers to whatever fpsimd_last_state names (current's, a
 * vcpu's), in the format to_save and TIF_SVE ask for, recording it in fp_type.
 */
export function fpsimd_save_user_state(k: K): void {
  enter(k, 'fpsimd_save_user_state', FPSIMD_C);
  const st = k.s.cpus[k.cpu].lastState;
  const t = current(k);
  WARN_ON(k, !in_softirq(k) && !irqs_disabled(k), 'fpsimd_save() called with IRQs enabled outside softirq');
  if (!test_foreign(k, t)) {
    stmt(k, 'save');
    // The kernel would dereference NULL here: model it as the oops it is.
    if (WARN_ON(k, st < 0, 'fpsimd_save() with TIF_FOREIGN_FPSTATE clear but fpsimd_last_state NULL')) {
      /* no save */
    } else if (!system_supports_sve(k)) fpsimd_save_state(k, st);
    else {
      const toSave = last_to_save(k);
      // v6.13/v6.15 store only the FPSIMD part inside a syscall; v6.16 relies on to_save (398edaa12f9c).
      const discard = released_with(k, C398E) && taskSve(k, t).inSyscall;
      if ((toSave === FP_STATE_CURRENT && test_tif_sve(k, t) && !discard) || toSave === FP_STATE_SVE) {
        stmt(k, 'save-sve');
        const vlOk = !WARN_ON(
          k,
          cpuSve(k).vl !== last_sve_vl(k),
          'WARN_ON(sve_get_vl() != vl) in fpsimd_save_user_state(): the task is killed',
        );
        if (vlOk) {
          enter(k, 'sve_save_state', 'arch/arm64/kernel/entry-fpsimd.S');
          regsToSveMemory(k, st);
          leave(k);
          if (st < k.cfg.nTasks) set_fp_type(k, st, FP_STATE_SVE); // *last->fp_type = FP_STATE_SVE
        }
      } else if (discard && test_tif_sve(k, t)) {
        stmt(k, 'save-in-syscall');
        fpsimd_save_state(k, st);
        if (st < k.cfg.nTasks) set_fp_type(k, st, FP_STATE_FPSIMD); // *last->fp_type = FP_STATE_FPSIMD
      } else {
        stmt(k, 'save-fpsimd');
        fpsimd_save_state(k, st);
        if (st < k.cfg.nTasks) set_fp_type(k, st, FP_STATE_FPSIMD); // *last->fp_type = FP_STATE_FPSIMD
      }
    }
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c (static task_fpsimd_load): load current's state in its saved format. */
export function task_fpsimd_load(k: K): void {
  enter(k, 'task_fpsimd_load', FPSIMD_C);
  const t = current(k);
  let restoreSve = false;
  if (system_supports_sve(k)) {
    const p = taskSve(k, t);
    if (p.fpType === FP_STATE_FPSIMD) {
      // Stop tracking SVE for this task until next use.
      stmt(k, 'load-fpsimd-clear-tif-sve');
      if (p.tif) set_tif_sve(k, t, false);
    } else {
      stmt(k, 'load-sve');
      if (
        WARN_ON(
          k,
          !p.tif,
          'WARN_ON_ONCE(!test_and_set_thread_flag(TIF_SVE)) in task_fpsimd_load(): fp_type is FP_STATE_SVE but TIF_SVE was clear',
        )
      )
        set_tif_sve(k, t, true);
      set_cpu_vl(k, p.vl); // sve_set_vq(sve_vq_from_vl(task_get_sve_vl(current)) - 1)
      restoreSve = true;
    }
  }
  if (restoreSve) {
    enter(k, 'sve_load_state', 'arch/arm64/kernel/entry-fpsimd.S');
    sveMemoryToRegs(k, t);
    leave(k);
  } else fpsimd_load_state(k, t);
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: bind current's state to this CPU; EL0 SVE traps unless TIF_SVE. */
export function fpsimd_bind_task_to_cpu(k: K): void {
  enter(k, 'fpsimd_bind_task_to_cpu', FPSIMD_C);
  const t = current(k);
  set_last_state(k, t);
  if (system_supports_sve(k)) {
    const f = fpStateFields(k);
    set_x(k, f[1], -1, taskSve(k, t).vl); // last->sve_vl = task_get_sve_vl(current)
    set_x(k, f[0], -1, FP_STATE_CURRENT); // last->to_save = FP_STATE_CURRENT
  }
  set_fpsimd_cpu(k, t, k.cpu);
  if (system_supports_sve(k)) {
    if (test_tif_sve(k, t)) {
      stmt(k, 'sve-user-enable');
      set_zen(k, true);
    } else {
      stmt(k, 'sve-user-disable');
      set_zen(k, false);
    }
  }
  leave(k);
}

/**
 * arch/arm64/kernel/fpsimd.c: bind another state (a vcpu's, or a task's kernel-mode state) to this
 * CPU: `*last = *state`, with the format the save must store and the vector length it expects.
 */
export function fpsimd_bind_state_to_cpu(k: K, st: number, to_save = FP_STATE_FPSIMD, sve_vl = VL_MAX): void {
  enter(k, 'fpsimd_bind_state_to_cpu', FPSIMD_C);
  WARN_ON(
    k,
    !in_softirq(k) && !irqs_disabled(k),
    'fpsimd_bind_state_to_cpu() with IRQs enabled outside softirq',
  );
  set_last_state(k, st);
  if (system_supports_sve(k)) {
    const f = fpStateFields(k);
    set_x(k, f[0], -1, to_save);
    set_x(k, f[1], -1, sve_vl);
  }
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: before returning to user, reload current's state if foreign. */
export function fpsimd_restore_current_state(k: K): void {
  enter(k, 'fpsimd_restore_current_state', FPSIMD_C);
  k.bh++; // get_cpu_fpsimd_context()
  const t = current(k);
  if (test_foreign(k, t)) {
    stmt(k, 'load');
    set_foreign(k, t, false);
    task_fpsimd_load(k);
    fpsimd_bind_task_to_cpu(k);
  }
  k.bh--; // put_cpu_fpsimd_context()
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: write current's live registers back to memory (signal, ptrace). */
export function fpsimd_preserve_current_state(k: K): void {
  enter(k, 'fpsimd_preserve_current_state', FPSIMD_C);
  k.bh++; // get_cpu_fpsimd_context()
  stmt(k, 'save');
  fpsimd_save_user_state(k);
  k.bh--;
  leave(k);
}

/** arch/arm64/kernel/fpsimd.c: invalidate t's register copies, and (efbc20249fee) make t reload. */
export function fpsimd_flush_task_state(k: K, t: number): void {
  enter(k, 'fpsimd_flush_task_state', FPSIMD_C);
  set_fpsimd_cpu(k, t, -1);
  stmt(k, 'set-foreign');
  set_foreign(k, t, true);
  leave(k);
}
