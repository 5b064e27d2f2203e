// Test helpers: a machine in a hand-set state, and a step context to call one kernel function.
import { buildConfig } from '../../src/engine/config';
import type { K } from '../../src/engine/kctx';
import { createMachine, findVariant, initialMachineState, stepInPlace, type Machine } from '../../src/engine';
import type { MachineState } from '../../src/engine/state';
import { Recorder } from '../../src/engine/trace';
import type { Scenario, ScenarioEvent, Variant, Violation } from '../../src/engine';

/** qemu runs vcpu0, editor is a user task, kworker a kernel thread; 2 CPUs, qemu on 0, editor on 1. */
export const MACHINE: Pick<Scenario, 'cpus' | 'tasks' | 'start'> = {
  cpus: 2,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'editor' },
};
export const QEMU = 0;
export const EDITOR = 1;
export const KWORKER = 2;
export const VCPU0 = 3;

export function machine(variant = 'v4.18', sc = MACHINE): Machine {
  const v = findVariant(variant);
  if (!v) throw new Error(`no variant ${variant}`);
  return createMachine(sc, v);
}

/** Applies events, failing the test on an illegal one. */
export function run(
  m: Machine,
  events: ScenarioEvent[],
  s = initialMachineState(m),
): { s: MachineState; violations: Violation[] } {
  const violations: Violation[] = [];
  events.forEach((ev, i) => {
    const why = stepInPlace(m, s, ev, i, violations);
    if (why) throw new Error(`event ${i} ${ev.op}: ${why}`);
  });
  return { s, violations };
}

/** A step context on `cpu` with recording on, for calling one modelled kernel function directly. */
export function kOn(
  m: Machine,
  s: MachineState,
  cpu: number,
  opts: { irqsOff?: boolean; bh?: number } = {},
): K {
  if (opts.irqsOff !== undefined) s.cpus[cpu].irqsOff = opts.irqsOff;
  return {
    cfg: m.cfg,
    s,
    era: m.variant.era,
    cpu,
    ablation: m.variant.ablation,
    step: 0,
    bh: opts.bh ?? 0,
    rec: new Recorder(),
    violations: [],
  };
}

export { buildConfig };

/** Shorthand for events on one CPU. */
export const on = (
  cpu: number,
  ...ops: (ScenarioEvent['op'] | [ScenarioEvent['op'], string])[]
): ScenarioEvent[] => ops.map((o) => (Array.isArray(o) ? { cpu, op: o[0], task: o[1] } : { cpu, op: o }));

/** The variant named `id`; a test that names one the engine does not have fails saying which. */
export function variantNamed(id: string): Variant {
  const v = findVariant(id);
  if (!v) throw new Error(`missing ${id}`);
  return v;
}
