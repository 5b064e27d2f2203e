// The machine state: what the kernel knows (per CPU, task, vcpu) and, kept apart, the ghost truth.
import type { MachineConfig } from './config';
import type { Counters, Mode } from './types';

export interface CpuState {
  /** Current task (context index), -1 when idle. */
  current: number;
  mode: Mode;
  irqsOff: boolean;
  /** CPTR_EL2.TFP: the guest's FP accesses trap to hyp (meaningful in guest mode). */
  fpTrap: boolean;
  /** fpsimd_last_state.st: storage index last loaded into or bound to this CPU, -1 = NULL. */
  lastState: number;
  /** kernel_neon_busy */
  neonBusy: boolean;
  /** Era-specific per-CPU fields (see Era.fields), e.g. the host_data fp_owner of v6.13 and later. */
  x: number[];
  /** SVE machines only (cfg.sve). */
  sve?: CpuSve;
}

/** SVE vector lengths: the model's two abstract values (the spec's `max` and `min`). */
export const VL_MAX = 0;
export const VL_MIN = 1;
export const VL_NAMES: readonly string[] = ['max', 'min'];

/** fp_type (since v6.2): the format of a task's or vcpu's saved state. */
export const FP_STATE_FPSIMD = 0;
export const FP_STATE_SVE = 1;
export const FP_TYPE_NAMES: readonly string[] = ['FP_STATE_FPSIMD', 'FP_STATE_SVE'];

export interface CpuSve {
  /** CPACR_EL1.ZEN's EL0 bit: user space may execute SVE without trapping (sve_user_enable()). */
  zen: boolean;
  /** The vector length the host's SVE instructions use now (ZCR_EL1, or ZCR_EL2 under VHE). */
  vl: number;
  /** Era-specific per-CPU SVE fields (Era.fields with `sve: true`), e.g. cpu_fp_state's to_save. */
  x: number[];
}

export interface TaskSve {
  /** TIF_SVE */
  tif: boolean;
  /** thread.fp_type (eras since v6.2; earlier eras leave it FP_STATE_FPSIMD). */
  fpType: number;
  /** The task's vector length (thread.vl[ARM64_VEC_SVE]), VL_MAX or VL_MIN. */
  vl: number;
  /** in_syscall(): the task entered the kernel by a syscall and has not returned to user. */
  inSyscall: boolean;
  /** A trapped SVE access whose handler (do_sve_acc) has not run yet. */
  trap: boolean;
}

export interface VcpuSve {
  /** The vector length the guest chose in its ZCR_EL1 (VL_MAX until guest_zcr). */
  zcr: number;
  /** Era-specific per-vcpu SVE fields (Era.fields with `sve: true`), e.g. v4.18's HOST_SVE_IN_USE. */
  x: number[];
}

export interface TaskState {
  /** thread.fpsimd_cpu (v4.16 and before: fpsimd_state.cpu); -1 = NR_CPUS (invalid). */
  cpuField: number;
  /** TIF_FOREIGN_FPSTATE */
  foreign: boolean;
  /**
   * Between kernel_neon_begin and kernel_neon_end (the model's record of an open section; v4.x keeps
   * it only as the CPU's kernel_neon_busy with preemption off).
   */
  section: boolean;
  /** TIF_KERNEL_FPSTATE (since v6.8): the kernel-mode state is switched with the task. */
  kernelFpstate: boolean;
  /** thread.kernel_fpsimd_cpu (since v6.8): the CPU that last saved the kernel-mode state; -1 = none. */
  kernelCpu: number;
  /** Pending signal frames on the task's user stack (each holds a copy of its FP state). */
  frames: number;
  /** SVE machines only (cfg.sve). */
  sve?: TaskSve;
}

export function newTaskState(): TaskState {
  return { cpuField: -1, foreign: true, section: false, kernelFpstate: false, kernelCpu: -1, frames: 0 };
}

export interface VcpuState {
  /** The host thread is inside KVM_RUN (vcpu_load ... vcpu_put), whether or not it is running. */
  inRun: boolean;
  /** kvm_arch_vcpu_run_map_fp has mapped the host thread into hyp. */
  mapped: boolean;
  /** Era-specific per-vcpu fields (see Era.fields), e.g. v4.18's KVM_ARM64_FP_ENABLED. */
  x: number[];
  /** SVE machines only (cfg.sve). */
  sve?: VcpuSve;
}

/** Data in a register file or memory copy: owner -1 = nothing known, -2 = kernel-mode NEON scratch. */
export const NOTHING = -1;
export const SCRATCH = -2;

/** What the checker knows and the kernel does not: whose data is where, and which version is newest. */
export interface GhostState {
  /**
   * Newest version of each owner's data (-1: none, e.g. kthreads): contexts first, then each host
   * task's kernel-mode NEON data (config.ts: kernelOwner), -1 outside an open section's first use.
   */
  newest: number[];
  regOwner: number[];
  regVer: number[];
  /** Per storage slot (contexts, then per-CPU host contexts). */
  memOwner: number[];
  memVer: number[];
  /** SVE machines only (cfg.sve): the H part of the data (ghostSve.ts). */
  sve?: SveGhost;
}

