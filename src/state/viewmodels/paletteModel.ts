// The event palette's view model: for one CPU at the cursor, every op with whether it is legal and,
// if not, why (in the engine's words). `schedule` and the ptrace ops get one choice per host task. The
// SVE ops are offered on SVE machines only (an FPSIMD-only machine's palette is as it was).
import {
  OPS,
  SVE_OPS,
  TASK_OPS,
  whyIllegal,
  type MachineState,
  type Op,
  type Replay,
  type ScenarioEvent,
} from '../../engine';

export interface PaletteChoice {
  event: ScenarioEvent;
  /** Null when legal; otherwise the failed precondition. */
  reason: string | null;
}

export interface PaletteOp {
  op: Op;
  /** One choice, or one per task for `schedule` and the ptrace ops (TASK_OPS). */
  choices: PaletteChoice[];
  /** Null when at least one choice is legal; otherwise the first choice's reason. */
  reason: string | null;
}

export function paletteModel(replay: Replay, state: MachineState, cpu: number): PaletteOp[] {
  const cfg = replay.machine.cfg;
  const tasks = cfg.contexts.slice(0, cfg.nTasks).map((c) => c.id);
  return machineOps(cfg.sve).map((op) => {
    const events: ScenarioEvent[] = TASK_OPS.includes(op)
      ? tasks.map((task) => ({ cpu, op, task }))
      : [{ cpu, op }];
    const choices = events.map((event) => ({ event, reason: whyIllegal(cfg, state, event) }));
    const anyLegal = choices.some((c) => c.reason === null);
    return { op, choices, reason: anyLegal ? null : (choices[0]?.reason ?? 'no task to choose') };
  });
}

/** The ops a machine offers: every op on an SVE machine, else every op but the SVE ones. */
export function machineOps(sve: boolean): readonly Op[] {
  return sve ? OPS : OPS.filter((op) => !SVE_OPS.includes(op));
}
