// A decoded state behind accessors that record which bytes of its encoding the engine reads and writes
// (for the transition cache, memo.ts). Used only when the cache misses, so it may be slow.
import type { MachineState, SveGhost } from '../state';
import { TASK_STRIDE, type Layout } from './codec';
import { SVE_CPU_FIXED, SVE_TASK, SVE_TASK_STRIDE, type SveLayout } from './codecSve';

/** What one tracked step read and wrote. */
export interface Trace {
  /** Byte positions read before being written, in order. */
  reads: number[];
  /** Per byte: the generation in which it was read or written (nothing needs clearing per step). */
  seen: Int32Array;
  written: Int32Array;
  gen: number;
  /** Contexts whose newest version was raised (abstract encoding); H_BUMP + x for the H part's (SVE). */
  bumped: number[];
}

/** In Trace.bumped, context x's newest H version (SVE) is H_BUMP + x. */
export const H_BUMP = 1 << 16;

export function createTrace(size: number): Trace {
  return { reads: [], seen: new Int32Array(size), written: new Int32Array(size), gen: 0, bumped: [] };
}

/** Starts a new step: nothing read or written yet. */
export function resetTrace(tr: Trace): void {
  tr.gen++;
  tr.reads.length = 0;
  tr.bumped.length = 0;
}

export function read(tr: Trace, pos: number): void {
  if (tr.seen[pos] === tr.gen || tr.written[pos] === tr.gen) return;
  tr.seen[pos] = tr.gen;
  tr.reads.push(pos);
}

function write(tr: Trace, pos: number): void {
  tr.written[pos] = tr.gen;
}

const CPU_FIELDS: Record<string, number> = {
  current: 0,
  mode: 1,
  irqsOff: 2,
  fpTrap: 3,
  lastState: 4,
  neonBusy: 5,
};
const TASK_FIELDS: Record<string, number> = {
  cpuField: 0,
  foreign: 1,
  section: 2,
  kernelFpstate: 3,
  kernelCpu: 4,
  frames: 5,
};
const VCPU_FIELDS: Record<string, number> = { inRun: 0, mapped: 1 };
const CPU_SVE_FIELDS: Record<string, number> = { zen: 0, vl: 1 };
const VCPU_SVE_FIELDS: Record<string, number> = { zcr: 0 };

/**
 * A record (cpu, task or vcpu) whose field f lives at byte base + fields[f]; its `x` array (era fields)
 * at xBase + i. Any other own field is one the encoding does not hold: using it is an error, since a
 * cached outcome could not depend on it. Accessor properties rather than a Proxy: the engine's code
 * then keeps its inline caches (a proxied step was several times slower).
 */
function trackRecord<T extends object>(
  tr: Trace,
  target: T,
  what: string,
  base: number,
  fields: Record<string, number>,
  xBase: number,
  /** The record's tracked SVE part (SVE machines), returned for its `sve` field. */
  sve: object | null = null,
): T {
  const t = target as Record<string, unknown>;
  const o = {} as T;
  const fixed = (v: object, name: string): PropertyDescriptor => ({
    get: () => v,
    set: () => {
      throw new Error(`explorer: the engine replaced ${what}.${name}`);
    },
  });
  for (const p of Object.keys(t)) {
    let d: PropertyDescriptor;
    if (p === 'x' && Array.isArray(t.x))
      d = fixed(
        trackArray(tr, t.x as number[], (i) => xBase + i),
        p,
      );
    else if (p === 'sve' && sve) d = fixed(sve, p);
    else if (Object.hasOwn(fields, p)) {
      const pos = base + fields[p];
      d = {
        get: () => (read(tr, pos), t[p]),
        set: (v: unknown) => {
          write(tr, pos);
          t[p] = v;
        },
      };
    } else {
      const unheld = (): never => {
        throw new Error(
          `explorer: the engine used ${what}.${p}, which the explorer's encoding does not hold`,
        );
      };
      d = { get: unheld, set: unheld };
    }
    Object.defineProperty(o, p, { ...d, enumerable: true });
  }
  return Object.preventExtensions(o);
}

/**
 * An array whose element i lives at byte at(i) (length and methods are not state), as accessors;
 * `onGet`/`onSet` replace the default tracking (read on get, write on set) when given.
 */
function trackArray<T>(
  tr: Trace,
  target: T[],
  at: ((i: number) => number) | null,
  onGet?: (i: number) => void,
  onSet?: (i: number, v: T) => void,
): T[] {
  const a = new Array<T>(target.length);
  for (let i = 0; i < target.length; i++) {
    const pos = at === null ? -1 : at(i);
    Object.defineProperty(a, i, {
      get: onGet ? () => (onGet(i), target[i]) : () => (read(tr, pos), target[i]),
      set: (v: T) => {
        if (onSet) onSet(i, v);
        else write(tr, pos);
        target[i] = v;
      },
      enumerable: true,
    });
  }
  return Object.preventExtensions(a);
}

