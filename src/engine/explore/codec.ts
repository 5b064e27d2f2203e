// The explorer's state encoding: a machine state as a fixed-length byte string, optionally renamed by a
// symmetry, and decoded back into a reusable MachineState for the next step.
//
// The abstraction (versions: 'abstract'): the ghost's version numbers grow without bound, but the
// checker only ever compares a copy's version with its owner's newest one (ghost.ts: stale-read,
// lost-update and the "other copy" search all test `ver === newest[owner]`), and a version that is
// stale never becomes newest again (newest only grows). So each register file and memory copy is
// encoded as (owner, isNewest), and `newest` itself is dropped; decoding writes newest = 1, a newest
// copy as 1 and a stale one as 0. States with equal encodings then have the same legal events, the
// same violations (kinds, contexts and messages) and successors with equal encodings: the abstraction
// is exact for the violations. The cost counters never influence a step and are not encoded either.
// Each task's kernel-mode NEON data (TASK.kernel, owner kernelOwner(t)) has newest -1 outside an open
// section's first use: the abstract encoding keeps one byte per task, whether it is >= 0 (live), and
// decodes it as 1 or -1; its copies are (owner, isNewest) like any other.
// versions: 'exact' keeps the raw version numbers and `newest` (for the test that checks the above).
import type { MachineConfig } from '../config';
import type { MachineState } from '../state';
import type { EraField } from '../era';
import type { Mode } from '../types';
import { decodeSve, encodeSve, makeSveLayout, sveCopies, sveRanges, type SveLayout } from './codecSve';

export type VersionMode = 'abstract' | 'exact';

export interface Layout {
  readonly cpus: number;
  readonly nCtx: number;
  readonly nTasks: number;
  readonly nStorages: number;
  readonly cpuX: number;
  readonly vcpuX: number;
  readonly cpuStride: number;
  readonly taskBase: number;
  readonly vcpuBase: number;
  readonly vcpuStride: number;
  readonly memBase: number;
  /** exact: newest + 1 of every owner (contexts, then TASK.kernel); abstract: per task, TASK.kernel live. */
  readonly newestBase: number;
  /** Bytes per encoded state. */
  readonly size: number;
  readonly exact: boolean;
  /** Per byte: how many values it can take (values are 0 .. range - 1). */
  readonly range: Uint16Array;
  /** Owner byte of each copy (registers per CPU, then memory slots); its isNewest byte follows it. */
  readonly copies: Int32Array;
  /** Contexts that have FP data (newest >= 0); kernel threads have none. */
  readonly hasData: Uint8Array;
  /** SVE machines: the SVE part, after the FPSIMD part (codecSve.ts); null elsewhere. */
  readonly sve: SveLayout | null;
  /** Owner byte of each H copy (SVE: registers per CPU, then each sve_state); isNewest follows it. */
  readonly hCopies: Int32Array;
}

const CPU_FIXED = 8;
/** Per task: cpuField, TIF_FOREIGN_FPSTATE, section, TIF_KERNEL_FPSTATE, kernel_fpsimd_cpu, frames. */
export const TASK_STRIDE = 6;
/** Signal frames an encoded task can have when the machine states no bound. */
const FRAMES_RANGE = 4;
const MODES: readonly Mode[] = ['user', 'kernel', 'guest', 'idle'];

