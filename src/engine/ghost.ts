// The checker: moves of FP data between registers and memory as they really happen, and the four
// violation kinds detected at the step where they happen. No kernel function reads this state.
import { kernelStorageTask, ownerName, storageName } from './config';
import { report, irqs_disabled, type K } from './kctx';
import { NOTHING, SCRATCH } from './state';
import { zeroRegsH } from './ghostH';

const cpuLabel = (c: number): string => `CPU${c}`;

export function dataText(k: K, owner: number, ver: number): string {
  if (owner === NOTHING) return 'nothing known';
  if (owner === SCRATCH) return 'kernel-mode NEON scratch';
  const id = ownerName(k.cfg, owner);
  return ver === k.s.ghost.newest[owner] ? `${id}'s newest data` : `${id}'s older data`;
}

/**
 * Whether (owner, newest) survives somewhere other than the location about to be written. On SVE
 * machines the V part of each sve_state is a copy too (skipZ: the one about to be written).
 */
function hasOtherCopy(k: K, owner: number, skipReg: number, skipMem: number, skipZ = -1): boolean {
  const g = k.s.ghost;
  const v = g.newest[owner];
  for (let c = 0; c < g.regOwner.length; c++)
    if (c !== skipReg && g.regOwner[c] === owner && g.regVer[c] === v) return true;
  for (let s = 0; s < g.memOwner.length; s++)
    if (s !== skipMem && g.memOwner[s] === owner && g.memVer[s] === v) return true;
  const z = g.sve;
  if (z)
    for (let s = 0; s < z.zOwner.length; s++)
      if (s !== skipZ && z.zOwner[s] === owner && z.zVer[s] === v) return true;
  return false;
}

/**
 * lost-update: the location held the only copy of a context's newest data and gets other data. The
 * location is CPU `reg`'s registers, storage slot `mem`, or (SVE) the V part of context `z`'s sve_state.
 */
export function checkOverwrite(
  k: K,
  owner: number,
  ver: number,
  newOwner: number,
  newVer: number,
  reg: number,
  mem: number,
  how: string,
  z = -1,
): void {
  if (owner < 0 || ver !== k.s.ghost.newest[owner]) return;
  if (owner === newOwner && ver === newVer) return;
  if (hasOtherCopy(k, owner, reg, mem, z)) return;
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
  if (k.rec)
    k.rec.change(
      { kind: 'cpu', cpu: c },
      'regs',
      `cpu${c}.regs`,
      dataText(k, g.regOwner[c], g.regVer[c]),
      dataText(k, owner, ver),
      true,
    );
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
  checkOverwrite(
    k,
    g.memOwner[storage],
    g.memVer[storage],
    o,
    v,
    -1,
    storage,
    `a save of ${dataText(k, o, v)} from ${cpuLabel(k.cpu)}`,
  );
  recordMem(k, storage, o, v);
  count(k, storage, true);
}

/** fpsimd_load_state / __fpsimd_restore_state: storage -> this CPU's registers. */
export function memoryToRegs(k: K, storage: number): void {
  const g = k.s.ghost;
  const o = g.memOwner[storage];
  const v = g.memVer[storage];
  checkOverwrite(
    k,
    g.regOwner[k.cpu],
    g.regVer[k.cpu],
    o,
    v,
    k.cpu,
    -1,
    `a load of ${storageName(k.cfg, storage)}'s state`,
  );
  recordReg(k, k.cpu, o, v);
  // Writing a V register zeroes the Z bits above it: an FPSIMD load leaves no one's H live.
  if (g.sve) zeroRegsH(k, `a load of ${storageName(k.cfg, storage)}'s FPSIMD state`);
  count(k, storage, false);
}

/** Kernel-mode NEON leaves scratch data in the registers. */
export function clobberRegs(k: K): void {
  const g = k.s.ghost;
  checkOverwrite(k, g.regOwner[k.cpu], g.regVer[k.cpu], SCRATCH, 0, k.cpu, -1, 'kernel-mode NEON');
  recordReg(k, k.cpu, SCRATCH, 0);
  if (g.sve) zeroRegsH(k, 'kernel-mode NEON');
}

