// The events the explorer tries in every state: each op on each CPU, and `schedule` to each task.
import type { MachineConfig } from '../config';
import { OPS, type Op, type ScenarioEvent } from '../types';

/**
 * The ops the explorer tries: the first eleven. Kernel-mode NEON sections and task lifecycle events
 * are not explored yet (their ghost data, TASK.kernel, is outside the encoding; see codec.ts).
 */
export const EXPLORER_OPS: readonly Op[] = OPS.slice(0, OPS.indexOf('kernel_neon_begin'));

export function eventAlphabet(cfg: MachineConfig): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  for (let cpu = 0; cpu < cfg.cpus; cpu++)
    for (const op of EXPLORER_OPS) {
      if (op !== 'schedule') out.push({ cpu, op });
      else for (let t = 0; t < cfg.nTasks; t++) out.push({ cpu, op, task: cfg.contexts[t].id });
    }
  return out;
}

/** The index of ev in the alphabet (events compare by cpu, op and task). */
export function eventIndex(alphabet: readonly ScenarioEvent[], ev: ScenarioEvent): number {
  return alphabet.findIndex((a) => a.cpu === ev.cpu && a.op === ev.op && a.task === ev.task);
}
