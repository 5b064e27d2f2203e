// The H part of the ghost's registers and memory (ghostSve.ts), kept apart so that ghost.ts can zero
// the registers' H on an FPSIMD load without an import cycle.
import { cpuChange, report, type K } from './kctx';
import { NOTHING, type SveGhost } from './state';

export const cpuLabel = (c: number): string => `CPU${c}`;

export function sveGhost(k: K): SveGhost {
  const g = k.s.ghost.sve;
  if (!g) throw new Error('no SVE on this machine: guard with system_supports_sve(k)');
  return g;
}

/** Words for an H value. */
export function hText(k: K, owner: number, ver: number): string {
  if (owner < 0) return 'zero (no one\u2019s SVE state)';
  const id = k.cfg.contexts[owner].id;
  return ver === sveGhost(k).newestH[owner]
    ? `${id}'s newest SVE upper state`
    : `${id}'s older SVE upper state`;
}

/** Whether owners/vers hold (owner, ver) at an index other than skip: a copy elsewhere (ghost.ts too). */
export function holdsAt(
  owners: readonly number[],
  vers: readonly number[],
  owner: number,
  ver: number,
  skip: number,
): boolean {
  for (let i = 0; i < owners.length; i++)
    if (i !== skip && owners[i] === owner && vers[i] === ver) return true;
  return false;
}

/** lost-update of H: CPU `reg`'s registers or context `z`'s sve_state held the only copy of live H. */
export function checkOverwriteH(
  k: K,
  how: string,
  owner: number,
  ver: number,
  newOwner: number,
  newVer: number,
  reg: number,
  z: number,
): void {
  const g = sveGhost(k);
  if (owner < 0 || g.hDead[owner] || ver !== g.newestH[owner] || (owner === newOwner && ver === newVer))
    return;
  if (holdsAt(g.regHOwner, g.regHVer, owner, ver, reg) || holdsAt(g.hOwner, g.hVer, owner, ver, z)) return;
  const id = k.cfg.contexts[owner].id;
  const where = reg >= 0 ? `${cpuLabel(reg)}'s registers` : `its sve_state in memory`;
  report(
    k,
    'lost-update',
    owner,
    `${id}'s newest SVE state above the low 128 bits (Z high bits, P, FFR), held only in ${where}, was overwritten by ${how}: the upper bits are gone.`,
  );
}

export function recordRegH(k: K, c: number, owner: number, ver: number): void {
  const g = sveGhost(k);
  if (k.rec) cpuChange(k, 'regs H', hText(k, g.regHOwner[c], g.regHVer[c]), hText(k, owner, ver), true, c);
  g.regHOwner[c] = owner;
  g.regHVer[c] = ver;
}

/** The registers' H becomes zero (an FPSIMD load, kernel-mode NEON, power loss, sve_flush_live()). */
export function zeroRegsH(k: K, how: string): void {
  const g = sveGhost(k);
  checkOverwriteH(k, how, g.regHOwner[k.cpu], g.regHVer[k.cpu], NOTHING, 0, k.cpu, -1);
  recordRegH(k, k.cpu, NOTHING, 0);
}
