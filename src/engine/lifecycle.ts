// The ops added with kernel-mode NEON sections and task lifecycle events: when each is legal (the
// precondition in words) and what each runs. events.ts dispatches to these; the era supplies the
// FP functions, so the same sequence runs each era's kernel code.
import { contextIndex, kernelOwner, type MachineConfig } from './config';
import { killKernelData, loseRegs, readTaskMemory, useRegs, writeTaskMemory } from './ghost';
import { discardH } from './ghostSve';
import { set_in_syscall } from './kctxSve';
import {
  analogue,
  enter,
  leave,
  fixed,
  on,
  set_current,
  set_irqs_off,
  set_mode,
  set_section,
  set_signal_frames,
  stmt,
  type K,
} from './kctx';
import { eraHook } from './opHooks';
import type { LifecycleOp } from './ops';
import type { MachineState } from './state';
import type { ScenarioEvent } from './types';

const vcpuOf = (cfg: MachineConfig, t: number): number =>
  t >= 0 && t < cfg.nTasks ? cfg.contexts[t].partner : -1;

/** The name of task t (or of the idle task) in a refusal: built only on refusal (the hot path). */
export const who = (cfg: MachineConfig, t: number): string => (t < 0 ? 'the idle task' : cfg.contexts[t].id);

/** Whether task t is a vcpu thread inside KVM_RUN. */
export function inRunOf(cfg: MachineConfig, s: MachineState, t: number): boolean {
  const v = vcpuOf(cfg, t);
  return v >= 0 && s.vcpus[v - cfg.nTasks].inRun;
}

/** Why the CPU's open v4.x section (kernel_neon_busy, preemption off) forbids an op, or null. */
export function busyReason(s: MachineState, cpu: number, what: string): string | null {
  return s.cpus[cpu].neonBusy
    ? `CPU${cpu} is inside a kernel-mode NEON section: kernel_neon_begin() set kernel_neon_busy and disabled preemption, so ${what} must wait for kernel_neon_end`
    : null;
}

/** The section reason for the current task (any era), or null. */
export function sectionReason(cfg: MachineConfig, s: MachineState, t: number, what: string): string | null {
  return t >= 0 && t < cfg.nTasks && s.tasks[t].section
    ? `${cfg.contexts[t].id} is inside a kernel-mode NEON section; ${what} must wait for kernel_neon_end`
    : null;
}

/** Null when the lifecycle event ev is legal in state s; otherwise the failed precondition. */
export function whyIllegalLifecycle(
  cfg: MachineConfig,
  s: MachineState,
  ev: ScenarioEvent,
  op: LifecycleOp,
): string | null {
  const c = s.cpus[ev.cpu];
  const cur = c.current;
  if (op === 'cpu_suspend')
    return cur < 0 ? null : `CPU${ev.cpu} runs ${who(cfg, cur)}; only an idle CPU is suspended (idle first)`;
  if (cur < 0) return `CPU${ev.cpu} is idle: no task to run ${op}`;
  if (c.mode !== 'kernel') return `${who(cfg, cur)} is in ${c.mode} mode, not in the kernel`;
  const ts = s.tasks[cur];
  switch (op) {
    case 'kernel_neon_begin':
      if (inRunOf(cfg, s, cur))
        return `${who(cfg, cur)} is inside KVM_RUN (vcpu loaded); the run loop uses no kernel-mode NEON`;
      if (ts.section)
        return `${who(cfg, cur)}'s section is already open; kernel-mode NEON does not nest in task context`;
      return busyReason(s, ev.cpu, 'another section');
    case 'kernel_fp':
    case 'kernel_neon_end':
      return ts.section
        ? null
        : `${who(cfg, cur)} has no open kernel-mode NEON section; kernel_neon_begin first`;
    case 'signal':
    case 'sigreturn':
    case 'exec':
    case 'ptrace_setfp':
    case 'idle': {
      if (op !== 'ptrace_setfp' && op !== 'idle' && cfg.contexts[cur].kind === 'kthread')
        return `${who(cfg, cur)} is a kernel thread: it has no user FP state (no signals to user, no exec)`;
      if (inRunOf(cfg, s, cur))
        return `${who(cfg, cur)} is inside KVM_RUN (vcpu loaded); vcpu_put must come first`;
      const why = sectionReason(cfg, s, cur, op) ?? busyReason(s, ev.cpu, op);
      if (why) return why;
      if (op === 'sigreturn' && ts.frames === 0)
        return `${who(cfg, cur)} has no pending signal frame to return from`;
      if (op === 'signal' && cfg.maxSignalFrames !== undefined && ts.frames >= cfg.maxSignalFrames)
        return `${who(cfg, cur)} already has ${ts.frames} pending signal frames, the bound of this search`;
      if (op === 'ptrace_setfp') return whyIllegalTracee(cfg, s, ev, op);
      return null;
    }
    default: {
      const never: never = op;
      return `unknown op "${String(never)}"`;
    }
  }
}

/** Why task ev.task cannot be the tracee of a ptrace op now (it must be stopped), or null. */
export function whyIllegalTracee(
  cfg: MachineConfig,
  s: MachineState,
  ev: ScenarioEvent,
  op: 'ptrace_setfp' | 'ptrace_setsve' | 'ptrace_getsve',
): string | null {
  if (ev.task === undefined) return `${op} needs a "task" (the tracee)`;
  const t = contextIndex(cfg, ev.task);
  if (t === undefined || t >= cfg.nTasks) return `no task "${ev.task}" (a tracee is a host task)`;
  if (cfg.contexts[t].kind === 'kthread') return `${ev.task} is a kernel thread: it cannot be traced`;
  for (let i = 0; i < s.cpus.length; i++)
    if (s.cpus[i].current === t) return `${ev.task} is current on CPU${i}, so it is not stopped for ptrace`;
  const v = vcpuOf(cfg, t);
  if (v >= 0 && s.vcpus[v - cfg.nTasks].inRun)
    return `${ev.task} is inside KVM_RUN, so it is not stopped for ptrace`;
  // Between an SVE access trap and its handler the task is running kernel code, not in a ptrace stop.
  if (s.tasks[t].sve?.trap)
    return `${ev.task} has a trapped SVE access to handle, so it is not stopped for ptrace`;
  return sectionReason(cfg, s, t, 'a ptrace stop');
}