/**
 * The SVE part of the ghost. A context's data is V (the FPSIMD view, the low 128 bits of Z, in the
 * arrays above) and H (Z above bit 128, P, FFR), versioned apart. Owners in these arrays are context
 * indices. regOwner/memOwner above keep V of the registers and of thread.uw.fpsimd_state (vcpu:
 * fp_regs); thread.sve_state (vcpu: sve_state) holds V and H, tracked here as two copies.
 */
export interface SveGhost {
  /** Per CPU: whose H the registers hold (NOTHING: zero or unknown). */
  regHOwner: number[];
  regHVer: number[];
  /** Per context: the V part of its sve_state. */
  zOwner: number[];
  zVer: number[];
  /** Per context: the H part of its sve_state. */
  hOwner: number[];
  hVer: number[];
  /** Per context: newest version of its H (-1: none, kernel threads). */
  newestH: number[];
  /** Per context: 1 when its H is dead by the ABI (after a syscall, exec, a VL change) until written. */
  hDead: number[];
}

export interface MachineState {
  cpus: CpuState[];
  /** Per context index < nTasks. */
  tasks: TaskState[];
  /** Per vcpu, index = context index - nTasks. */
  vcpus: VcpuState[];
  ghost: GhostState;
  counters: Counters;
}

export function zeroCounters(): Counters {
  return {
    hostSaves: 0,
    hostRestores: 0,
    guestSaves: 0,
    guestRestores: 0,
    fpTraps: 0,
    irqsOffSaveRestores: 0,
  };
}

/**
 * n copies of v in a packed array: `new Array(n).fill(v)` makes a holey one, a second array kind beside
 * the packed ones (map, push, slice) at every read of the ghost's arrays (ghostH.ts: holdsAt).
 */
function filled(n: number, v: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(v);
  return a;
}

/** The initial state of docs/formats.md: all data in memory, nothing in registers, every flag set. */
export function initialState(
  cfg: MachineConfig,
  cpuX: number[],
  vcpuX: number[],
  sveX: { cpu: number[]; vcpu: number[] } | null = null,
): MachineState {
  const nCtx = cfg.contexts.length;
  const cpus: CpuState[] = [];
  for (let c = 0; c < cfg.cpus; c++) {
    const cur = cfg.start[c];
    const cpu: CpuState = {
      current: cur,
      mode: cur < 0 ? 'idle' : 'kernel',
      irqsOff: false,
      fpTrap: false,
      lastState: -1,
      neonBusy: false,
      x: cpuX.slice(),
    };
    if (sveX) cpu.sve = { zen: false, vl: VL_MAX, x: sveX.cpu.slice() };
    cpus.push(cpu);
  }
  const tasks: TaskState[] = [];
  for (let t = 0; t < cfg.nTasks; t++) {
    const ts = newTaskState();
    if (sveX) ts.sve = newTaskSve();
    tasks.push(ts);
  }
  const vcpus: VcpuState[] = [];
  for (let v = cfg.nTasks; v < nCtx; v++) {
    const vs: VcpuState = { inRun: false, mapped: false, x: vcpuX.slice() };
    if (sveX) vs.sve = { zcr: VL_MAX, x: sveX.vcpu.slice() };
    vcpus.push(vs);
  }
  const newest = cfg.contexts.map((c) => (c.kind === 'kthread' ? -1 : 0));
  for (let t = 0; t < cfg.nTasks; t++) newest.push(-1);
  const memOwner: number[] = [];
  const memVer: number[] = [];
  for (let s = 0; s < cfg.nStorages; s++) {
    const has = s < nCtx && newest[s] >= 0;
    memOwner.push(has ? s : NOTHING);
    memVer.push(0);
  }
  const ghost: GhostState = {
    newest,
    regOwner: filled(cfg.cpus, NOTHING),
    regVer: filled(cfg.cpus, 0),
    memOwner,
    memVer,
  };
  if (sveX) ghost.sve = initialSveGhost(cfg);
  return { cpus, tasks, vcpus, ghost, counters: zeroCounters() };
}

export function newTaskSve(): TaskSve {
  return { tif: false, fpType: FP_STATE_FPSIMD, vl: VL_MAX, inSyscall: false, trap: false };
}

/**
 * No context has used SVE yet: H is dead everywhere (zero by the ABI, so nothing to lose or read
 * stale), sve_state holds nothing, except an SVE vcpu's, which KVM allocates and loads from: it holds
 * the same initial V as fp_regs.
 */
function initialSveGhost(cfg: MachineConfig): SveGhost {
  const n = cfg.contexts.length;
  const zOwner = cfg.contexts.map((c, i) => (c.sve ? i : NOTHING));
  return {
    regHOwner: filled(cfg.cpus, NOTHING),
    regHVer: filled(cfg.cpus, 0),
    zOwner,
    zVer: filled(n, 0),
    hOwner: filled(n, NOTHING),
    hVer: filled(n, 0),
    newestH: cfg.contexts.map((c) => (c.kind === 'kthread' ? -1 : 0)),
    hDead: filled(n, 1),
  };
}

// The deep copy lives in stateClone.ts (this file keeps the types and the initial state).
export { cloneState } from './stateClone';
