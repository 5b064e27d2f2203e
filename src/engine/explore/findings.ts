// The violations a search has found: the first finding per (kind, context) (per class of contexts under
// symmetry), kept as (parent state, event), and rebuilt into a replayed event sequence on request.
import { ownerName, type MachineConfig } from '../config';
import type { Machine } from '../machine';
import { replay } from '../replay';
import type { ScenarioEvent, Violation, ViolationKind } from '../types';
import type { Store } from './store';
import type { SymmetryMode } from './searchTypes';
import { compose, contextClass, invert, mapEvent, type Perm } from './symmetry';

export interface Counterexample {
  kind: ViolationKind;
  context: string | null;
  /** For a leak: whose data leaked (to `context`). */
  source?: string;
  /** A shortest sequence from the initial state; its last event produces the violation. */
  events: ScenarioEvent[];
  cpu: number;
  message: string;
}

/** A finding: the step (parent state, event) that first showed a violation of its key. */
export interface Found {
  parent: number;
  event: number;
  kind: ViolationKind;
  /** Owner index in the parent's (representative) frame (a context, or TASK.kernel), -1 for none. */
  ctx: number;
  /** What it is reported by: kind and context, or orbit or class of contexts (as text). */
  key: string;
}

/** How each state was first reached: what counterexamples are rebuilt from (a Store, or the parts of several). */
export type Chain = Pick<Store, 'parent' | 'event' | 'sym'>;

/** Owner o renamed by g: a context by g.ctx, TASK.kernel with its task. */
const renameOwner = (cfg: MachineConfig, g: Perm, o: number): number => {
  const n = cfg.contexts.length;
  return o < 0 ? o : o < n ? g.ctx[o] : n + g.ctx[o - n];
};

export interface Findings {
  /**
   * Notes the violations vs of event e on state id; `keys` (from keysOf) saves recomputing their keys
   * for a cached outcome's list.
   */
  note(vs: readonly Violation[], id: number, e: number, keys?: readonly number[]): void;
  /** Findings so far. */
  count(): number;
  /** The report keys of vs, to pass back to note. */
  keysOf(vs: readonly Violation[]): number[];
  /** Every finding so far as a replayed counterexample, in the order found. */
  counterexamples(st: Chain, group: readonly Perm[], alphabet: readonly ScenarioEvent[]): Counterexample[];
  /** Every finding so far, in the order found (the partitioned search merges them: partition.ts). */
  found(): readonly Found[];
}

/**
 * mode 'off': one finding per (kind, context). 'classes': per kind and class of interchangeable
 * contexts. 'exact' and 'cpus': per kind and orbit of contexts under `group` (renamings fixing the
 * initial state), each finding then reported for every context of its orbit, its events renamed.
 */
export function createFindings(m: Machine, mode: SymmetryMode, group: readonly Perm[]): Findings {
  const cfg = m.cfg;
  const orbits = mode === 'exact' || mode === 'cpus' ? contextOrbits(cfg.contexts.length, group) : null;
  /** A small number per (kind, context or class of contexts): the key violations are reported by. */
  const keyIds = new Map<string, number>();
  const keyNames: string[] = [];
  const nCtx = cfg.contexts.length;
  const keyId = (v: Violation): number => {
    const o = v.owner;
    // TASK.kernel is keyed like its task, marked apart.
    const ctx = o < nCtx ? o : o - nCtx;
    const mark = o < nCtx ? '' : '.kernel';
    const cls =
      o < 0
        ? '-'
        : (mode === 'classes' ? contextClass(cfg, ctx) : String(orbits ? orbits[ctx][0].ctx : ctx)) + mark;
    const k = `${v.kind}|${cls}`;
    let n = keyIds.get(k);
    if (n === undefined) {
      keyIds.set(k, (n = keyIds.size));
      keyNames.push(k);
    }
    return n;
  };
  /** Per key id, whether a violation with that key has been found (its first finding is kept). */
  const seen: boolean[] = [];
  const found: Found[] = [];
  return {
    note(vs, id, e, keys) {
      for (let i = 0; i < vs.length; i++) {
        const k = keys ? keys[i] : keyId(vs[i]);
        if (seen[k]) continue;
        seen[k] = true;
        const v = vs[i];
        found.push({ parent: id, event: e, kind: v.kind, ctx: v.owner, key: keyNames[k] });
      }
    },
    keysOf: (vs) => vs.map(keyId),
    count: () => found.length,
    found: () => found,
    counterexamples: (st, group, alphabet) => rebuild(m, orbits, found, st, group, alphabet),
  };
}

