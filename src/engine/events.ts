// Event ops: when each is legal (and why not, in words), and the calls each one makes.
// The scheduler, entry code and run loop are the same in every era; the era supplies the FP functions,
// reached only through eraHook() so that opHooks.ts lists every hook each op runs.
import { contextIndex, type MachineConfig } from './config';
import { clobberRegs, useRegs } from './ghost';
import { enter, leave, set_current, set_irqs_off, set_mode, set_vcpu_in_run, type K } from './kctx';
import { eraHook } from './opHooks';
import { busyReason, inRunOf, runLifecycle, sectionReason, who, whyIllegalLifecycle } from './lifecycle';
import { discardH, useRegsSve } from './ghostSve';
import { set_in_syscall } from './kctxSve';
import { runSve, whyIllegalSve } from './sveOps';
import { isLifecycleOp, isSveOp } from './ops';
import type { MachineState } from './state';
import type { Op, ScenarioEvent } from './types';

const vcpuOf = (cfg: MachineConfig, t: number): number =>
  t >= 0 && t < cfg.nTasks ? cfg.contexts[t].partner : -1;

/** Null when ev is legal in state s; otherwise the failed precondition, in words. */
export function whyIllegal(cfg: MachineConfig, s: MachineState, ev: ScenarioEvent): string | null {
  // (x | 0) === x: an integer in int32 range, as Number.isInteger with the range check below, cheaper.
  if ((ev.cpu | 0) !== ev.cpu || ev.cpu < 0 || ev.cpu >= cfg.cpus)
    return `CPU ${String(ev.cpu)} does not exist (the scenario has ${cfg.cpus} CPU${cfg.cpus > 1 ? 's' : ''})`;
  const c = s.cpus[ev.cpu];
  const cur = c.current;
  // The hot path (replay, the explorer): names are built only when an event is refused, and the ops
  // of lifecycle.ts and sveOps.ts (checked there) are told apart only after this switch's own.
  const op = ev.op;
  switch (op) {
    case 'schedule': {
      if (ev.task === undefined) return 'schedule needs a "task"';
      const t = contextIndex(cfg, ev.task);
      if (t === undefined || t >= cfg.nTasks) return `no task "${ev.task}" (a schedule names a host task)`;
      if (c.mode === 'guest') return `CPU${ev.cpu} is in the guest with IRQs off; the guest must exit first`;
      if (t === cur) return `${ev.task} is already current on CPU${ev.cpu}`;
      const busy = busyReason(s, ev.cpu, 'a context switch');
      if (busy) return busy;
      let other = -1;
      for (let i = 0; i < s.cpus.length; i++) if (s.cpus[i].current === t) other = i;
      if (other >= 0) return `${ev.task} is current on CPU${other}; a task runs on one CPU at a time`;
      return null;
    }
    case 'ret_to_user':
      if (cur < 0) return `CPU${ev.cpu} is idle: no task to return to user space`;
      if (cfg.contexts[cur].kind === 'kthread')
        return `${who(cfg, cur)} is a kernel thread and never returns to user space`;
      if (c.mode !== 'kernel') return `${who(cfg, cur)} is in ${c.mode} mode, not in the kernel`;
      if (inRunOf(cfg, s, cur))
        return `${who(cfg, cur)} is inside KVM_RUN (vcpu loaded); vcpu_put must come first`;
      if (s.tasks[cur].sve?.trap)
        return `${who(cfg, cur)}'s trapped SVE access has not been handled; do_sve_acc runs before the return to user space`;
      return sectionReason(cfg, s, cur, 'the return to user space');
    case 'syscall':
    case 'user_fp':
      if (c.mode !== 'user') return `CPU${ev.cpu} is not running a task in user space (mode: ${c.mode})`;
      return null;
    case 'kernel_neon':
      if (cur < 0) return `CPU${ev.cpu} is idle: no task to use kernel-mode NEON (softirq_neon can)`;
      if (c.mode !== 'kernel') return `${who(cfg, cur)} is in ${c.mode} mode, not in the kernel`;
      return sectionReason(cfg, s, cur, 'another kernel_neon_begin (no nesting in task context)');
    case 'softirq_neon':
      if (c.mode === 'guest' || c.irqsOff)
        return `CPU${ev.cpu} has IRQs disabled (in the guest); no softirq can run`;
      return busyReason(
        s,
        ev.cpu,
        'softirq NEON (may_use_simd() is false: the softirq would take its non-NEON fallback)',
      );
    case 'vcpu_load': {
      const v = vcpuOf(cfg, cur);
      if (v < 0) return `${who(cfg, cur)} does not run a vcpu`;
      if (inRunOf(cfg, s, cur)) return `${who(cfg, cur)}'s vcpu is already loaded (inside KVM_RUN)`;
      // SVE machines: KVM_RUN may also resume in the kernel, inside its syscall (after a ptrace stop).
      if (c.mode === 'kernel' && s.tasks[cur].sve?.inSyscall)
        return sectionReason(cfg, s, cur, 'KVM_RUN') ?? busyReason(s, ev.cpu, 'KVM_RUN');
      if (c.mode !== 'user')
        return `${who(cfg, cur)} must be in user space to issue KVM_RUN (mode: ${c.mode})`;
      return null;
    }
    case 'guest_enter':
    case 'vcpu_put': {
      const v = vcpuOf(cfg, cur);
      if (v < 0) return `${who(cfg, cur)} does not run a vcpu`;
      if (!inRunOf(cfg, s, cur))
        return op === 'vcpu_put'
          ? `${who(cfg, cur)}'s vcpu is not loaded`
          : `${who(cfg, cur)}'s vcpu is not loaded; vcpu_load (KVM_RUN) first`;
      if (c.mode !== 'kernel') return `${who(cfg, cur)} is in ${c.mode} mode, not in the run loop`;
      return null;
    }
    case 'guest_fp':
    case 'guest_exit':
      if (c.mode !== 'guest') return `CPU${ev.cpu} is not in a guest (mode: ${c.mode})`;
      return null;
    default: {
      if (isLifecycleOp(op)) return whyIllegalLifecycle(cfg, s, ev, op);
      if (isSveOp(op)) return whyIllegalSve(cfg, s, ev, op);
      // A new op must say here when it is legal: the compiler points at this line until it does.
      const never: never = op;
      return `unknown op "${String(never)}"`;
    }
  }
}