export function makeLayout(
  cfg: MachineConfig,
  s0: MachineState,
  versions: VersionMode,
  fields: readonly EraField[],
): Layout {
  const nCtx = cfg.contexts.length;
  const cpuX = s0.cpus[0].x.length;
  const vcpuX = s0.vcpus.length ? s0.vcpus[0].x.length : 0;
  const cpuStride = CPU_FIXED + cpuX;
  const taskBase = cfg.cpus * cpuStride;
  const vcpuBase = taskBase + cfg.nTasks * TASK_STRIDE;
  const vcpuStride = 2 + vcpuX;
  const memBase = vcpuBase + (nCtx - cfg.nTasks) * vcpuStride;
  const newestBase = memBase + cfg.nStorages * 2;
  const exact = versions === 'exact';
  // Owners: contexts, then each task's kernel-mode NEON data (config.ts: kernelOwner).
  const owners = nCtx + cfg.nTasks;
  const fpsimdSize = newestBase + (exact ? owners : cfg.nTasks);
  const sve = makeSveLayout(cfg, s0, fpsimdSize, exact);
  const size = sve ? sve.end : fpsimdSize;
  const ver = exact ? 256 : 2;
  const xRange = (scope: EraField['scope'], slot: number): number => {
    const f = fields.find((d) => !d.sve && d.scope === scope && d.slot === slot);
    return f?.values ? f.values.length : 2;
  };
  const range = new Uint16Array(size);
  const frames = cfg.maxSignalFrames === undefined ? FRAMES_RANGE : cfg.maxSignalFrames + 1;
  for (let c = 0; c < cfg.cpus; c++) {
    const o = c * cpuStride;
    range.set([nCtx + 1, MODES.length, 2, 2, cfg.nStorages + 1, 2, owners + 2, ver], o);
    for (let i = 0; i < cpuX; i++) range[o + CPU_FIXED + i] = xRange('cpu', i);
  }
  for (let t = 0; t < cfg.nTasks; t++)
    range.set([cfg.cpus + 1, 2, 2, 2, cfg.cpus + 1, frames], taskBase + t * TASK_STRIDE);
  for (let v = 0; v < nCtx - cfg.nTasks; v++) {
    const o = vcpuBase + v * vcpuStride;
    range.set([2, 2], o);
    for (let i = 0; i < vcpuX; i++) range[o + 2 + i] = xRange('vcpu', i);
  }
  for (let st = 0; st < cfg.nStorages; st++) range.set([owners + 2, ver], memBase + st * 2);
  range.fill(exact ? 256 : 2, newestBase, fpsimdSize);
  if (sve) sveRanges(sve, cfg, fields, range, owners, ver);
  const sveCp = sve ? sveCopies(sve, cfg.cpus, nCtx) : { v: [], h: [] };
  return {
    cpus: cfg.cpus,
    nCtx,
    nTasks: cfg.nTasks,
    nStorages: cfg.nStorages,
    cpuX,
    vcpuX,
    cpuStride,
    taskBase,
    vcpuBase,
    vcpuStride,
    memBase,
    newestBase,
    size,
    exact,
    range,
    // V copies: registers, memory slots, then (SVE) each sve_state's V.
    copies: Int32Array.from([
      ...Array.from({ length: cfg.cpus + cfg.nStorages }, (_, i) =>
        i < cfg.cpus ? i * cpuStride + 6 : memBase + (i - cfg.cpus) * 2,
      ),
      ...sveCp.v,
    ]),
    hasData: Uint8Array.from(s0.ghost.newest, (n) => (n >= 0 ? 1 : 0)),
    sve,
    hCopies: Int32Array.from(sveCp.h),
  };
}

function modeCode(m: Mode): number {
  switch (m) {
    case 'user':
      return 0;
    case 'kernel':
      return 1;
    case 'guest':
      return 2;
    case 'idle':
      return 3;
    default: {
      const never: never = m;
      throw new Error(`unknown mode ${String(never)}`);
    }
  }
}

/** A byte, checked: the encoding must never wrap silently. */
function byte(v: number): number {
  if (v < 0 || v > 255 || !Number.isInteger(v))
    throw new Error(`explorer: state value ${v} does not fit a byte`);
  return v;
}

/** Writes s's encoding into out[at .. at + L.size). */
export function encode(L: Layout, s: MachineState, out: Uint8Array, at: number): void {
  const { nCtx, exact } = L;
  const gh = s.ghost;
  const newest = gh.newest;
  for (let c = 0; c < L.cpus; c++) {
    const cs = s.cpus[c];
    const o = at + c * L.cpuStride;
    out[o] = byte(cs.current + 1);
    out[o + 1] = modeCode(cs.mode);
    out[o + 2] = cs.irqsOff ? 1 : 0;
    out[o + 3] = cs.fpTrap ? 1 : 0;
    out[o + 4] = byte(cs.lastState + 1);
    out[o + 5] = cs.neonBusy ? 1 : 0;
    const ro = gh.regOwner[c];
    const rv = gh.regVer[c];
    out[o + 6] = byte(ro + 2);
    out[o + 7] = exact ? byte(rv) : ro >= 0 && rv === newest[ro] ? 1 : 0;
    for (let i = 0; i < L.cpuX; i++) out[o + CPU_FIXED + i] = byte(cs.x[i]);
  }
  for (let t = 0; t < L.nTasks; t++) {
    const ts = s.tasks[t];
    const o = at + L.taskBase + t * TASK_STRIDE;
    out[o] = byte(ts.cpuField + 1);
    out[o + 1] = ts.foreign ? 1 : 0;
    out[o + 2] = ts.section ? 1 : 0;
    out[o + 3] = ts.kernelFpstate ? 1 : 0;
    out[o + 4] = byte(ts.kernelCpu + 1);
    out[o + 5] = byte(ts.frames);
  }
  for (let v = L.nTasks; v < nCtx; v++) {
    const vs = s.vcpus[v - L.nTasks];
    const o = at + L.vcpuBase + (v - L.nTasks) * L.vcpuStride;
    out[o] = vs.inRun ? 1 : 0;
    out[o + 1] = vs.mapped ? 1 : 0;
    for (let i = 0; i < L.vcpuX; i++) out[o + 2 + i] = byte(vs.x[i]);
  }
  for (let st = 0; st < L.nStorages; st++) {
    const o = at + L.memBase + st * 2;
    const mo = gh.memOwner[st];
    const mv = gh.memVer[st];
    out[o] = byte(mo + 2);
    out[o + 1] = exact ? byte(mv) : mo >= 0 && mv === newest[mo] ? 1 : 0;
  }
  for (let x = 0; x < nCtx; x++) {
    // A context without data must stay without: decoding relies on it.
    if (newest[x] >= 0 !== (L.hasData[x] === 1))
      throw new Error(`explorer: context ${x} gained or lost FP data; the encoding assumes neither`);
    if (exact) out[at + L.newestBase + x] = byte(newest[x] + 1);
  }
  for (let t = 0; t < L.nTasks; t++) {
    const n = newest[nCtx + t];
    out[at + L.newestBase + (exact ? nCtx + t : t)] = exact ? byte(n + 1) : n >= 0 ? 1 : 0;
  }
  if (L.sve) encodeSve(L.sve, s, out, at, exact);
}

