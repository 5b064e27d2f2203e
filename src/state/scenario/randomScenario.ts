// Random legal scenarios for the library's "random scenario" control, the UI benchmark and tests: the
// engine's generator (every event legal where it stands, deterministic per seed) on a machine with one
// vcpu thread and one plain task per CPU and one kernel thread.
import { DEFAULT_VARIANT, randomScenario as engineRandom, type Scenario } from '../../engine';

export interface RandomOptions {
  cpus: number;
  events: number;
  seed: number;
  variant?: string;
}

export function randomScenario(opts: RandomOptions): Scenario {
  const sc = engineRandom(
    { cpus: opts.cpus, vcpuThreads: opts.cpus, tasks: opts.cpus, kthreads: 1 },
    opts.events,
    opts.seed,
  );
  return {
    ...sc,
    title: `Random: ${opts.cpus} CPU${opts.cpus > 1 ? 's' : ''}, ${opts.events} events (seed ${opts.seed})`,
    variant: opts.variant ?? DEFAULT_VARIANT,
  };
}
