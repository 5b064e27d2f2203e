// The checker: moves of FP data between registers and memory as they really happen, and the four
// violation kinds detected at the step where they happen. No kernel function reads this state.
import { kernelStorageTask, ownerName, storageName } from './config';
import { cpuChange, report, irqs_disabled, type K } from './kctx';
import { NOTHING, SCRATCH } from './state';
import { cpuLabel, holdsAt, zeroRegsH } from './ghostH';

export function dataText(k: K, owner: number, ver: number): string {
  if (owner === NOTHING) return 'nothing known';
  if (owner === SCRATCH) return 'kernel-mode NEON scratch';
  const id = ownerName(k.cfg, owner);
  return ver === k.s.ghost.newest[owner] ? `${id}'s newest data` : `${id}'s older data`;
}

/**
 * lost-update: whether writing (newOwner, newVer) over (owner, ver) at a location loses the only copy
 * of owner's newest data. The location is CPU `reg`'s registers, storage slot `mem`, or (SVE) the V
 * part of context `z`'s sve_state: every other copy is looked for (each sve_state's V is one too).
 */
export function loses(
  k: K,
  owner: number,
  ver: number,
  newOwner: number,
  newVer: number,
  reg: number,
  mem: number,
  z = -1,
): boolean {
  const g = k.s.ghost;
  if (owner < 0 || ver !== g.newest[owner] || (owner === newOwner && ver === newVer)) return false;
  return !(
    holdsAt(g.regOwner, g.regVer, owner, ver, reg) ||
    holdsAt(g.memOwner, g.memVer, owner, ver, mem) ||
    (g.sve !== undefined && holdsAt(g.sve.zOwner, g.sve.zVer, owner, ver, z))
  );
}

/** Reports the lost update `loses` found; `how`: what overwrote it (built only then). */
export function reportLost(k: K, owner: number, reg: number, mem: number, z: number, how: string): void {
  const where =
    reg >= 0
      ? `${cpuLabel(reg)}'s registers`
      : z >= 0
        ? `its in-memory SVE copy (${k.cfg.contexts[z].id}'s sve_state)`
        : `its in-memory copy (${storageName(k.cfg, mem)})`;
  report(
    k,
    'lost-update',
    owner,
    `${ownerName(k.cfg, owner)}'s newest FP data, held only in ${where}, was overwritten by ${how}.`,
  );
}

export function recordReg(k: K, c: number, owner: number, ver: number): void {
  const g = k.s.ghost;
  if (k.rec) cpuChange(k, 'regs', dataText(k, g.regOwner[c], g.regVer[c]), dataText(k, owner, ver), true, c);
  g.regOwner[c] = owner;
  g.regVer[c] = ver;
}

function recordMem(k: K, s: number, owner: number, ver: number): void {
  const g = k.s.ghost;
  if (k.rec) {
    const name = storageName(k.cfg, s);
    const kt = kernelStorageTask(k.cfg, s);
    const target =
      s < k.cfg.contexts.length
        ? { kind: 'context' as const, id: name }
        : kt >= 0
          ? { kind: 'context' as const, id: k.cfg.contexts[kt].id }
          : { kind: 'cpu' as const, cpu: s - k.cfg.contexts.length };
    k.rec.change(
      target,
      'memory',
      `${name}.memory`,
      dataText(k, g.memOwner[s], g.memVer[s]),
      dataText(k, owner, ver),
      true,
    );
  }
  g.memOwner[s] = owner;
  g.memVer[s] = ver;
}

/**
 * A new version of owner's data is written (by its code, the kernel, a tracer): its newest version
 * is raised, which makes every other copy older. Returns the new version.
 */
export function bumpNewest(k: K, owner: number): number {
  const g = k.s.ghost;
  const nv = g.newest[owner] + 1;
  if (k.rec) {
    const id = ownerName(k.cfg, owner);
    const c = { kind: 'context' as const, id };
    k.rec.change(c, 'newest version', `${id}.newest version`, String(g.newest[owner]), String(nv), true);
  }
  g.newest[owner] = nv;
  return nv;
}

export function count(k: K, storage: number, save: boolean): void {
  const c = k.s.counters;
  const guest = storage >= k.cfg.nTasks && storage < k.cfg.contexts.length;
  if (save) {
    if (guest) c.guestSaves++;
    else c.hostSaves++;
  } else if (guest) c.guestRestores++;
  else c.hostRestores++;
  if (irqs_disabled(k)) c.irqsOffSaveRestores++;
}

/** fpsimd_save_state / __fpsimd_save_state: this CPU's registers -> storage. */
export function regsToMemory(k: K, storage: number): void {
  const g = k.s.ghost;
  const o = g.regOwner[k.cpu];
  const v = g.regVer[k.cpu];
  if (loses(k, g.memOwner[storage], g.memVer[storage], o, v, -1, storage))
    reportLost(
      k,
      g.memOwner[storage],
      -1,
      storage,
      -1,
      `a save of ${dataText(k, o, v)} from ${cpuLabel(k.cpu)}`,
    );
  recordMem(k, storage, o, v);
  count(k, storage, true);
}

/** Whether this CPU's registers getting (owner, ver) loses the only newest copy of what they hold. */
const losesRegs = (k: K, owner: number, ver: number): boolean =>
  loses(k, k.s.ghost.regOwner[k.cpu], k.s.ghost.regVer[k.cpu], owner, ver, k.cpu, -1);

