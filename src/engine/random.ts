// Random legal scenarios, for property tests and benchmarks: deterministic for a given seed.
import { buildConfig } from './config';
import { whyIllegal } from './events';
import { createMachine, initialMachineState, stepInPlace } from './machine';
import {
  OPS,
  SVE_OPS,
  TASK_OPS,
  type Scenario,
  type ScenarioEvent,
  type ScenarioTask,
  type Violation,
} from './types';
import { findVariant, DEFAULT_VARIANT } from './variants';

/** mulberry32: a small, fast PRNG with a 32-bit state. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomMachineOptions {
  cpus: number;
  vcpuThreads: number;
  tasks: number;
  kthreads: number;
  /** An SVE machine (the SVE ops are drawn only there: they are illegal elsewhere). */
  sve?: boolean;
  /** SVE machines: how many of the vcpu threads (the first ones) run an SVE vcpu. */
  vcpuSve?: number;
  /** SVE machines: false for an nVHE host (absent: VHE). */
  vhe?: boolean;
}

/** The machine part of a scenario: vcpu threads qemuN/vcpuN, tasks taskN, kernel threads kthreadN. */
export function machineScenario(o: RandomMachineOptions): Omit<Scenario, 'events'> {
  const tasks: ScenarioTask[] = [];
  for (let i = 0; i < o.vcpuThreads; i++)
    tasks.push({
      id: `qemu${i}`,
      vcpu: `vcpu${i}`,
      ...(o.sve && i < (o.vcpuSve ?? 0) ? { vcpuSve: true } : {}),
    });
  for (let i = 0; i < o.tasks; i++) tasks.push({ id: `task${i}` });
  for (let i = 0; i < o.kthreads; i++) tasks.push({ id: `kthread${i}`, kthread: true });
  const start: Record<string, string> = {};
  for (let c = 0; c < o.cpus && c < tasks.length; c++) start[String(c)] = tasks[c].id;
  return {
    format: 'fpsimd-scenario/1',
    title: 'Random scenario',
    variant: DEFAULT_VARIANT,
    cpus: o.cpus,
    // Only on SVE machines, so an FPSIMD-only scenario is exactly as before.
    ...(o.sve ? { sve: true, ...(o.vhe === false ? { vhe: false } : {}) } : {}),
    tasks,
    start,
  };
}

/**
 * Turns a list of choices into legal events: at each step the choice picks one of the events legal
 * in the current state (modulo their number) under `variant`. Legality reads only the state, but an
 * era's state differs inside a kernel-mode NEON section (v4.x keeps kernel_neon_busy and preemption
 * off; v6.13 and later do not), so events drawn under v6.15 may preempt a section that v4.x forbids.
 * Property tests shrink the choices; benchmarks draw them from a seed.
 */
export function eventsFromChoices(
  base: Omit<Scenario, 'events'>,
  choices: Iterable<number>,
  variant: string = DEFAULT_VARIANT,
): ScenarioEvent[] {
  const m = createMachine(base, findVariant(variant)!);
  const cfg = buildConfig(base);
  const s = initialMachineState(m);
  const taskIds = base.tasks.map((t) => t.id);
  const events: ScenarioEvent[] = [];
  const sink: Violation[] = [];
  const candidates: ScenarioEvent[] = [];
  // The SVE ops are illegal on a machine without SVE, so leaving them out there changes nothing.
  const ops = base.sve ? OPS : OPS.filter((op) => !SVE_OPS.includes(op));
  for (let c = 0; c < base.cpus; c++)
    for (const op of ops) {
      if (TASK_OPS.includes(op)) for (const task of taskIds) candidates.push({ cpu: c, op, task });
      else candidates.push({ cpu: c, op });
    }
  for (const choice of choices) {
    const legal = candidates.filter((ev) => whyIllegal(cfg, s, ev) === null);
    const ev = legal[Math.abs(Math.trunc(choice)) % legal.length];
    stepInPlace(m, s, ev, events.length, sink);
    sink.length = 0;
    events.push(ev);
  }
  return events;
}

/** `length` random legal events from the machine's initial state, deterministic for a seed. */
export function randomEvents(
  base: Omit<Scenario, 'events'>,
  length: number,
  seed: number,
  variant: string = DEFAULT_VARIANT,
): ScenarioEvent[] {
  const next = rng(seed);
  return eventsFromChoices(
    base,
    Array.from({ length }, () => Math.floor(next() * 0x7fffffff)),
    variant,
  );
}

export function randomScenario(o: RandomMachineOptions, length: number, seed: number): Scenario {
  const base = machineScenario(o);
  return { ...base, events: randomEvents(base, length, seed) };
}
