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

/** The initial state of docs/formats.md: all data in memory, nothing in registers, every flag set. */
export function initialState(cfg: MachineConfig, cpuX: number[], vcpuX: number[]): MachineState {
  const nCtx = cfg.contexts.length;
  const cpus: CpuState[] = [];
  for (let c = 0; c < cfg.cpus; c++) {
    const cur = cfg.start[c];
    cpus.push({
      current: cur,
      mode: cur < 0 ? 'idle' : 'kernel',
      irqsOff: false,
      fpTrap: false,
      lastState: -1,
      neonBusy: false,
      x: cpuX.slice(),
    });
  }
  const tasks: TaskState[] = [];
  for (let t = 0; t < cfg.nTasks; t++) tasks.push(newTaskState());
  const vcpus: VcpuState[] = [];
  for (let v = cfg.nTasks; v < nCtx; v++) vcpus.push({ inRun: false, mapped: false, x: vcpuX.slice() });
  const newest = cfg.contexts.map((c) => (c.kind === 'kthread' ? -1 : 0));
  for (let t = 0; t < cfg.nTasks; t++) newest.push(-1);
  const memOwner: number[] = [];
  const memVer: number[] = [];
  for (let s = 0; s < cfg.nStorages; s++) {
    const has = s < nCtx && newest[s] >= 0;
    memOwner.push(has ? s : NOTHING);
    memVer.push(0);
  }
  return {
    cpus,
    tasks,
    vcpus,
    ghost: {
      newest,
      regOwner: new Array<number>(cfg.cpus).fill(NOTHING),
      regVer: new Array<number>(cfg.cpus).fill(0),
      memOwner,
      memVer,
    },
    counters: zeroCounters(),
  };
}

/** A deep copy; written by hand because it is on the checkpoint and explorer paths. */
export function cloneState(s: MachineState): MachineState {
  return {
    cpus: s.cpus.map((c) => ({ ...c, x: c.x.slice() })),
    tasks: s.tasks.map((t) => ({
      cpuField: t.cpuField,
      foreign: t.foreign,
      section: t.section,
      kernelFpstate: t.kernelFpstate,
      kernelCpu: t.kernelCpu,
      frames: t.frames,
    })),
    vcpus: s.vcpus.map((v) => ({ inRun: v.inRun, mapped: v.mapped, x: v.x.slice() })),
    ghost: {
      newest: s.ghost.newest.slice(),
      regOwner: s.ghost.regOwner.slice(),
      regVer: s.ghost.regVer.slice(),
      memOwner: s.ghost.memOwner.slice(),
      memVer: s.ghost.memVer.slice(),
    },
    counters: { ...s.counters },
  };
}
