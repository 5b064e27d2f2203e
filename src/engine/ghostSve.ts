// The checker's SVE part (machines with "sve": true): the H part of each context's data (Z above bit
// 128, P, FFR) moving between the registers and sve_state, and the same four violation kinds for it.
// The V part (the low 128 bits of Z) stays in ghost.ts's arrays; sve_state's V copy is tracked here.
// H that the ABI has made dead (hDead: after a syscall, exec or a VL change, until H is written again)
// is never reported lost or stale.
import { bumpNewest, count, dataText, loses, recordReg, reportLost, useRegs } from './ghost';
import { checkOverwriteH, cpuLabel, hText, recordRegH, sveGhost, zeroRegsH } from './ghostH';
import { contextChange, report, type K } from './kctx';
import { NOTHING } from './state';

export { hText, zeroRegsH };

function recordZ(k: K, ctx: number, owner: number, ver: number): void {
  const g = sveGhost(k);
  if (k.rec)
    contextChange(
      k,
      ctx,
      'sve_state V',
      dataText(k, g.zOwner[ctx], g.zVer[ctx]),
      dataText(k, owner, ver),
      true,
    );
  g.zOwner[ctx] = owner;
  g.zVer[ctx] = ver;
}

function recordH(k: K, ctx: number, owner: number, ver: number): void {
  const g = sveGhost(k);
  if (k.rec)
    contextChange(k, ctx, 'sve_state H', hText(k, g.hOwner[ctx], g.hVer[ctx]), hText(k, owner, ver), true);
  g.hOwner[ctx] = owner;
  g.hVer[ctx] = ver;
}

const deadText = (dead: boolean): string => (dead ? 'dead (ABI)' : 'live');

function setDead(k: K, ctx: number, dead: boolean): void {
  const g = sveGhost(k);
  if (k.rec && Boolean(g.hDead[ctx]) !== dead)
    contextChange(k, ctx, 'SVE upper state', deadText(Boolean(g.hDead[ctx])), deadText(dead), true);
  g.hDead[ctx] = dead ? 1 : 0;
}

/** sve_flush_live(): zero the live Z high bits, P and FFR of this CPU. */
export function sveFlushLive(k: K): void {
  zeroRegsH(k, 'sve_flush_live()');
}

/** sve_save_state(): this CPU's registers (V and H) -> ctx's sve_state. */
export function regsToSveMemory(k: K, ctx: number): void {
  const g = k.s.ghost;
  const z = sveGhost(k);
  const o = g.regOwner[k.cpu];
  const v = g.regVer[k.cpu];
  const how = `an SVE save of ${cpuLabel(k.cpu)}'s registers`;
  if (loses(k, z.zOwner[ctx], z.zVer[ctx], o, v, -1, -1, ctx)) reportLost(k, z.zOwner[ctx], -1, -1, ctx, how);
  recordZ(k, ctx, o, v);
  checkOverwriteH(k, how, z.hOwner[ctx], z.hVer[ctx], z.regHOwner[k.cpu], z.regHVer[k.cpu], -1, ctx);
  recordH(k, ctx, z.regHOwner[k.cpu], z.regHVer[k.cpu]);
  count(k, ctx, true);
}

/** sve_load_state(): ctx's sve_state (V and H) -> this CPU's registers. */
export function sveMemoryToRegs(k: K, ctx: number): void {
  const g = k.s.ghost;
  const z = sveGhost(k);
  const how = `an SVE load of ${k.cfg.contexts[ctx].id}'s sve_state`;
  if (loses(k, g.regOwner[k.cpu], g.regVer[k.cpu], z.zOwner[ctx], z.zVer[ctx], k.cpu, -1))
    reportLost(k, g.regOwner[k.cpu], k.cpu, -1, -1, how);
  recordReg(k, k.cpu, z.zOwner[ctx], z.zVer[ctx]);
  checkOverwriteH(k, how, z.regHOwner[k.cpu], z.regHVer[k.cpu], z.hOwner[ctx], z.hVer[ctx], k.cpu, -1);
  recordRegH(k, k.cpu, z.hOwner[ctx], z.hVer[ctx]);
  count(k, ctx, false);
}

/** sve_to_fpsimd(): copy V from ctx's sve_state into its fpsimd_state (memory to memory). */
export function sveToFpsimd(k: K, ctx: number): void {
  const g = k.s.ghost;
  const z = sveGhost(k);
  if (loses(k, g.memOwner[ctx], g.memVer[ctx], z.zOwner[ctx], z.zVer[ctx], -1, ctx))
    reportLost(k, g.memOwner[ctx], -1, ctx, -1, 'sve_to_fpsimd()');
  g.memOwner[ctx] = z.zOwner[ctx];
  g.memVer[ctx] = z.zVer[ctx];
  if (k.rec)
    contextChange(
      k,
      ctx,
      'memory',
      '(before sve_to_fpsimd)',
      dataText(k, g.memOwner[ctx], g.memVer[ctx]),
      true,
    );
}

