// What pan (Spin's verifier for a model written by `export --promela`) printed: the violations its
// assertions reported, by kind and owner, and its counts. Shared by `fpsimd-viz spin`, the agreement
// test and the bench (scripts/spin.ts).
import { VIOLATION_KINDS, type ViolationKind } from '../engine/types';

export interface PanFinding {
  kind: ViolationKind;
  /** The owner of FP data (context id, or TASK.kernel); null: none (a kernel warning with no task). */
  context: string | null;
}

/**
 * Every `assertion violated !(KIND_N)` in pan's output, distinct, in the order printed; owners are the
 * model's owners of FP data by number (promelaOwners). Throws on an assertion of no known kind or owner.
 */
export function panFindings(stdout: string, owners: readonly string[]): PanFinding[] {
  const seen = new Map<string, PanFinding>();
  for (const m of stdout.matchAll(/assertion violated\s+!\((\w+)\)/g)) {
    const f = /^([a-z_]+)_(\d+|none)$/.exec(m[1]);
    const kind = VIOLATION_KINDS.find((k) => f && k.replace('-', '_') === f[1]);
    const context = f?.[2] === 'none' ? null : owners[Number(f?.[2])];
    if (!f || !kind || context === undefined)
      throw new Error(`pan reported an assertion of no known kind: ${m[1]}`);
    seen.set(`${kind} ${context ?? '-'}`, { kind, context });
  }
  return [...seen.values()];
}

/** A number pan printed (`(\d+) states, stored`), NaN when absent. */
export const panNumber = (stdout: string, re: RegExp): number => Number(re.exec(stdout)?.[1] ?? NaN);

/** pan explored its whole (depth-bounded) state space: no cut-off message. */
export const panComplete = (stdout: string): boolean =>
  !/Search not completed/.test(stdout) && !/max search depth too small/.test(stdout);

/**
 * The C flags of Spin's multi-core verifier for a model (`pan.h` as `spin -a` wrote it): -DNCORE and
 * the shared memory, and a state frame large enough for the model. Spin 6.5.2 clears a work-queue
 * frame of VMAX bytes with as many bytes as the processes have control states (m_clear_frame), and
 * this model's one process has thousands: with the default VMAX (VECTORSZ, 1024) the clear runs past
 * the frame and the verifier crashes at its first hand-off. VECTORSZ grows with VMAX (pan copies
 * VMAX bytes of mask into an array of VECTORSZ).
 */
export function multicoreFlags(panH: string, cores: number, memoryMb: number): string[] {
  let states = 0;
  for (const m of panH.matchAll(/^#define _nstates\d+\s+(\d+)/gm)) states += Number(m[1]);
  const vmax = Math.ceil((states + 4096) / 1024) * 1024;
  return [`-DNCORE=${cores}`, `-DMEMLIM=${memoryMb}`, `-DVECTORSZ=${vmax}`, `-DVMAX=${vmax}`];
}