/** The decoded state s behind accessors that report to tr. Decode into s before each tracked step. */
export function trackedState(L: Layout, s: MachineState, tr: Trace): MachineState {
  const S = L.sve;
  const cpuSve = (c: number): object | null => {
    const p = s.cpus[c].sve;
    if (!S || !p) return null;
    const base = S.cpuBase + c * S.cpuStride;
    return trackRecord(tr, p, `cpus[${c}].sve`, base, CPU_SVE_FIELDS, base + SVE_CPU_FIXED);
  };
  const taskSve = (t: number): object | null => {
    const p = s.tasks[t].sve;
    if (!S || !p) return null;
    return trackRecord(tr, p, `tasks[${t}].sve`, S.taskBase + t * SVE_TASK_STRIDE, SVE_TASK, 0);
  };
  const vcpuSve = (v: number): object | null => {
    const p = s.vcpus[v].sve;
    if (!S || !p) return null;
    const base = S.vcpuBase + v * S.vcpuStride;
    return trackRecord(tr, p, `vcpus[${v}].sve`, base, VCPU_SVE_FIELDS, base + 1);
  };
  const cpus = s.cpus.map((c, i) =>
    trackRecord(tr, c, `cpus[${i}]`, i * L.cpuStride, CPU_FIELDS, i * L.cpuStride + 8, cpuSve(i)),
  );
  const tasks = s.tasks.map((t, i) =>
    trackRecord(tr, t, `tasks[${i}]`, L.taskBase + i * TASK_STRIDE, TASK_FIELDS, 0, taskSve(i)),
  );
  const vcpus = s.vcpus.map((v, i) => {
    const base = L.vcpuBase + i * L.vcpuStride;
    return trackRecord(tr, v, `vcpus[${i}]`, base, VCPU_FIELDS, base + 2, vcpuSve(i));
  });
  const g = s.ghost;
  const regOwner = (c: number): number => c * L.cpuStride + 6;
  const memOwner = (st: number): number => L.memBase + st * 2;
  const newest = L.exact
    ? trackArray(tr, g.newest, (i) => L.newestBase + i)
    : // Abstract: a context's newest is a constant of the decoding; TASK.kernel's (index nCtx + t) is
      // -1 or 1 as its live byte says. Raising a newest version may stale every other copy.
      trackArray(
        tr,
        g.newest,
        null,
        (x) => {
          if (x >= L.nCtx) read(tr, L.newestBase + x - L.nCtx);
        },
        (x, v) => {
          if (x >= L.nCtx) write(tr, L.newestBase + x - L.nCtx);
          if (v >= 0 && !tr.bumped.includes(x)) tr.bumped.push(x);
        },
      );
  return {
    // Plain arrays of tracked records: the arrays themselves hold no state.
    cpus,
    tasks,
    vcpus,
    ghost: {
      newest,
      regOwner: trackArray(tr, g.regOwner, regOwner),
      regVer: trackArray(tr, g.regVer, (c) => regOwner(c) + 1),
      memOwner: trackArray(tr, g.memOwner, memOwner),
      memVer: trackArray(tr, g.memVer, (st) => memOwner(st) + 1),
      ...(S && g.sve ? { sve: trackedSveGhost(L, S, g.sve, tr) } : {}),
    },
    counters: s.counters,
  };
}

/** The SVE ghost behind accessors (codecSve.ts's per-CPU and per-context blocks). */
function trackedSveGhost(L: Layout, S: SveLayout, z: SveGhost, tr: Trace): SveGhost {
  const regH = (c: number): number => S.cpuBase + c * S.cpuStride + 2;
  const ctx = (x: number): number => S.ctxBase + x * S.ctxStride;
  const newestH = L.exact
    ? trackArray(tr, z.newestH, (x) => ctx(x) + 5)
    : // Abstract: a constant of the decoding; raising it may stale every other H copy of its owner.
      trackArray(
        tr,
        z.newestH,
        null,
        () => undefined,
        (x, v) => {
          const key = H_BUMP + x;
          if (v >= 0 && !tr.bumped.includes(key)) tr.bumped.push(key);
        },
      );
  return {
    regHOwner: trackArray(tr, z.regHOwner, regH),
    regHVer: trackArray(tr, z.regHVer, (c) => regH(c) + 1),
    zOwner: trackArray(tr, z.zOwner, ctx),
    zVer: trackArray(tr, z.zVer, (x) => ctx(x) + 1),
    hOwner: trackArray(tr, z.hOwner, (x) => ctx(x) + 2),
    hVer: trackArray(tr, z.hVer, (x) => ctx(x) + 3),
    hDead: trackArray(tr, z.hDead, (x) => ctx(x) + 4),
    newestH,
  };
}