/** fpsimd_to_sve(): copy V from ctx's fpsimd_state into the low bits of its sve_state (H kept). */
export function fpsimdToSve(k: K, ctx: number): void {
  const g = k.s.ghost;
  const z = sveGhost(k);
  if (loses(k, z.zOwner[ctx], z.zVer[ctx], g.memOwner[ctx], g.memVer[ctx], -1, -1, ctx))
    reportLost(k, z.zOwner[ctx], -1, -1, ctx, 'fpsimd_to_sve()');
  recordZ(k, ctx, g.memOwner[ctx], g.memVer[ctx]);
}

/**
 * sve_alloc(task, true) or a freshly allocated sve_state: ctx's sve_state becomes zeros (V and H),
 * a lost update of whatever newest copy only it held. `replaced`: the caller writes a whole new state
 * right after (a tracer's NT_ARM_SVE write), so the old one is dropped on purpose and not checked.
 */
export function zeroSveState(k: K, ctx: number, how: string, replaced = false): void {
  const z = sveGhost(k);
  if (!replaced && loses(k, z.zOwner[ctx], z.zVer[ctx], NOTHING, 0, -1, -1, ctx))
    reportLost(k, z.zOwner[ctx], -1, -1, ctx, how);
  recordZ(k, ctx, NOTHING, 0);
  if (!replaced) checkOverwriteH(k, how, z.hOwner[ctx], z.hVer[ctx], NOTHING, 0, -1, ctx);
  recordH(k, ctx, NOTHING, 0);
}

/** The H of ctx becomes dead by the ABI (syscall, exec, a vector length change). */
export function discardH(k: K, ctx: number): void {
  setDead(k, ctx, true);
}

/** H of ctx is read by ctx's own code on this CPU (inside useRegsSve). */
function readRegsH(k: K, ctx: number): void {
  const z = sveGhost(k);
  if (z.hDead[ctx]) return;
  const o = z.regHOwner[k.cpu];
  const v = z.regHVer[k.cpu];
  const id = k.cfg.contexts[ctx].id;
  if (o === ctx && v === z.newestH[ctx]) return;
  if (o >= 0 && o !== ctx && !z.hDead[o])
    report(
      k,
      'leak',
      ctx,
      `${id} ran SVE code on ${cpuLabel(k.cpu)} whose registers held ${hText(k, o, v)}.`,
      o,
    );
  else
    report(
      k,
      'stale-read',
      ctx,
      `${id} ran SVE code on ${cpuLabel(k.cpu)} whose registers held ${hText(k, o, v)} above the low 128 bits, not its newest: the upper bits are gone.`,
    );
}

/**
 * ctx runs SVE code on this CPU: it reads and writes V and H. `vl`: the vector length ctx expects,
 * compared with the CPU's (a task's own; -1: not checked).
 */
export function useRegsSve(k: K, ctx: number, vl = -1): void {
  const cpuVl = k.s.cpus[k.cpu].sve?.vl ?? vl;
  if (vl >= 0 && cpuVl !== vl)
    report(
      k,
      'stale-read',
      ctx,
      `${k.cfg.contexts[ctx].id} ran SVE code on ${cpuLabel(k.cpu)} at a vector length other than its own: its registers were loaded at the wrong length.`,
    );
  readRegsH(k, ctx);
  useRegs(k, ctx);
  const z = sveGhost(k);
  const o = z.regHOwner[k.cpu];
  const nv = z.newestH[ctx] + 1;
  if (o !== ctx)
    checkOverwriteH(k, `${k.cfg.contexts[ctx].id}'s SVE code`, o, z.regHVer[k.cpu], ctx, nv, k.cpu, -1);
  z.newestH[ctx] = nv;
  setDead(k, ctx, false);
  recordRegH(k, k.cpu, ctx, nv);
}

/** A tracer writes task t's SVE registers (NT_ARM_SVE) into its sve_state: new V and H versions. */
export function writeTaskSve(k: K, t: number): void {
  const z = sveGhost(k);
  const nv = bumpNewest(k, t);
  const nh = z.newestH[t] + 1;
  z.newestH[t] = nh;
  setDead(k, t, false);
  recordZ(k, t, t, nv);
  recordH(k, t, t, nh);
}

/** The kernel reads task t's sve_state (ptrace, a signal frame's SVE record): V and live H must be newest. */
export function readTaskSve(k: K, t: number, what: string): void {
  const g = k.s.ghost;
  const z = sveGhost(k);
  const id = k.cfg.contexts[t].id;
  if (z.zOwner[t] !== t || z.zVer[t] !== g.newest[t])
    report(
      k,
      'stale-read',
      t,
      `${what} read ${id}'s sve_state, whose low 128 bits held ${dataText(k, z.zOwner[t], z.zVer[t])}, not its newest data.`,
    );
  else if (!z.hDead[t] && (z.hOwner[t] !== t || z.hVer[t] !== z.newestH[t]))
    report(
      k,
      'stale-read',
      t,
      `${what} read ${id}'s sve_state, whose upper bits held ${hText(k, z.hOwner[t], z.hVer[t])}, not its newest.`,
    );
}
