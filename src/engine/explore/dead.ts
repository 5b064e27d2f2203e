// Dead-variable reduction: fields whose value no step can read before overwriting it are set to one
// fixed value, so states that differ only there are one state. Exact (same violations, same shortest
// lengths, same exhaustion verdict), because the merged states have the same futures:
//
// - thread.fpsimd_cpu of a task whose user state no CPU's fpsimd_last_state points at. The engine
//   reads it only beside `fpsimd_last_state == that state` (fpsimd_thread_switch, v4.17's live test:
//   when the pointer differs, the result is the same whatever the field holds), and a pointer comes to
//   point at a task's state only in fpsimd_bind_task_to_cpu, which writes the field in the same step.
// - The kernel-mode state's CPU (thread.kernel_fpsimd_cpu), likewise: read only beside the pointer
//   (fpsimd_load_kernel_state), written where the pointer is set (fpsimd_save_kernel_state).
// - TIF_FOREIGN_FPSTATE of a task running on no CPU: read only for current (and for a running vcpu's
//   host thread, which is current), and written at switch-in (fpsimd_thread_switch) before it can be
//   read; the one switch-in that does not write it (v6.13's and later, for a task with TIF_KERNEL_FPSTATE)
//   switches in a task preempted inside a kernel-mode section, whose flag is set throughout one
//   (kernel_neon_begin sets it and nothing in a section clears it), which is the fixed value here.
//
// The transition cache checks the first two claims' write side on every step it learns
// (deadVariableGuard), and reductions.test.ts compares the reduced search with the plain one for every
// variant. Off by default (ExploreOptions.dead).
import type { Layout } from './codec';
import { TASK_STRIDE } from './codec';
import type { Packing } from './pack';

/** Where one encoded byte lives in the packed words. */
interface Field {
  word: number;
  shift: number;
  mask: number;
}

const field = (P: Packing, p: number): Field => ({ word: P.word[p], shift: P.shift[p], mask: P.mask[p] });
const get = (w: Int32Array, f: Field): number => (w[f.word] >>> f.shift) & f.mask;
const put = (w: Int32Array, f: Field, v: number): void => {
  w[f.word] = (w[f.word] & ~(f.mask << f.shift)) | (v << f.shift);
};

/** Byte offsets in a task's block (codec.ts): fpsimd_cpu + 1, TIF_FOREIGN_FPSTATE, kernel CPU + 1. */
const CPU_FIELD = 0;
const FOREIGN = 1;
const KERNEL_CPU = 4;

/** A function that sets the dead fields of a packed state to their fixed values, in place. */
export function createDeadVariables(L: Layout, P: Packing): (words: Int32Array) => void {
  const current = Array.from({ length: L.cpus }, (_, c) => field(P, c * L.cpuStride));
  const lastState = Array.from({ length: L.cpus }, (_, c) => field(P, c * L.cpuStride + 4));
  const task = (t: number, off: number): Field => field(P, L.taskBase + t * TASK_STRIDE + off);
  const cpuField = Array.from({ length: L.nTasks }, (_, t) => task(t, CPU_FIELD));
  const foreign = Array.from({ length: L.nTasks }, (_, t) => task(t, FOREIGN));
  const kernelCpu = Array.from({ length: L.nTasks }, (_, t) => task(t, KERNEL_CPU));
  const kernelSlot = L.nCtx + L.cpus; // kernelStorage(cfg, 0): task t's is kernelSlot + t
  // Per task, bit 0: its user state is pointed at, bit 1: its kernel-mode state, bit 2: it runs.
  const live = new Int32Array(L.nTasks);
  return (words) => {
    live.fill(0);
    for (let c = 0; c < L.cpus; c++) {
      const ls = get(words, lastState[c]) - 1;
      if (ls >= 0 && ls < L.nTasks) live[ls] |= 1;
      else if (ls >= kernelSlot) live[ls - kernelSlot] |= 2;
      const cur = get(words, current[c]) - 1;
      if (cur >= 0) live[cur] |= 4;
    }
    for (let t = 0; t < L.nTasks; t++) {
      if ((live[t] & 1) === 0) put(words, cpuField[t], 0);
      if ((live[t] & 2) === 0) put(words, kernelCpu[t], 0);
      if ((live[t] & 4) === 0) put(words, foreign[t], 1);
    }
  };
}

/**
 * The write side of the claims above, checked on a step the cache learns: a fpsimd_last_state that
 * now points at a task's user or kernel-mode state it did not point at before must come with that
 * state's CPU field written in the same step. Returns a message, or null when the step keeps it.
 */
export function deadVariableGuard(
  L: Layout,
  before: Uint8Array,
  after: Uint8Array,
  written: (pos: number) => boolean,
): string | null {
  const kernelSlot = L.nCtx + L.cpus;
  for (let c = 0; c < L.cpus; c++) {
    const p = c * L.cpuStride + 4;
    const ls = after[p] - 1;
    if (ls === before[p] - 1 || ls < 0) continue;
    const t = ls < L.nTasks ? ls : ls >= kernelSlot ? ls - kernelSlot : -1;
    if (t < 0) continue;
    const f = L.taskBase + t * TASK_STRIDE + (ls < L.nTasks ? CPU_FIELD : KERNEL_CPU);
    if (!written(f))
      return `CPU ${c}'s fpsimd_last_state now points at task ${t}'s state, whose CPU field the step did not write`;
  }
  return null;
}
