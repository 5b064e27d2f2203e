// Helpers for the per-era tests: load an example, replay it under a variant, build expected views.
import { readdirSync, readFileSync } from 'node:fs';
import {
  allRecords,
  COUNTER_NAMES,
  countersAt,
  createMachine,
  describeState,
  ERAS,
  findVariant,
  parseScenario,
  replay,
  type Counters,
  type Scenario,
  type StateView,
  type Variant,
  type Violation,
} from '../../../src/engine';

/** The engine's eras: a new era is tested everywhere (and fails where no expectation names it yet). */
export const ERA_IDS: readonly string[] = ERAS.map((e) => e.id);
export type EraId = string;

const dir = new URL('../../../src/scenarios/', import.meta.url);

export const exampleIds = (): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();

export function loadExample(id: string): Scenario {
  const res = parseScenario(readFileSync(new URL(`${id}.json`, dir), 'utf8'));
  if (!res.ok) throw new Error(`${id}: ${JSON.stringify(res.errors)}`);
  return res.scenario;
}

export interface Run {
  view: StateView;
  counters: Counters;
  violations: Violation[];
}

/** Replays a scenario under a variant with full records, failing on an illegal event. */
export function runUnder(sc: Scenario, variant: string): Run {
  const m = createMachine(sc, variantOf(variant));
  const out = allRecords(m, sc.events);
  if (out.illegal) throw new Error(`${variant}: event ${out.illegal.index}: ${out.illegal.reason}`);
  return {
    view: describeState(m, out.state),
    counters: out.state.counters,
    violations: out.records.flatMap((r) => r.violations),
  };
}

/** Cumulative counters after n events, for n = 0..events.length. */
export function countersAfterEach(sc: Scenario, variant: string): Counters[] {
  const r = replay(createMachine(sc, variantOf(variant)), sc.events);
  if (r.illegal) throw new Error(`${variant}: event ${r.illegal.index}: ${r.illegal.reason}`);
  return Array.from({ length: r.length + 1 }, (_, n) => countersAt(r, n));
}

function variantOf(id: string): Variant {
  const v = findVariant(id);
  if (!v) throw new Error(`no variant ${id}`);
  return v;
}

/** Counters in the order hostSaves, hostRestores, guestSaves, guestRestores, fpTraps, irqsOff. */
export const counters = (
  hostSaves: number,
  hostRestores: number,
  guestSaves: number,
  guestRestores: number,
  fpTraps: number,
  irqsOffSaveRestores: number,
): Counters => ({ hostSaves, hostRestores, guestSaves, guestRestores, fpTraps, irqsOffSaveRestores });

/** a - b, counter by counter. */
export function minus(a: Counters, b: Counters): Counters {
  const out = { ...a };
  for (const k of COUNTER_NAMES) out[k] = a[k] - b[k];
  return out;
}
