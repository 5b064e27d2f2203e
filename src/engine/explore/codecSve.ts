// The SVE part of the explorer's state encoding (machines with "sve": true only): appended after the
// FPSIMD part, so an FPSIMD-only machine's encoding, packing and state counts are exactly as before.
//
// Per CPU: EL0 SVE enable, the vector length, the registers' H as a copy (owner, isNewest), the era's
// SVE fields. Per task: TIF_SVE, fp_type, its vector length, in_syscall(), the pending SVE trap. Per
// vcpu: the guest's ZCR choice, the era's SVE vcpu fields. Per context: its sve_state's V copy and H
// copy (each (owner, isNewest)), whether its H is dead by the ABI, and (exact versions only) its
// newest H version. The abstraction is codec.ts's: ghostSve.ts compares an H copy's version only with
// its owner's newestH (and a V copy's with newest), and newestH only grows, so (owner, isNewest) with
// newestH dropped is exact for the violations, as for V.
import type { MachineConfig } from '../config';
import type { EraField } from '../era';
import type { MachineState } from '../state';
import type { Perm } from './symmetry';

export interface SveLayout {
  readonly cpuX: number;
  readonly vcpuX: number;
  /** Per CPU: zen, vl, regH owner + 2, regH isNewest (exact: version), then the era's SVE fields. */
  readonly cpuBase: number;
  readonly cpuStride: number;
  /** Per task: TIF_SVE, fp_type, vl, in_syscall, trap. */
  readonly taskBase: number;
  /** Per vcpu: zcr, then the era's SVE vcpu fields. */
  readonly vcpuBase: number;
  readonly vcpuStride: number;
  /** Per context: sve_state V (owner + 2, isNewest), H (owner + 2, isNewest), hDead, (exact) newestH + 1. */
  readonly ctxBase: number;
  readonly ctxStride: number;
  /** First byte after the SVE part. */
  readonly end: number;
}

export const SVE_CPU_FIXED = 4;
export const SVE_TASK_STRIDE = 5;
const SVE_CTX_FIXED = 5;
/** Offsets in a CPU's SVE block. */
export const SVE_CPU = { zen: 0, vl: 1, regHOwner: 2 } as const;
/** Offsets in a task's SVE block (the order of TaskSve's fields). */
export const SVE_TASK = { tif: 0, fpType: 1, vl: 2, inSyscall: 3, trap: 4 } as const;
/** Offsets in a context's SVE block. */
export const SVE_CTX = { zOwner: 0, hOwner: 2, hDead: 4, newestH: 5 } as const;

/** The SVE part's layout, starting at byte `at`; null on a machine without SVE. */
export function makeSveLayout(
  cfg: MachineConfig,
  s0: MachineState,
  at: number,
  exact: boolean,
): SveLayout | null {
  if (!cfg.sve) return null;
  const cpuX = s0.cpus[0].sve?.x.length ?? 0;
  const vcpuX = s0.vcpus.length ? (s0.vcpus[0].sve?.x.length ?? 0) : 0;
  const nCtx = cfg.contexts.length;
  const cpuStride = SVE_CPU_FIXED + cpuX;
  const taskBase = at + cfg.cpus * cpuStride;
  const vcpuBase = taskBase + cfg.nTasks * SVE_TASK_STRIDE;
  const vcpuStride = 1 + vcpuX;
  const ctxBase = vcpuBase + (nCtx - cfg.nTasks) * vcpuStride;
  const ctxStride = SVE_CTX_FIXED + (exact ? 1 : 0);
  return {
    cpuX,
    vcpuX,
    cpuBase: at,
    cpuStride,
    taskBase,
    vcpuBase,
    vcpuStride,
    ctxBase,
    ctxStride,
    end: ctxBase + nCtx * ctxStride,
  };
}

