// The SVE ops (machines with "sve": true): when each is legal, in words, and what each runs. The
// entry code is the same in every era; the era supplies do_sve_acc(), sve_set_current_vl(), the ptrace
// functions and the syscall hooks (era.ts), reached only through eraHook().
import { contextIndex, type MachineConfig } from './config';
import { discardH, readTaskSve, useRegsSve, writeTaskSve } from './ghostSve';
import { enter, leave, set_mode, stmt, type K } from './kctx';
import { set_cpu_vl, set_guest_zcr, set_sve_trap, set_task_vl, taskSve } from './kctxSve';
import { busyReason, sectionReason, whyIllegalTracee } from './lifecycle';
import { eraHook } from './opHooks';
import { VL_MAX, VL_MIN, type MachineState } from './state';
import type { SveOp } from './ops';
import type { ScenarioEvent } from './types';

const vcpuOf = (cfg: MachineConfig, t: number): number =>
  t >= 0 && t < cfg.nTasks ? cfg.contexts[t].partner : -1;

/** Null when the SVE event ev is legal in state s; otherwise the failed precondition. */
export function whyIllegalSve(
  cfg: MachineConfig,
  s: MachineState,
  ev: ScenarioEvent,
  op: SveOp,
): string | null {
  if (!cfg.sve) return `${op} needs a machine with SVE ("sve": true in the scenario)`;
  const c = s.cpus[ev.cpu];
  const cur = c.current;
  const name = cur < 0 ? 'the idle task' : cfg.contexts[cur].id;
  const v = vcpuOf(cfg, cur);
  const inRun = v >= 0 && s.vcpus[v - cfg.nTasks].inRun;
  switch (op) {
    case 'user_sve':
      if (c.mode !== 'user') return `CPU${ev.cpu} is not running a task in user space (mode: ${c.mode})`;
      return null;
    case 'guest_zcr':
      if (c.mode !== 'guest') return `CPU${ev.cpu} is not in a guest (mode: ${c.mode})`;
      if (!cfg.contexts[v].sve)
        return `${cfg.contexts[v].id} is not an SVE vcpu ("vcpuSve": true on its thread)`;
      if (s.vcpus[v - cfg.nTasks].sve?.zcr === VL_MIN)
        return `${cfg.contexts[v].id}'s guest already uses the shorter vector length`;
      return null;
    case 'do_sve_acc':
      if (cur < 0) return `CPU${ev.cpu} is idle: no task with a trapped SVE access`;
      if (c.mode !== 'kernel') return `${name} is in ${c.mode} mode, not in the kernel`;
      if (!s.tasks[cur].sve?.trap)
        return `${name} has no trapped SVE access pending (user_sve with EL0 SVE trapped first)`;
      return null;
    case 'prctl_set_vl':
    case 'ptrace_setsve':
    case 'ptrace_getsve': {
      if (cur < 0) return `CPU${ev.cpu} is idle: no task to run ${op}`;
      if (c.mode !== 'kernel') return `${name} is in ${c.mode} mode, not in the kernel`;
      if (cfg.contexts[cur].kind === 'kthread') return `${name} is a kernel thread: it makes no syscalls`;
      if (inRun) return `${name} is inside KVM_RUN (vcpu loaded); vcpu_put must come first`;
      if (!s.tasks[cur].sve?.inSyscall)
        return `${name} is not in a syscall (${op === 'prctl_set_vl' ? 'prctl' : 'ptrace'} is one: syscall first)`;
      const why = sectionReason(cfg, s, cur, op) ?? busyReason(s, ev.cpu, op);
      if (why) return why;
      return op === 'prctl_set_vl' ? null : whyIllegalTracee(cfg, s, ev, op);
    }
    default: {
      const never: never = op;
      return `unknown op "${String(never)}"`;
    }
  }
}

/** Applies a legal SVE event to k.s in place. */
export function runSve(k: K, ev: ScenarioEvent, op: SveOp): void {
  const { cfg, s } = k;
  const c = s.cpus[k.cpu];
  const cur = c.current;
  switch (op) {
    case 'user_sve':
      if (c.sve?.zen) {
        useRegsSve(k, cur, taskSve(k, cur).vl);
        return;
      }
      // CPACR_EL1.ZEN traps EL0 SVE: the task enters the kernel with the access handler to run.
      enter(k, 'el0_sve_acc', 'arch/arm64/kernel/entry-common.c');
      set_mode(k, 'kernel');
      set_sve_trap(k, cur, true);
      leave(k);
      return;
    case 'do_sve_acc': {
      enter(k, 'el0_sve_acc', 'arch/arm64/kernel/entry-common.c');
      const h = eraHook(k, op, 'do_sve_acc');
      if (h) h(k);
      set_sve_trap(k, cur, false);
      leave(k);
      return;
    }
    case 'prctl_set_vl': {
      enter(k, 'sve_set_current_vl', 'arch/arm64/kernel/fpsimd.c');
      // A vector length change discards the SVE state above V by the ABI.
      discardH(k, cur);
      const h = eraHook(k, op, 'sve_set_current_vl');
      if (h) h(k);
      else set_task_vl(k, cur, taskSve(k, cur).vl === VL_MAX ? VL_MIN : VL_MAX);
      leave(k);
      return;
    }
    case 'ptrace_setsve':
    case 'ptrace_getsve': {
      // The tracer's NT_ARM_SVE regset write (sve_set) or read (sve_get) of the stopped tracee t.
      const t = contextIndex(cfg, ev.task as string) as number;
      const set = op === 'ptrace_setsve';
      // Two literal names: the code pane finds a modelled function by the name its enter() states.
      if (set) {
        enter(k, 'sve_set', 'arch/arm64/kernel/ptrace.c');
      } else {
        enter(k, 'sve_get', 'arch/arm64/kernel/ptrace.c');
      }
      const h = set ? eraHook(k, op, 'sve_set_common') : eraHook(k, op, 'sve_get_common');
      if (h) h(k, t);
      else if (!set) readTaskSve(k, t, 'sve_get()');
      else {
        stmt(k, 'write');
        writeTaskSve(k, t);
      }
      leave(k);
      return;
    }
    case 'guest_zcr': {
      const v = vcpuOf(cfg, cur);
      // While FP is trapped (the guest does not own the registers) the ZCR_EL1 write traps to hyp as
      // well (CPTR_EL2.TZ, CPACR.ZEN): hyp's FP trap handler loads the guest's state first.
      if (c.fpTrap) {
        s.counters.fpTraps++;
        eraHook(k, op, 'guest_fp_trap')(k, v);
      }
      set_guest_zcr(k, v, VL_MIN);
      // nVHE: the guest's ZCR_EL1 is the register the host kernel's own SVE code uses at EL1.
      if (!cfg.vhe) set_cpu_vl(k, VL_MIN);
      return;
    }
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}
