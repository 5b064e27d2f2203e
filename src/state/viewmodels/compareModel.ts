// View model of the compare view: one replay per variant (cached by scenario and variant), the steps
// where the variants' register owners differ, counter series for the chart and totals for the table.
// Everything here is read from the engine's Replay; nothing recomputes kernel behaviour.
import {
  COUNTER_NAMES,
  countersAt,
  createMachine,
  findVariant,
  replay,
  type Counters,
  type Replay,
  type Scenario,
  type Variant,
  type Violation,
} from '../../engine';

const NC = COUNTER_NAMES.length;

export interface Compared {
  variant: Variant;
  replay: Replay;
}

/** Replays by scenario object (a new object after every edit) and variant id. */
const cache = new WeakMap<Scenario, Map<string, Replay>>();

/** The scenario's replay under a variant: computed once per (scenario, variant). */
export function replayFor(scenario: Scenario, variant: Variant): Replay {
  let byVariant = cache.get(scenario);
  if (!byVariant) {
    byVariant = new Map();
    cache.set(scenario, byVariant);
  }
  let r = byVariant.get(variant.id);
  if (!r) {
    r = replay(createMachine(scenario, variant), scenario.events);
    byVariant.set(variant.id, r);
  }
  return r;
}

/** A replay made elsewhere (the scenario store's) joins the cache, so it is not made twice. */
export function seedReplay(scenario: Scenario, r: Replay): void {
  if (r.events !== scenario.events) return;
  const byVariant = cache.get(scenario) ?? new Map<string, Replay>();
  cache.set(scenario, byVariant);
  if (!byVariant.has(r.machine.variant.id)) byVariant.set(r.machine.variant.id, r);
}

/** The compared variants' replays; unknown ids are skipped (the store never holds any). */
export function compareReplays(scenario: Scenario, ids: readonly string[]): Compared[] {
  const out: Compared[] = [];
  for (const id of ids) {
    const variant = findVariant(id);
    if (variant) out.push({ variant, replay: replayFor(scenario, variant) });
  }
  return out;
}

/** The last step every replay reaches (they stop early only at an illegal event). */
export function commonLength(items: readonly Compared[]): number {
  return items.length ? Math.min(...items.map((i) => i.replay.length)) : 0;
}

/** The furthest step any replay reaches: the chart's x range. */
export function maxLength(items: readonly Compared[]): number {
  return items.length ? Math.max(...items.map((i) => i.replay.length)) : 0;
}

/** Whether the register owners of some CPU differ between the replays after n events. */
function ownersDiffer(items: readonly Compared[], n: number, cpus: number): boolean {
  const first = items[0].replay.owners;
  for (let i = 1; i < items.length; i++) {
    const o = items[i].replay.owners;
    for (let c = 0; c < cpus; c++) if (o[n * cpus + c] !== first[n * cpus + c]) return true;
  }
  return false;
}

/** Steps (0 = the initial state) after which the variants' register ownership differs. */
export function ownershipDiffSteps(items: readonly Compared[]): number[] {
  if (items.length < 2) return [];
  const cpus = items[0].replay.machine.cfg.cpus;
  const steps: number[] = [];
  const end = commonLength(items);
  for (let n = 0; n <= end; n++) if (ownersDiffer(items, n, cpus)) steps.push(n);
  return steps;
}

/** The first step after `cursor` where some compared variant has a violation, and which variants. */
export function nextViolation(
  items: readonly Compared[],
  cursor: number,
): { step: number; ids: string[] } | null {
  let step = Infinity;
  for (const it of items)
    for (const v of it.replay.violations)
      if (v.step + 1 > cursor) {
        step = Math.min(step, v.step + 1);
        break; // violations are in step order
      }
  if (step === Infinity) return null;
  const ids = items
    .filter((it) => it.replay.violations.some((v) => v.step + 1 === step))
    .map((it) => it.variant.id);
  return { step, ids };
}

/** Whose data a register file holds, in words (owner indices as in Replay.owners). */
export function ownerName(r: Replay, owner: number): string {
  if (owner === -2) return 'kernel-mode NEON scratch';
  if (owner < 0) return 'nothing';
  return r.machine.cfg.contexts[owner]?.id ?? `context ${owner}`;
}

export interface OwnerRow {
  cpu: number;
  /** Per compared variant, in order. */
  owners: string[];
  differs: boolean;
}

/** Each CPU's register owner per variant after n events (clamped to each replay's end). */
export function ownersAt(items: readonly Compared[], n: number): OwnerRow[] {
  if (!items.length) return [];
  const cpus = items[0].replay.machine.cfg.cpus;
  return Array.from({ length: cpus }, (_, cpu) => {
    const owners = items.map(({ replay: r }) => {
      const at = Math.max(0, Math.min(n, r.length));
      return ownerName(r, r.owners[at * cpus + cpu]);
    });
    return { cpu, owners, differs: owners.some((o) => o !== owners[0]) };
  });
}

/**
 * One counter's cumulative value per step, reduced to the steps where it changes (and both ends):
 * a step curve through these points is exact, and a 100,000-event replay stays a short path.
 */
export function counterSeries(r: Replay, counter: keyof Counters): [number, number][] {
  const k = COUNTER_NAMES.indexOf(counter);
  const pts: [number, number][] = [[0, r.counters[k]]];
  for (let n = 1; n <= r.length; n++) {
    const v = r.counters[n * NC + k];
    if (v !== r.counters[(n - 1) * NC + k]) pts.push([n, v]);
  }
  if (pts[pts.length - 1][0] !== r.length) pts.push([r.length, r.counters[r.length * NC + k]]);
  return pts;
}

export interface Totals {
  counters: Counters;
  /** host + guest saves and restores. */
  savesRestores: number;
  /** guest_exit events replayed. */
  exits: number;
  violations: readonly Violation[];
}

export function totalsOf(r: Replay): Totals {
  const counters = countersAt(r, r.length);
  let exits = 0;
  for (let i = 0; i < r.length; i++) if (r.events[i].op === 'guest_exit') exits++;
  return {
    counters,
    savesRestores: counters.hostSaves + counters.hostRestores + counters.guestSaves + counters.guestRestores,
    exits,
    violations: r.violations,
  };
}

/** A per-exit figure with two decimals, or a dash when the scenario has no guest exit. */
export function perExit(value: number, exits: number): string {
  return exits > 0 ? (value / exits).toFixed(2) : '—';
}