/** Fills the SVE bytes' ranges. `owners`: V owners (contexts, then TASK.kernel); `ver`: 2 or 256. */
export function sveRanges(
  S: SveLayout,
  cfg: MachineConfig,
  fields: readonly EraField[],
  range: Uint16Array,
  owners: number,
  ver: number,
): void {
  const xRange = (scope: EraField['scope'], slot: number): number => {
    const f = fields.find((d) => d.sve === true && d.scope === scope && d.slot === slot);
    return f?.values ? f.values.length : 2;
  };
  for (let c = 0; c < cfg.cpus; c++) {
    const o = S.cpuBase + c * S.cpuStride;
    range.set([2, 2, owners + 2, ver], o);
    for (let i = 0; i < S.cpuX; i++) range[o + SVE_CPU_FIXED + i] = xRange('cpu', i);
  }
  range.fill(2, S.taskBase, S.taskBase + cfg.nTasks * SVE_TASK_STRIDE);
  for (let v = 0; v < cfg.contexts.length - cfg.nTasks; v++) {
    const o = S.vcpuBase + v * S.vcpuStride;
    range[o] = 2;
    for (let i = 0; i < S.vcpuX; i++) range[o + 1 + i] = xRange('vcpu', i);
  }
  for (let x = 0; x < cfg.contexts.length; x++) {
    const o = S.ctxBase + x * S.ctxStride;
    range.set([owners + 2, ver, owners + 2, ver, 2], o);
    if (S.ctxStride > SVE_CTX_FIXED) range[o + SVE_CTX.newestH] = 256;
  }
}

/** Owner bytes of the copies the SVE part adds: V copies (sve_state's V) and H copies (registers, sve_state). */
export function sveCopies(S: SveLayout, cpus: number, nCtx: number): { v: number[]; h: number[] } {
  const v: number[] = [];
  const h: number[] = [];
  for (let c = 0; c < cpus; c++) h.push(S.cpuBase + c * S.cpuStride + SVE_CPU.regHOwner);
  for (let x = 0; x < nCtx; x++) {
    v.push(S.ctxBase + x * S.ctxStride + SVE_CTX.zOwner);
    h.push(S.ctxBase + x * S.ctxStride + SVE_CTX.hOwner);
  }
  return { v, h };
}

function byte(v: number): number {
  if (v < 0 || v > 255 || !Number.isInteger(v))
    throw new Error(`explorer: SVE state value ${v} does not fit a byte`);
  return v;
}

const b = (x: boolean): number => (x ? 1 : 0);

export function encodeSve(S: SveLayout, s: MachineState, out: Uint8Array, at: number, exact: boolean): void {
  const gh = s.ghost;
  const z = gh.sve;
  if (!z) throw new Error('explorer: an SVE layout for a state without SVE');
  const newest = gh.newest;
  const isNew = (owner: number, ver: number, of: readonly number[]): number =>
    exact ? byte(ver) : owner >= 0 && owner < of.length && ver === of[owner] ? 1 : 0;
  s.cpus.forEach((cs, c) => {
    const p = cs.sve;
    if (!p) throw new Error(`explorer: CPU ${c} has no SVE state`);
    const o = at + S.cpuBase + c * S.cpuStride;
    out[o] = b(p.zen);
    out[o + 1] = byte(p.vl);
    out[o + 2] = byte(z.regHOwner[c] + 2);
    out[o + 3] = isNew(z.regHOwner[c], z.regHVer[c], z.newestH);
    for (let i = 0; i < S.cpuX; i++) out[o + SVE_CPU_FIXED + i] = byte(p.x[i]);
  });
  s.tasks.forEach((ts, t) => {
    const p = ts.sve;
    if (!p) throw new Error(`explorer: task ${t} has no SVE state`);
    const o = at + S.taskBase + t * SVE_TASK_STRIDE;
    out[o] = b(p.tif);
    out[o + 1] = byte(p.fpType);
    out[o + 2] = byte(p.vl);
    out[o + 3] = b(p.inSyscall);
    out[o + 4] = b(p.trap);
  });
  s.vcpus.forEach((vs, v) => {
    const p = vs.sve;
    if (!p) throw new Error(`explorer: vcpu ${v} has no SVE state`);
    const o = at + S.vcpuBase + v * S.vcpuStride;
    out[o] = byte(p.zcr);
    for (let i = 0; i < S.vcpuX; i++) out[o + 1 + i] = byte(p.x[i]);
  });
  for (let x = 0; x < z.zOwner.length; x++) {
    const o = at + S.ctxBase + x * S.ctxStride;
    out[o] = byte(z.zOwner[x] + 2);
    out[o + 1] = isNew(z.zOwner[x], z.zVer[x], newest);
    out[o + 2] = byte(z.hOwner[x] + 2);
    out[o + 3] = isNew(z.hOwner[x], z.hVer[x], z.newestH);
    out[o + 4] = byte(z.hDead[x]);
    if (newest[x] >= 0 !== z.newestH[x] >= 0)
      throw new Error(`explorer: context ${x}'s SVE upper state and FP data disagree on whether it has data`);
    if (exact) out[o + SVE_CTX.newestH] = byte(z.newestH[x] + 1);
  }
}

