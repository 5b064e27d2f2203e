// Configurations and helpers shared by the explorer's tests.
import { createMachine, replay, type Scenario, type Variant } from '../../../src/engine';
import { contextClass } from '../../../src/engine/explore/symmetry';
import {
  CLASSIC_OPS,
  EXPLORER_OPS,
  type Counterexample,
  type ExploreResult,
} from '../../../src/engine/explore';
import { buildConfig } from '../../../src/engine/config';

export type Config = Pick<Scenario, 'cpus' | 'tasks' | 'start'>;

/** The reference configuration: 2 CPUs; a vcpu thread, an ordinary user task, a kernel thread. */
export const REFERENCE: Config = {
  cpus: 2,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'editor' },
};

/** 8 CPUs, 32 tasks (8 vcpu threads, 20 user tasks, 4 kernel threads): the largest a scenario may describe. */
export const BIGGEST: Config = {
  cpus: 8,
  tasks: [
    ...Array.from({ length: 8 }, (_, i) => ({ id: `qemu${i}`, vcpu: `vcpu${i}` })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `app${i}` })),
    ...Array.from({ length: 4 }, (_, i) => ({ id: `kworker${i}`, kthread: true })),
  ],
  start: Object.fromEntries(Array.from({ length: 8 }, (_, c) => [String(c), c < 4 ? `qemu${c}` : `app${c}`])),
};

/** Two interchangeable user tasks and two CPUs: a symmetry group of four. */
export const SYMMETRIC: Config = {
  cpus: 2,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'alice' }, { id: 'bob' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'alice' },
};

/**
 * The agreement tests run twice: the first eleven ops to the depths the claims were first made at, and
 * every op (kernel-mode NEON sections, task lifecycle events; one pending signal frame) to a smaller
 * depth, since the full alphabet's state space grows about 30 times faster.
 */
export const OP_SETS = [
  { name: 'classic ops', ops: CLASSIC_OPS, shallower: 0 },
  { name: 'all ops', ops: EXPLORER_OPS, shallower: 3 },
] as const;

/** "kind context" -> length of its shortest sequence. */
export function findings(r: ExploreResult): Map<string, number> {
  return new Map(r.violations.map((v) => [`${v.kind} ${v.context ?? '-'}`, v.events.length]));
}

/** "kind class" -> shortest length over the class (contexts interchangeable under the symmetry). */
export function classFindings(cfg: Config, r: ExploreResult): Map<string, number> {
  const mc = buildConfig(cfg);
  const out = new Map<string, number>();
  for (const v of r.violations) {
    const cls = v.context === null ? '-' : contextClass(mc, mc.byId.get(v.context) as number);
    const k = `${v.kind} ${cls}`;
    out.set(k, Math.min(out.get(k) ?? Infinity, v.events.length));
  }
  return out;
}

/** Replays a counterexample as a scenario would be run: the violation must happen at its last event. */
export function reproduces(cfg: Config, variant: Variant, c: Counterexample): boolean {
  const r = replay(createMachine(cfg, variant), c.events);
  const last = c.events.length - 1;
  return (
    r.illegal === null &&
    r.length === c.events.length &&
    r.violations.some((v) => v.step === last && v.kind === c.kind && v.context === c.context)
  );
}