/**
 * The findings as replayed counterexamples, in the given order; with orbits (symmetry modes 'exact'
 * and 'cpus'), each one also for every other context of its orbit, its events renamed.
 */
export function counterexamplesOf(
  m: Machine,
  mode: SymmetryMode,
  orbitGroup: readonly Perm[],
  found: readonly Found[],
  st: Chain,
  group: readonly Perm[],
  alphabet: readonly ScenarioEvent[],
): Counterexample[] {
  const orbits =
    mode === 'exact' || mode === 'cpus' ? contextOrbits(m.cfg.contexts.length, orbitGroup) : null;
  return rebuild(m, orbits, found, st, group, alphabet);
}

function rebuild(
  m: Machine,
  orbits: { ctx: number; g: Perm }[][] | null,
  found: readonly Found[],
  st: Chain,
  group: readonly Perm[],
  alphabet: readonly ScenarioEvent[],
): Counterexample[] {
  const cfg = m.cfg;
  const nCtx = cfg.contexts.length;
  const out: Counterexample[] = [];
  for (const f of found) {
    const [c, o] = counterexample(m, st, group, alphabet, f);
    out.push(c);
    if (!orbits || o < 0) continue;
    const x = o < nCtx ? o : o - nCtx;
    for (const { ctx, g } of orbits[x]) {
      if (ctx === x) continue;
      const events = c.events.map((e) => mapEvent(cfg, g, e));
      out.push(checked(m, c.kind, o < nCtx ? ctx : nCtx + ctx, events));
    }
  }
  return out;
}

/**
 * Per context x, its orbit under the group `gens` generates: each member with a renaming taking x to
 * it, the least context first.
 */
function contextOrbits(n: number, gens: readonly Perm[]): { ctx: number; g: Perm }[][] {
  const orbits: { ctx: number; g: Perm }[][] = [];
  for (let x = 0; x < n; x++) {
    const first = new Map<number, Perm>([[x, gens[0]]]);
    const queue = [x];
    while (queue.length) {
      const y = queue.shift() as number;
      const h = first.get(y) as Perm;
      for (const g of gens) {
        const z = g.ctx[y];
        if (!first.has(z)) {
          first.set(z, compose(g, h));
          queue.push(z);
        }
      }
    }
    orbits.push([...first].map(([ctx, g]) => ({ ctx, g })).sort((a, b) => a.ctx - b.ctx));
  }
  return orbits;
}

/**
 * The concrete event sequence to a found violation. Stored states are representatives: state i was
 * stored as g_i applied to the successor of its parent's representative, so the renaming h_i from the
 * concrete state to the representative composes as h_i = g_i after h_parent, and the representative's
 * event e stands for the concrete event h_parent^-1(e). The sequence is replayed to check it.
 */
function counterexample(
  m: Machine,
  st: Chain,
  group: readonly Perm[],
  alphabet: readonly ScenarioEvent[],
  f: Found,
): [Counterexample, number] {
  const cfg = m.cfg;
  const chain: number[] = [];
  for (let id = f.parent; id >= 0; id = st.parent(id)) chain.push(id);
  chain.reverse();
  let h = group[st.sym(chain[0])];
  const events: ScenarioEvent[] = [];
  for (let i = 1; i < chain.length; i++) {
    const id = chain[i];
    events.push(mapEvent(cfg, invert(h), alphabet[st.event(id)]));
    h = compose(group[st.sym(id)], h);
  }
  const back = invert(h);
  events.push(mapEvent(cfg, back, alphabet[f.event]));
  const owner = renameOwner(cfg, back, f.ctx);
  return [checked(m, f.kind, owner, events), owner];
}

/** The counterexample, replayed: it must produce the violation (of owner index `owner`) at its last event. */
function checked(m: Machine, kind: ViolationKind, owner: number, events: ScenarioEvent[]): Counterexample {
  const r = replay(m, events);
  const last = events.length - 1;
  const v = r.violations.find((x) => x.step === last && x.kind === kind && x.owner === owner);
  if (r.illegal || !v)
    throw new Error(
      `explorer: the counterexample for ${kind} (${owner < 0 ? '-' : ownerName(m.cfg, owner)}) does not reproduce in replay; ` +
        'is the variant symmetric under renaming CPUs and tasks?',
    );
  return {
    kind,
    context: v.context,
    ...(v.source !== undefined ? { source: v.source } : {}),
    events,
    cpu: v.cpu,
    message: v.message,
  };
}
