// Random legal scenarios: for the library's "random scenario" control, the benchmarks and tests.
// Every event is picked among those the engine says are legal where it stands (whyIllegal), so the
// scenario replays to its end.
import {
  DEFAULT_VARIANT,
  OPS,
  createMachine,
  findVariant,
  initialMachineState,
  stepInPlace,
  whyIllegal,
  type Scenario,
  type ScenarioEvent,
  type ScenarioTask,
  type Violation,
} from '../engine';

export interface RandomOptions {
  cpus: number;
  events: number;
  seed: number;
  variant?: string;
}

/** mulberry32: a small, fast, seeded generator (same seed, same scenario). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tasks for n CPUs: one vcpu thread and one plain task per CPU, plus one kernel thread. */
function tasksFor(cpus: number): ScenarioTask[] {
  const tasks: ScenarioTask[] = [];
  for (let c = 0; c < cpus; c++) {
    tasks.push({ id: `vmm${c}`, vcpu: `vcpu${c}` });
    tasks.push({ id: `app${c}` });
  }
  tasks.push({ id: 'kworker', kthread: true });
  return tasks;
}

export function randomScenario(opts: RandomOptions): Scenario {
  const rand = seededRandom(opts.seed);
  const variantId = opts.variant ?? DEFAULT_VARIANT;
  const variant = findVariant(variantId) ?? findVariant(DEFAULT_VARIANT);
  if (!variant) throw new Error('the engine has no default variant');
  const tasks = tasksFor(opts.cpus);
  const start: Record<string, string> = {};
  for (let c = 0; c < opts.cpus; c++) start[String(c)] = `vmm${c}`;
  const shape = { cpus: opts.cpus, tasks, start };
  const m = createMachine(shape, variant);
  const s = initialMachineState(m);
  const events: ScenarioEvent[] = [];
  const sink: Violation[] = [];
  const taskIds = tasks.map((t) => t.id);
  while (events.length < opts.events) {
    const cpu = Math.floor(rand() * opts.cpus);
    const legal: ScenarioEvent[] = [];
    for (const op of OPS) {
      if (op === 'schedule') {
        for (const task of taskIds) {
          const ev: ScenarioEvent = { cpu, op, task };
          if (whyIllegal(m.cfg, s, ev) === null) legal.push(ev);
        }
      } else if (whyIllegal(m.cfg, s, { cpu, op }) === null) legal.push({ cpu, op });
    }
    if (legal.length === 0) continue;
    // Schedules are numerous (one per task); pick the op kind first so they do not dominate.
    const kinds = [...new Set(legal.map((e) => e.op))];
    const kind = kinds[Math.floor(rand() * kinds.length)];
    const pool = legal.filter((e) => e.op === kind);
    const ev = pool[Math.floor(rand() * pool.length)];
    stepInPlace(m, s, ev, events.length, sink);
    events.push(ev);
  }
  return {
    format: 'fpsimd-scenario/1',
    title: `Random: ${opts.cpus} CPU${opts.cpus > 1 ? 's' : ''}, ${opts.events} events (seed ${opts.seed})`,
    variant: variantId,
    cpus: opts.cpus,
    tasks,
    start,
    events,
  };
}
