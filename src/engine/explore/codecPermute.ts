// Symmetry renaming on the explorer's encoding (codec.ts): a state's bytes rewritten as the encoding of the
// same state with CPUs and contexts renamed, without decoding it.
import { TASK_STRIDE, type Layout } from './codec';
import { permuteSve } from './codecSve';
import type { Perm } from './symmetry';

/** Storage slot st renamed by g: a context's moves with it, a per-CPU one with its CPU, a kernel-mode
 * one with its task. */
function renamedSlot(L: Layout, g: Perm, st: number): number {
  const nCtx = L.nCtx;
  const kBase = nCtx + L.cpus;
  return st < nCtx ? g.ctx[st] : st < kBase ? nCtx + g.cpu[st - nCtx] : kBase + g.ctx[st - kBase];
}

/** Owner o (a context, or a task's kernel-mode state) renamed by g. */
function renamedOwner(L: Layout, g: Perm, o: number): number {
  return o < L.nCtx ? g.ctx[o] : L.nCtx + g.ctx[o - L.nCtx];
}

/**
 * Writes the encoding of g.s (s renamed by the symmetry g) into dst, from s's encoding in src: blocks
 * move to their new CPU, task, vcpu or storage slot, and bytes naming a CPU, context or slot are renamed.
 */
export function permuteEncoded(L: Layout, src: Uint8Array, at: number, g: Perm, dst: Uint8Array): void {
  const pc = g.cpu;
  const px = g.ctx;
  const nCtx = L.nCtx;
  // No closures here: this runs for every successor and renaming, and a closure per call costs more
  // than the renaming itself once a transpiler wraps each one to keep its name (tsx does).
  for (let c = 0; c < L.cpus; c++) {
    const o = at + c * L.cpuStride;
    const d = pc[c] * L.cpuStride;
    for (let i = 0; i < L.cpuStride; i++) dst[d + i] = src[o + i];
    const cur = src[o] - 1;
    dst[d] = cur < 0 ? 0 : px[cur] + 1;
    const ls = src[o + 4] - 1;
    dst[d + 4] = ls < 0 ? 0 : renamedSlot(L, g, ls) + 1;
    const ro = src[o + 6] - 2;
    dst[d + 6] = ro < 0 ? ro + 2 : renamedOwner(L, g, ro) + 2;
  }
  for (let t = 0; t < L.nTasks; t++) {
    const o = at + L.taskBase + t * TASK_STRIDE;
    const d = L.taskBase + px[t] * TASK_STRIDE;
    const cf = src[o] - 1;
    dst[d] = cf < 0 ? 0 : pc[cf] + 1;
    dst[d + 1] = src[o + 1];
    dst[d + 2] = src[o + 2];
    dst[d + 3] = src[o + 3];
    const kc = src[o + 4] - 1;
    dst[d + 4] = kc < 0 ? 0 : pc[kc] + 1;
    dst[d + 5] = src[o + 5];
  }
  for (let v = L.nTasks; v < nCtx; v++) {
    const o = at + L.vcpuBase + (v - L.nTasks) * L.vcpuStride;
    const d = L.vcpuBase + (px[v] - L.nTasks) * L.vcpuStride;
    for (let i = 0; i < L.vcpuStride; i++) dst[d + i] = src[o + i];
  }
  for (let st = 0; st < L.nStorages; st++) {
    const o = at + L.memBase + st * 2;
    const d = L.memBase + renamedSlot(L, g, st) * 2;
    const mo = src[o] - 2;
    dst[d] = mo < 0 ? mo + 2 : renamedOwner(L, g, mo) + 2;
    dst[d + 1] = src[o + 1];
  }
  if (L.exact) for (let x = 0; x < nCtx; x++) dst[L.newestBase + px[x]] = src[at + L.newestBase + x];
  // TASK.kernel's newest (exact) or live flag (abstract) moves with its task.
  const kb = L.newestBase + (L.exact ? nCtx : 0);
  for (let t = 0; t < L.nTasks; t++) dst[kb + px[t]] = src[at + kb + t];
  if (L.sve) permuteSve(L.sve, L.nTasks, nCtx, src, at, g, dst);
}
