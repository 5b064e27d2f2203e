/** One measured number. `group` is filled in by bench/run.ts from the registry entry. */
export interface Metric {
  /** Stable id within its group, e.g. "engine.step.p50". */
  name: string;
  value: number;
  /** e.g. "ms", "ops/s", "kB". */
  unit: string;
  group?: string;
  /** The target, as text: ">= 1000000", "< 16". */
  target?: string;
  /** Lower is better unless stated; used by regression checks. */
  better?: 'lower' | 'higher';
  note?: string;
}

/** The module shape of bench/groups/<name>.ts. */
export interface BenchGroupModule {
  run(): Promise<Metric[]>;
}

export interface BenchReport {
  format: 'fpsimd-bench/1';
  machine: string;
  metrics: Metric[];
}