/** fpsimd_load_state / __fpsimd_restore_state: storage -> this CPU's registers. */
export function memoryToRegs(k: K, storage: number): void {
  const g = k.s.ghost;
  const o = g.memOwner[storage];
  const v = g.memVer[storage];
  if (losesRegs(k, o, v))
    reportLost(k, g.regOwner[k.cpu], k.cpu, -1, -1, `a load of ${storageName(k.cfg, storage)}'s state`);
  recordReg(k, k.cpu, o, v);
  // Writing a V register zeroes the Z bits above it: an FPSIMD load leaves no one's H live.
  if (g.sve) zeroRegsH(k, `a load of ${storageName(k.cfg, storage)}'s FPSIMD state`);
  count(k, storage, false);
}

/** Kernel-mode NEON leaves scratch data in the registers. */
export function clobberRegs(k: K): void {
  const g = k.s.ghost;
  if (losesRegs(k, SCRATCH, 0)) reportLost(k, g.regOwner[k.cpu], k.cpu, -1, -1, 'kernel-mode NEON');
  recordReg(k, k.cpu, SCRATCH, 0);
  if (g.sve) zeroRegsH(k, 'kernel-mode NEON');
}

/** Context ctx runs FP code on this CPU: it must find its own newest data, then writes a new version. */
export function useRegs(k: K, ctx: number): void {
  const g = k.s.ghost;
  const o = g.regOwner[k.cpu];
  const v = g.regVer[k.cpu];
  // A kernel-mode NEON section's first use only writes: it has nothing to read yet.
  if (g.newest[ctx] < 0) {
    /* nothing to read */
  } else if (o === ctx && v !== g.newest[ctx])
    report(
      k,
      'stale-read',
      ctx,
      `${ownerName(k.cfg, ctx)} ran FP code on ${cpuLabel(k.cpu)} whose registers held its older data, not its newest.`,
    );
  else if (o === NOTHING || o === SCRATCH)
    report(
      k,
      'stale-read',
      ctx,
      `${ownerName(k.cfg, ctx)} ran FP code on ${cpuLabel(k.cpu)} whose registers held ${dataText(k, o, v)}, not its data.`,
    );
  else if (o !== ctx)
    report(
      k,
      'leak',
      ctx,
      `${ownerName(k.cfg, ctx)} ran FP code on ${cpuLabel(k.cpu)} whose registers held ${dataText(k, o, v)}.`,
      o,
    );
  // Superseding one's own data is no loss; overwriting someone else's only copy is.
  if (o !== ctx && loses(k, o, v, ctx, g.newest[ctx] + 1, k.cpu, -1))
    reportLost(k, o, k.cpu, -1, -1, `${ownerName(k.cfg, ctx)}'s FP code`);
  const before = k.rec ? dataText(k, o, v) : '';
  const nv = bumpNewest(k, ctx);
  if (k.rec) cpuChange(k, 'regs', before, `${ownerName(k.cfg, ctx)}'s newest data`, true);
  g.regOwner[k.cpu] = ctx;
  g.regVer[k.cpu] = nv;
}

/** The CPU loses power: its registers' contents are destroyed (nothing known afterwards). */
export function loseRegs(k: K): void {
  const g = k.s.ghost;
  if (losesRegs(k, NOTHING, 0))
    reportLost(k, g.regOwner[k.cpu], k.cpu, -1, -1, `${cpuLabel(k.cpu)} losing power`);
  recordReg(k, k.cpu, NOTHING, 0);
  if (g.sve) zeroRegsH(k, `${cpuLabel(k.cpu)} losing power`);
}

/**
 * The kernel writes a new version of task t's FP data into its memory (exec, sigreturn, ptrace): the
 * old data is replaced on purpose, so its loss is no violation; every other copy is now older.
 */
export function writeTaskMemory(k: K, t: number): void {
  const g = k.s.ghost;
  const mo = g.memOwner[t];
  if (mo !== t && loses(k, mo, g.memVer[t], t, g.newest[t] + 1, -1, t))
    reportLost(k, mo, -1, t, -1, `a new version of ${ownerName(k.cfg, t)}'s state`);
  recordMem(k, t, t, bumpNewest(k, t));
}

/**
 * The kernel zeroes task t's thread.uw.fpsimd_state without meaning to replace t's data (v6.16's
 * sve_set_common() zeroing current's instead of the tracee's): a lost update if it held the only copy.
 */
export function zeroTaskMemory(k: K, t: number, how: string): void {
  const g = k.s.ghost;
  if (loses(k, g.memOwner[t], g.memVer[t], NOTHING, 0, -1, t)) reportLost(k, g.memOwner[t], -1, t, -1, how);
  recordMem(k, t, NOTHING, 0);
}

/** The kernel reads task t's FP data from its memory (a signal frame, ptrace): it must be the newest. */
export function readTaskMemory(k: K, t: number, what: string): void {
  const g = k.s.ghost;
  if (g.memOwner[t] === t && g.memVer[t] === g.newest[t]) return;
  report(
    k,
    'stale-read',
    t,
    `${what} read ${ownerName(k.cfg, t)}'s in-memory FP state, which held ${dataText(k, g.memOwner[t], g.memVer[t])}, not its newest data.`,
  );
}

/**
 * A kernel-mode NEON section ends: its data is dead. Copies of it become scratch (registers) or
 * nothing (memory), so no loss is reported for it afterwards.
 */
export function killKernelData(k: K, owner: number): void {
  const g = k.s.ghost;
  for (let c = 0; c < g.regOwner.length; c++) if (g.regOwner[c] === owner) recordReg(k, c, SCRATCH, 0);
  for (let s = 0; s < g.memOwner.length; s++) if (g.memOwner[s] === owner) recordMem(k, s, NOTHING, 0);
  g.newest[owner] = -1;
}
