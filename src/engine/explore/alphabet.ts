// The events the explorer tries in every state: each op on each CPU, and each task-naming op
// (`schedule`, `ptrace_setfp`) to each task.
import type { MachineConfig } from '../config';
import { OPS, SVE_OPS, TASK_OPS, type Op, type ScenarioEvent } from '../types';

/**
 * The ops the explorer tries by default on an FPSIMD-only machine: every op of the engine but the SVE
 * ops, which exist on SVE machines only (machineOps() adds them there).
 */
export const EXPLORER_OPS: readonly Op[] = OPS.filter((op) => !SVE_OPS.includes(op));

/** ops as a machine has them: without the SVE ops unless the machine has SVE. */
export function machineOps(cfg: Pick<MachineConfig, 'sve'>, ops: readonly Op[]): readonly Op[] {
  return cfg.sve ? ops : ops.filter((op) => !SVE_OPS.includes(op));
}

/**
 * The first eleven ops (before kernel-mode NEON sections and task lifecycle events): `--ops classic`,
 * and the smaller of the two alphabets the Spin cross-check runs on both sides.
 */
export const CLASSIC_OPS: readonly Op[] = OPS.slice(0, OPS.indexOf('kernel_neon_begin'));

/**
 * The explorer's bound on pending signal frames per task (MachineConfig.maxSignalFrames): `signal` is
 * illegal in the explorer beyond it, so the state space stays finite.
 */
export const DEFAULT_MAX_SIGNAL_FRAMES = 1;

/** The ops to explore, checked and in the engine's order (which is also the alphabet's). */
export function explorerOps(ops: readonly Op[]): readonly Op[] {
  for (const op of ops) if (!OPS.includes(op)) throw new Error(`explorer: unknown op "${String(op)}"`);
  if (ops.length === 0) throw new Error('explorer: no ops to explore');
  return OPS.filter((op) => ops.includes(op));
}

export function eventAlphabet(cfg: MachineConfig, ops: readonly Op[] = EXPLORER_OPS): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  for (let cpu = 0; cpu < cfg.cpus; cpu++)
    for (const op of OPS) {
      if (!ops.includes(op)) continue;
      // SVE ops exist only on SVE machines: an FPSIMD-only alphabet is exactly as before.
      if (!cfg.sve && SVE_OPS.includes(op)) continue;
      if (!TASK_OPS.includes(op)) out.push({ cpu, op });
      else for (let t = 0; t < cfg.nTasks; t++) out.push({ cpu, op, task: cfg.contexts[t].id });
    }
  return out;
}

/** The index of ev in the alphabet (events compare by cpu, op and task). */
export function eventIndex(alphabet: readonly ScenarioEvent[], ev: ScenarioEvent): number {
  return alphabet.findIndex((a) => a.cpu === ev.cpu && a.op === ev.op && a.task === ev.task);
}