/** Overwrites s (same shape as the layout) with the state encoded at buf[at ..]; counters are zeroed. */
export function decode(L: Layout, buf: Uint8Array, at: number, s: MachineState): void {
  const g = s.ghost;
  for (let x = 0; x < L.nCtx; x++)
    g.newest[x] = L.exact ? buf[at + L.newestBase + x] - 1 : L.hasData[x] ? 1 : -1;
  for (let t = 0; t < L.nTasks; t++)
    g.newest[L.nCtx + t] = L.exact
      ? buf[at + L.newestBase + L.nCtx + t] - 1
      : buf[at + L.newestBase + t] === 1
        ? 1
        : -1;
  for (let c = 0; c < L.cpus; c++) {
    const cs = s.cpus[c];
    const o = at + c * L.cpuStride;
    cs.current = buf[o] - 1;
    cs.mode = MODES[buf[o + 1]];
    cs.irqsOff = buf[o + 2] === 1;
    cs.fpTrap = buf[o + 3] === 1;
    cs.lastState = buf[o + 4] - 1;
    cs.neonBusy = buf[o + 5] === 1;
    g.regOwner[c] = buf[o + 6] - 2;
    g.regVer[c] = buf[o + 7];
    for (let i = 0; i < L.cpuX; i++) cs.x[i] = buf[o + CPU_FIXED + i];
  }
  for (let t = 0; t < L.nTasks; t++) {
    const ts = s.tasks[t];
    const o = at + L.taskBase + t * TASK_STRIDE;
    ts.cpuField = buf[o] - 1;
    ts.foreign = buf[o + 1] === 1;
    ts.section = buf[o + 2] === 1;
    ts.kernelFpstate = buf[o + 3] === 1;
    ts.kernelCpu = buf[o + 4] - 1;
    ts.frames = buf[o + 5];
  }
  for (let v = 0; v < L.nCtx - L.nTasks; v++) {
    const vs = s.vcpus[v];
    const o = at + L.vcpuBase + v * L.vcpuStride;
    vs.inRun = buf[o] === 1;
    vs.mapped = buf[o + 1] === 1;
    for (let i = 0; i < L.vcpuX; i++) vs.x[i] = buf[o + 2 + i];
  }
  for (let st = 0; st < L.nStorages; st++) {
    const o = at + L.memBase + st * 2;
    g.memOwner[st] = buf[o] - 2;
    g.memVer[st] = buf[o + 1];
  }
  if (L.sve) decodeSve(L.sve, buf, at, s, L.exact, L.hasData);
  const k = s.counters;
  k.hostSaves = k.hostRestores = k.guestSaves = k.guestRestores = k.fpTraps = k.irqsOffSaveRestores = 0;
}

/** Throws unless every byte of the encoding at buf[at ..] is within its range (the memo relies on it). */
export function checkRange(L: Layout, buf: Uint8Array, at: number): void {
  for (let p = 0; p < L.size; p++)
    if (buf[at + p] >= L.range[p])
      throw new Error(`explorer: value ${buf[at + p]} at byte ${p} is outside its range (${L.range[p]})`);
}
