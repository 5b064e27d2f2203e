// Plain views of the SVE state (machines with "sve": true) for the JSON output and the UI: per CPU the
// vector length, EL0 SVE and whose upper state (H) the registers hold; per task and vcpu where its V
// and H are, whether its H is live or dead by the ABI, and whether its live H is gone (no copy left).
import { ownerName, type MachineConfig } from './config';
import { FP_TYPE_NAMES, NOTHING, VL_NAMES, type MachineState, type SveGhost } from './state';

/**
 * A context's H: `dead` by the ABI (after a syscall, exec or a VL change, until written again);
 * `live` with its newest version somewhere; `gone`: live, and no register file nor sve_state holds
 * its newest version (the upper bits were lost).
 */
export type HState = 'live' | 'dead' | 'gone';

/** One copy of H (a CPU's registers or a context's sve_state): whose, and how new. */
export type HCopyState = 'newest' | 'stale' | 'dead' | 'zero';

export interface CpuSveView {
  /** The vector length the host's SVE instructions use now (ZCR), `max` or `min`. */
  vl: string;
  /** CPACR_EL1.ZEN's EL0 bit: user SVE runs without trapping. */
  el0Sve: boolean;
  /** The registers' H (Z above bit 128, P, FFR): whose, and its state. */
  regsH: { owner: string | null; state: HCopyState };
}

export interface ContextSveView {
  /** The context's H: live, dead by the ABI, or gone. */
  h: HState;
  /** Where its newest live H is (e.g. `CPU0`, `sve_state`); empty when dead or gone. */
  hIn: string[];
  /** thread.sve_state (vcpu: its sve_state): its V copy (none: holds no one's data yet); its H copy. */
  sveStateV: 'newest' | 'stale' | 'none';
  sveStateH: HCopyState;
  /** Tasks: TIF_SVE, the task's VL, in_syscall(), a pending SVE trap; fp_type in eras that have it. */
  TIF_SVE?: boolean;
  fp_type?: string;
  vl?: string;
  inSyscall?: boolean;
  trapPending?: boolean;
  /** vcpus: the vector length the guest chose (its ZCR_EL1). */
  guestZcr?: string;
}

function copyState(g: SveGhost, owner: number, ver: number): HCopyState {
  if (owner === NOTHING || owner < 0) return 'zero';
  if (g.hDead[owner]) return 'dead';
  return ver === g.newestH[owner] ? 'newest' : 'stale';
}

export function describeCpuSve(cfg: MachineConfig, s: MachineState, cpu: number): CpuSveView {
  const c = s.cpus[cpu].sve;
  const g = s.ghost.sve as SveGhost;
  const o = g.regHOwner[cpu];
  return {
    vl: VL_NAMES[c?.vl ?? 0],
    el0Sve: c?.zen ?? false,
    regsH: { owner: o >= 0 ? ownerName(cfg, o) : null, state: copyState(g, o, g.regHVer[cpu]) },
  };
}

export function describeContextSve(
  cfg: MachineConfig,
  s: MachineState,
  i: number,
  fpType: boolean,
): ContextSveView {
  const g = s.ghost.sve as SveGhost;
  const newest = g.newestH[i];
  const hIn: string[] = [];
  if (!g.hDead[i] && newest >= 0) {
    for (let c = 0; c < g.regHOwner.length; c++)
      if (g.regHOwner[c] === i && g.regHVer[c] === newest) hIn.push(`CPU${c}`);
    if (g.hOwner[i] === i && g.hVer[i] === newest) hIn.push('sve_state');
  }
  const h: HState = g.hDead[i] || newest < 0 ? 'dead' : hIn.length > 0 ? 'live' : 'gone';
  const view: ContextSveView = {
    h,
    hIn,
    sveStateV:
      g.zOwner[i] === NOTHING
        ? 'none'
        : g.zOwner[i] === i && g.zVer[i] === s.ghost.newest[i]
          ? 'newest'
          : 'stale',
    sveStateH: copyState(g, g.hOwner[i], g.hVer[i]),
  };
  if (i < cfg.nTasks) {
    const t = s.tasks[i].sve;
    if (t) {
      view.TIF_SVE = t.tif;
      if (fpType) view.fp_type = FP_TYPE_NAMES[t.fpType];
      view.vl = VL_NAMES[t.vl];
      view.inSyscall = t.inSyscall;
      view.trapPending = t.trap;
    }
  } else {
    const v = s.vcpus[i - cfg.nTasks].sve;
    if (v) view.guestZcr = VL_NAMES[v.zcr];
  }
  return view;
}