/** Context ctx runs FP code on this CPU: it must find its own newest data, then writes a new version. */
export function useRegs(k: K, ctx: number): void {
  const g = k.s.ghost;
  const o = g.regOwner[k.cpu];
  const v = g.regVer[k.cpu];
  const id = ownerName(k.cfg, ctx);
  // A kernel-mode NEON section's first use only writes: it has nothing to read yet.
  if (g.newest[ctx] < 0) {
    /* nothing to read */
  } else if (o === ctx && v !== g.newest[ctx])
    report(
      k,
      'stale-read',
      ctx,
      `${id} ran FP code on ${cpuLabel(k.cpu)} whose registers held its older data, not its newest.`,
    );
  else if (o === NOTHING || o === SCRATCH)
    report(
      k,
      'stale-read',
      ctx,
      `${id} ran FP code on ${cpuLabel(k.cpu)} whose registers held ${dataText(k, o, v)}, not its data.`,
    );
  else if (o !== ctx)
    report(
      k,
      'leak',
      ctx,
      `${id} ran FP code on ${cpuLabel(k.cpu)} whose registers held ${dataText(k, o, v)}.`,
      o,
    );
  const nv = g.newest[ctx] + 1;
  // Superseding one's own data is no loss; overwriting someone else's only copy is.
  if (o !== ctx) checkOverwrite(k, o, v, ctx, nv, k.cpu, -1, `${id}'s FP code`);
  if (k.rec) {
    const c = { kind: 'context' as const, id };
    k.rec.change(c, 'newest version', `${id}.newest version`, String(g.newest[ctx]), String(nv), true);
    k.rec.change(
      { kind: 'cpu', cpu: k.cpu },
      'regs',
      `cpu${k.cpu}.regs`,
      dataText(k, o, v),
      `${id}'s newest data`,
      true,
    );
  }
  g.newest[ctx] = nv;
  g.regOwner[k.cpu] = ctx;
  g.regVer[k.cpu] = nv;
}

/** The CPU loses power: its registers' contents are destroyed (nothing known afterwards). */
export function loseRegs(k: K): void {
  const g = k.s.ghost;
  checkOverwrite(
    k,
    g.regOwner[k.cpu],
    g.regVer[k.cpu],
    NOTHING,
    0,
    k.cpu,
    -1,
    `${cpuLabel(k.cpu)} losing power`,
  );
  recordReg(k, k.cpu, NOTHING, 0);
  if (g.sve) zeroRegsH(k, `${cpuLabel(k.cpu)} losing power`);
}

/**
 * The kernel writes a new version of task t's FP data into its memory (exec, sigreturn, ptrace): the
 * old data is replaced on purpose, so its loss is no violation; every other copy is now older.
 */
export function writeTaskMemory(k: K, t: number): void {
  const g = k.s.ghost;
  const nv = g.newest[t] + 1;
  const mo = g.memOwner[t];
  if (mo !== t)
    checkOverwrite(k, mo, g.memVer[t], t, nv, -1, t, `a new version of ${ownerName(k.cfg, t)}'s state`);
  if (k.rec) {
    const id = ownerName(k.cfg, t);
    k.rec.change(
      { kind: 'context', id },
      'newest version',
      `${id}.newest version`,
      String(g.newest[t]),
      String(nv),
      true,
    );
  }
  g.newest[t] = nv;
  recordMem(k, t, t, nv);
}

/**
 * The kernel zeroes task t's thread.uw.fpsimd_state without meaning to replace t's data (v6.16's
 * sve_set_common() zeroing current's instead of the tracee's): a lost update if it held the only copy.
 */
export function zeroTaskMemory(k: K, t: number, how: string): void {
  const g = k.s.ghost;
  checkOverwrite(k, g.memOwner[t], g.memVer[t], NOTHING, 0, -1, t, how);
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
  for (let c = 0; c < g.regOwner.length; c++)
    if (g.regOwner[c] === owner) {
      if (k.rec)
        k.rec.change(
          { kind: 'cpu', cpu: c },
          'regs',
          `cpu${c}.regs`,
          dataText(k, owner, g.regVer[c]),
          dataText(k, SCRATCH, 0),
          true,
        );
      g.regOwner[c] = SCRATCH;
      g.regVer[c] = 0;
    }
  for (let s = 0; s < g.memOwner.length; s++) if (g.memOwner[s] === owner) recordMem(k, s, NOTHING, 0);
  g.newest[owner] = -1;
}