/** Applies a legal event to k.s in place, through the era's kernel functions. */
export function runEvent(k: K, ev: ScenarioEvent): void {
  const { cfg, s, era } = k;
  const c = s.cpus[k.cpu];
  const cur = c.current;
  const v = vcpuOf(cfg, cur);
  const op: Op = ev.op;
  switch (op) {
    case 'schedule': {
      const next = contextIndex(cfg, ev.task as string) as number;
      enter(k, '__schedule', 'kernel/sched/core.c');
      set_irqs_off(k, true); // run-queue lock held
      if (v >= 0 && s.vcpus[v - cfg.nTasks].inRun) {
        enter(k, 'kvm_sched_out', 'virt/kvm/kvm_main.c');
        eraHook(k, op, 'sched_out')(k, v);
        leave(k);
      }
      enter(k, '__switch_to', 'arch/arm64/kernel/process.c');
      eraHook(k, op, 'fpsimd_thread_switch')(k, next);
      leave(k);
      set_current(k, next);
      set_mode(k, 'kernel');
      set_irqs_off(k, false); // finish_task_switch() drops the lock
      const nv = vcpuOf(cfg, next);
      if (nv >= 0 && s.vcpus[nv - cfg.nTasks].inRun) {
        enter(k, 'kvm_sched_in', 'virt/kvm/kvm_main.c');
        eraHook(k, op, 'sched_in')(k, nv);
        leave(k);
      }
      leave(k);
      return;
    }
    case 'ret_to_user':
      if (cfg.sve && s.tasks[cur].sve?.inSyscall) syscallExit(k, op);
      returnToUser(k, op);
      set_mode(k, 'user');
      return;
    case 'syscall':
      set_mode(k, 'kernel');
      if (cfg.sve) syscallEntry(k, op);
      return;
    case 'user_fp':
      useRegs(k, cur);
      return;
    case 'kernel_neon':
      eraHook(k, op, 'kernel_neon_begin')(k);
      clobberRegs(k);
      eraHook(k, op, 'kernel_neon_end')(k);
      return;
    case 'softirq_neon':
      enter(k, '__do_softirq', 'kernel/softirq.c');
      k.bh++;
      eraHook(k, op, 'kernel_neon_begin')(k);
      clobberRegs(k);
      eraHook(k, op, 'kernel_neon_end')(k);
      k.bh--;
      leave(k);
      // The interrupted user task goes back through the return-to-user path.
      if (c.mode === 'user') returnToUser(k, op);
      return;
    case 'vcpu_load':
      // From user space KVM_RUN is a syscall: on SVE machines its entry discards as any syscall's.
      if (cfg.sve && c.mode === 'user') {
        set_mode(k, 'kernel');
        syscallEntry(k, op);
      }
      enter(k, 'kvm_vcpu_ioctl', 'virt/kvm/kvm_main.c');
      set_mode(k, 'kernel');
      eraHook(k, op, 'kvm_run_enter')(k, v);
      set_vcpu_in_run(k, v, true, s.vcpus[v - cfg.nTasks].mapped);
      leave(k);
      return;
    case 'guest_enter':
      enter(k, 'kvm_arch_vcpu_ioctl_run', era.runLoopFile);
      set_irqs_off(k, true); // local_irq_disable()
      eraHook(k, op, 'guest_entry')(k, v);
      set_mode(k, 'guest');
      leave(k);
      return;
    case 'guest_fp':
      if (c.fpTrap) {
        s.counters.fpTraps++;
        eraHook(k, op, 'guest_fp_trap')(k, v);
      }
      // An SVE vcpu's guest code reads and writes its whole SVE state.
      if (cfg.contexts[v].sve) useRegsSve(k, v);
      else useRegs(k, v);
      return;
    case 'guest_exit':
      enter(k, 'kvm_arch_vcpu_ioctl_run', era.runLoopFile);
      set_mode(k, 'kernel');
      eraHook(k, op, 'guest_exit')(k, v);
      set_irqs_off(k, false); // local_irq_enable()
      leave(k);
      return;
    case 'vcpu_put':
      enter(k, 'kvm_arch_vcpu_ioctl_run', era.runLoopFile);
      eraHook(k, op, 'kvm_run_exit')(k, v);
      set_vcpu_in_run(k, v, false, s.vcpus[v - cfg.nTasks].mapped);
      leave(k);
      return;
    default: {
      if (isLifecycleOp(op)) return runLifecycle(k, ev, op);
      if (isSveOp(op)) return runSve(k, ev, op);
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}

/** do_notify_resume(): reload the FP state if TIF_FOREIGN_FPSTATE says the registers are not ours. */
function returnToUser(k: K, op: 'ret_to_user' | 'softirq_neon'): void {
  const t = k.s.cpus[k.cpu].current;
  if (t < 0 || !k.s.tasks[t].foreign) return;
  enter(k, 'do_notify_resume', 'arch/arm64/kernel/signal.c');
  eraHook(k, op, 'fpsimd_restore_current_state')(k);
  leave(k);
}

/** SVE machines: el0_svc's entry. The ABI makes the SVE state above V dead; then the era's hook. */
function syscallEntry(k: K, op: 'syscall' | 'vcpu_load'): void {
  const t = k.s.cpus[k.cpu].current;
  set_in_syscall(k, t, true);
  discardH(k, t);
  const h = eraHook(k, op, 'syscall_entry');
  if (!h) return;
  enter(k, 'el0_svc', 'arch/arm64/kernel/entry-common.c');
  h(k);
  leave(k);
}

/** SVE machines: the end of el0_svc before the return to user (v6.16: fpsimd_syscall_exit()). */
function syscallExit(k: K, op: 'ret_to_user'): void {
  const t = k.s.cpus[k.cpu].current;
  const h = eraHook(k, op, 'syscall_exit');
  if (h) {
    enter(k, 'el0_svc', 'arch/arm64/kernel/entry-common.c');
    h(k);
    leave(k);
  }
  set_in_syscall(k, t, false);
}
