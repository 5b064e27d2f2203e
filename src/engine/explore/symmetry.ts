// Symmetries of the transition system: renamings of CPUs and of interchangeable contexts.
//
// A symmetry g = (pi, sigma) renames CPU c to pi(c) and context x to sigma(x), where pi is any
// permutation of the CPUs and sigma permutes contexts only within one class: ordinary user tasks among
// themselves, kernel threads among themselves, and vcpu threads among themselves with each one's vcpu
// carried along (sigma(partner(t)) = partner(sigma(t))). Storage slots follow their owner: a context's
// slot moves with sigma, a per-CPU slot (v4.17's host context) with pi.
//
// The engine treats CPUs and contexts only by identity (it compares indices, never orders them; the one
// exception, v4.17/pre-674c242c9323 writing CPU number 0, is searched with CPU 0 kept in place), so for
// every state s and event e: step(g.s, g.e) = g.step(s, e), with violations renamed by g. Hence the
// states reachable from s0, taken up to symmetry, are exactly the orbits the reduced search visits,
// whether or not s0 itself is symmetric (the initial assignment of tasks to CPUs need not be). The
// reduced search identifies states with the same canonical form (the least encoding over the group
// elements it enumerates, which always include the identity; a subset of the group is still sound,
// it only merges fewer states).
import type { MachineConfig } from '../config';
import type { MachineState } from '../state';
import type { ScenarioEvent } from '../types';
import { encode, type Layout } from './codec';
import { permuteEncoded } from './codecPermute';

export interface Perm {
  /** New index of each CPU. */
  cpu: Int32Array;
  /** New index of each context (tasks map to tasks, vcpus to vcpus). */
  ctx: Int32Array;
}

/** Beyond this many elements the group is cut short (still sound; see above). */
export const MAX_GROUP = 720;

export function identity(cfg: MachineConfig): Perm {
  const cpu = new Int32Array(cfg.cpus);
  const ctx = new Int32Array(cfg.contexts.length);
  for (let i = 0; i < cpu.length; i++) cpu[i] = i;
  for (let i = 0; i < ctx.length; i++) ctx[i] = i;
  return { cpu, ctx };
}

/** All permutations of `items`, up to `limit` of them, the identity first. */
function permutations(items: readonly number[], limit: number): number[][] {
  const out: number[][] = [];
  const a = items.slice();
  const rec = (i: number): void => {
    if (out.length >= limit) return;
    if (i >= a.length) {
      out.push(a.slice());
      return;
    }
    for (let j = i; j < a.length && out.length < limit; j++) {
      [a[i], a[j]] = [a[j], a[i]];
      rec(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
  };
  rec(0);
  return out;
}

/** Class of a context for the symmetry: contexts in the same class are interchangeable. */
export function contextClass(cfg: MachineConfig, x: number): string {
  const c = cfg.contexts[x];
  // An SVE vcpu's thread and a plain vcpu's are not interchangeable (SVE machines only).
  if (c.kind === 'task' && c.partner >= 0)
    return cfg.contexts[c.partner].sve ? 'sve-vcpu-thread' : 'vcpu-thread';
  if (c.kind === 'vcpu' && c.sve) return 'sve-vcpu';
  return c.kind;
}

/** The group elements the reduced search uses: the identity first, then the others. */
export function symmetryGroup(cfg: MachineConfig, limit = MAX_GROUP): Perm[] {
  const classes = new Map<string, number[]>();
  for (let t = 0; t < cfg.nTasks; t++) {
    const k = contextClass(cfg, t);
    const list = classes.get(k) ?? [];
    list.push(t);
    classes.set(k, list);
  }
  const cpus = Array.from({ length: cfg.cpus }, (_, i) => i);
  let perms: Perm[] = permutations(cpus, limit).map((p) => ({
    cpu: Int32Array.from(p),
    ctx: identity(cfg).ctx,
  }));
  for (const members of classes.values()) {
    if (members.length < 2) continue;
    const orders = permutations(members, limit);
    const next: Perm[] = [];
    for (const order of orders)
      for (const p of perms) {
        if (next.length >= limit) break;
        const ctx = p.ctx.slice();
        members.forEach((t, i) => {
          const to = order[i];
          ctx[t] = to;
          const v = cfg.contexts[t].partner;
          if (v >= 0) ctx[v] = cfg.contexts[to].partner;
        });
        next.push({ cpu: p.cpu, ctx });
      }
    perms = next;
  }
  return perms;
}

/** a after b: first rename by b, then by a. */
export function compose(a: Perm, b: Perm): Perm {
  return { cpu: b.cpu.map((c) => a.cpu[c]), ctx: b.ctx.map((x) => a.ctx[x]) };
}

export function invert(a: Perm): Perm {
  const cpu = new Int32Array(a.cpu.length);
  const ctx = new Int32Array(a.ctx.length);
  a.cpu.forEach((to, from) => (cpu[to] = from));
  a.ctx.forEach((to, from) => (ctx[to] = from));
  return { cpu, ctx };
}

/** The event renamed by g (its CPU and, for schedule, its task). */
export function mapEvent(cfg: MachineConfig, g: Perm, ev: ScenarioEvent): ScenarioEvent {
  const out: ScenarioEvent = { cpu: g.cpu[ev.cpu], op: ev.op };
  if (ev.task !== undefined) out.task = cfg.contexts[g.ctx[cfg.byId.get(ev.task) as number]].id;
  return out;
}

/**
 * The renamings (of those symmetryGroup enumerates) that map the initial state s0 to itself. The states
 * reachable from s0 are then closed under them, with equal distances from s0: merging a state with its
 * renamings keeps every (kind, context)'s shortest length, and a violation's renamings are violations
 * of the renamed contexts at the same length (findings.ts reports them).
 */
export function stabilizer(cfg: MachineConfig, L: Layout, s0: MachineState): Perm[] {
  const a = new Uint8Array(L.size);
  const b = new Uint8Array(L.size);
  encode(L, s0, a, 0);
  return symmetryGroup(cfg).filter((g) => {
    permuteEncoded(L, a, 0, g, b);
    return a.every((v, i) => v === b[i]);
  });
}

/**
 * Every renaming of CPUs, each with the context renamings of the stabilizer (renamings fixing s0): a
 * group, as those context renamings form one. Merging a state with its renamings then keeps each
 * (kind, context)'s shortest length: a CPU renaming leaves every context where it is, so every state
 * of an orbit has the same violations by context, and the reduced search meets an orbit at the depth
 * of its nearest member; the stabilizer's context renamings keep lengths as stabilizer() says.
 */
export function cpuRenamings(cfg: MachineConfig, stab: readonly Perm[]): Perm[] {
  const ctxOf = new Set(stab.map((g) => Array.from(g.ctx).join(',')));
  return symmetryGroup(cfg).filter((g) => ctxOf.has(Array.from(g.ctx).join(',')));
}