/** An owner (a context, or a task's kernel-mode state at nCtx + t) renamed by g; -1 and -2 stay. */
function renamed(nCtx: number, g: Perm, o: number): number {
  return o < 0 ? o : o < nCtx ? g.ctx[o] : nCtx + g.ctx[o - nCtx];
}

/** permuteEncoded's SVE part: blocks move with their CPU, task, vcpu or context; owners are renamed. */
export function permuteSve(
  S: SveLayout,
  nTasks: number,
  nCtx: number,
  src: Uint8Array,
  at: number,
  g: Perm,
  dst: Uint8Array,
): void {
  for (let c = 0; c < g.cpu.length; c++) {
    const o = at + S.cpuBase + c * S.cpuStride;
    const d = S.cpuBase + g.cpu[c] * S.cpuStride;
    for (let i = 0; i < S.cpuStride; i++) dst[d + i] = src[o + i];
    dst[d + 2] = renamed(nCtx, g, src[o + 2] - 2) + 2;
  }
  for (let t = 0; t < nTasks; t++) {
    const o = at + S.taskBase + t * SVE_TASK_STRIDE;
    const d = S.taskBase + g.ctx[t] * SVE_TASK_STRIDE;
    for (let i = 0; i < SVE_TASK_STRIDE; i++) dst[d + i] = src[o + i];
  }
  for (let v = nTasks; v < nCtx; v++) {
    const o = at + S.vcpuBase + (v - nTasks) * S.vcpuStride;
    const d = S.vcpuBase + (g.ctx[v] - nTasks) * S.vcpuStride;
    for (let i = 0; i < S.vcpuStride; i++) dst[d + i] = src[o + i];
  }
  for (let x = 0; x < nCtx; x++) {
    const o = at + S.ctxBase + x * S.ctxStride;
    const d = S.ctxBase + g.ctx[x] * S.ctxStride;
    for (let i = 0; i < S.ctxStride; i++) dst[d + i] = src[o + i];
    dst[d] = renamed(nCtx, g, src[o] - 2) + 2;
    dst[d + 2] = renamed(nCtx, g, src[o + 2] - 2) + 2;
  }
}

/** decode's SVE part. `hasData`: per context, whether it has FP data (abstract newestH 1, else -1). */
export function decodeSve(
  S: SveLayout,
  buf: Uint8Array,
  at: number,
  s: MachineState,
  exact: boolean,
  hasData: Uint8Array,
): void {
  const z = s.ghost.sve;
  if (!z) throw new Error('explorer: an SVE layout for a state without SVE');
  s.cpus.forEach((cs, c) => {
    const p = cs.sve;
    if (!p) throw new Error(`explorer: CPU ${c} has no SVE state`);
    const o = at + S.cpuBase + c * S.cpuStride;
    p.zen = buf[o] === 1;
    p.vl = buf[o + 1];
    z.regHOwner[c] = buf[o + 2] - 2;
    z.regHVer[c] = buf[o + 3];
    for (let i = 0; i < S.cpuX; i++) p.x[i] = buf[o + SVE_CPU_FIXED + i];
  });
  s.tasks.forEach((ts, t) => {
    const p = ts.sve;
    if (!p) throw new Error(`explorer: task ${t} has no SVE state`);
    const o = at + S.taskBase + t * SVE_TASK_STRIDE;
    p.tif = buf[o] === 1;
    p.fpType = buf[o + 1];
    p.vl = buf[o + 2];
    p.inSyscall = buf[o + 3] === 1;
    p.trap = buf[o + 4] === 1;
  });
  s.vcpus.forEach((vs, v) => {
    const p = vs.sve;
    if (!p) throw new Error(`explorer: vcpu ${v} has no SVE state`);
    const o = at + S.vcpuBase + v * S.vcpuStride;
    p.zcr = buf[o];
    for (let i = 0; i < S.vcpuX; i++) p.x[i] = buf[o + 1 + i];
  });
  for (let x = 0; x < z.zOwner.length; x++) {
    const o = at + S.ctxBase + x * S.ctxStride;
    z.zOwner[x] = buf[o] - 2;
    z.zVer[x] = buf[o + 1];
    z.hOwner[x] = buf[o + 2] - 2;
    z.hVer[x] = buf[o + 3];
    z.hDead[x] = buf[o + 4];
    z.newestH[x] = exact ? buf[o + SVE_CTX.newestH] - 1 : hasData[x] ? 1 : -1;
  }
}