/** Applies a legal lifecycle event to k.s in place. */
export function runLifecycle(k: K, ev: ScenarioEvent, op: LifecycleOp): void {
  const { cfg, s } = k;
  const cur = s.cpus[k.cpu].current;
  switch (op) {
    case 'kernel_neon_begin':
      eraHook(k, op, 'kernel_neon_begin')(k);
      set_section(k, cur, true);
      return;
    case 'kernel_fp':
      useRegs(k, kernelOwner(cfg, cur));
      return;
    case 'kernel_neon_end':
      eraHook(k, op, 'kernel_neon_end')(k);
      killKernelData(k, kernelOwner(cfg, cur));
      set_section(k, cur, false);
      return;
    case 'signal': {
      // do_signal(): forget_syscall() before handle_signal(), so in_syscall() is false from here.
      if (cfg.sve) set_in_syscall(k, cur, false);
      enter(k, 'setup_rt_frame', 'arch/arm64/kernel/signal.c');
      eraHook(k, op, 'fpsimd_preserve_current_state')(k);
      // SVE machines: the era writes the frame's FP records (which copy it reads is era code).
      const frame = cfg.sve ? eraHook(k, op, 'setup_sigframe_fp') : undefined;
      if (frame) frame(k);
      else {
        stmt(k, 'write-frame');
        readTaskMemory(k, cur, 'preserve_fpsimd_context() (the signal frame)');
      }
      set_signal_frames(k, cur, s.tasks[cur].frames + 1);
      leave(k);
      return;
    }
    case 'sigreturn': {
      // rt_sigreturn is a syscall (its entry made H dead); restore_sigframe() calls forget_syscall().
      if (cfg.sve) {
        discardH(k, cur);
        set_in_syscall(k, cur, false);
      }
      enter(k, 'restore_sigframe', 'arch/arm64/kernel/signal.c');
      // v6.16 saves and flushes current's live state first (929fa99b1215's series).
      const flush = eraHook(k, op, 'restore_sigframe');
      if (flush) flush(k);
      enter(k, 'restore_fpsimd_context', 'arch/arm64/kernel/signal.c');
      eraHook(k, op, 'fpsimd_update_current_state')(k);
      leave(k);
      set_signal_frames(k, cur, s.tasks[cur].frames - 1);
      leave(k);
      return;
    }
    case 'exec':
      // exec discards the SVE state above V by the ABI (the new image starts with none).
      if (cfg.sve) discardH(k, cur);
      enter(k, 'flush_thread', 'arch/arm64/kernel/process.c');
      eraHook(k, op, 'fpsimd_flush_thread')(k);
      leave(k);
      if (s.tasks[cur].frames) set_signal_frames(k, cur, 0); // the old stack is gone
      return;
    case 'ptrace_setfp': {
      const t = contextIndex(cfg, ev.task as string) as number;
      enter(k, 'fpr_set', 'arch/arm64/kernel/ptrace.c');
      // __fpr_set() starts from the tracee's saved state (a partial write keeps the rest); with SVE it
      // first brings thread.uw.fpsimd_state up to date from sve_state, and fpr_set() then zero-pads the
      // new V registers into sve_state (era hooks: which flag or format each era tests).
      const toFpsimd = cfg.sve ? eraHook(k, op, 'sve_sync_to_fpsimd') : undefined;
      if (toFpsimd) toFpsimd(k, t);
      readTaskMemory(k, t, '__fpr_set()');
      stmt(k, 'write');
      writeTaskMemory(k, t); // target->thread.uw.fpsimd_state = newstate
      const zeropad = cfg.sve ? eraHook(k, op, 'sve_sync_from_fpsimd_zeropad') : undefined;
      if (zeropad) zeropad(k, t);
      // fixed(): v6.15/pre-751ecf6afd65, an analogue of CVE-2024-50275 (a saved-state write that
      // leaves the registers bound; see eras/v6_15.ts).
      if (on(k, 'ptrace-flush') && (fixed(k, '751ecf6afd65') || !analogue(k, '751ecf6afd65'))) {
        stmt(k, 'flush-task');
        eraHook(k, op, 'fpsimd_flush_task_state')(k, t);
      }
      leave(k);
      return;
    }
    case 'idle':
      enter(k, '__schedule', 'kernel/sched/core.c');
      set_irqs_off(k, true); // run-queue lock held
      enter(k, '__switch_to', 'arch/arm64/kernel/process.c');
      eraHook(k, op, 'fpsimd_thread_switch')(k, -1);
      leave(k);
      set_current(k, -1);
      set_mode(k, 'idle');
      set_irqs_off(k, false);
      leave(k);
      return;
    case 'cpu_suspend':
      enter(k, 'cpu_pm_enter', 'kernel/cpu_pm.c');
      set_irqs_off(k, true); // the idle path suspends with IRQs off
      eraHook(k, op, 'cpu_pm_enter')(k);
      leave(k);
      loseRegs(k);
      set_irqs_off(k, false); // CPU_PM_EXIT: nothing for FPSIMD
      return;
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}
