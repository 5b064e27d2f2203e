// One plain-language sentence per step, built from what the step actually did.
import type { MachineConfig } from './config';
import type { MachineState } from './state';
import type { Counters, ScenarioEvent, Violation } from './types';

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

function moved(before: Counters, after: Counters): string {
  const saves = after.hostSaves + after.guestSaves - before.hostSaves - before.guestSaves;
  const restores = after.hostRestores + after.guestRestores - before.hostRestores - before.guestRestores;
  if (saves === 0 && restores === 0) return 'no FP state was saved or restored';
  const parts: string[] = [];
  if (saves) parts.push(plural(saves, 'save'));
  if (restores) parts.push(plural(restores, 'restore'));
  const off = after.irqsOffSaveRestores - before.irqsOffSaveRestores;
  return `${parts.join(' and ')}${off ? ` (${off} with IRQs off)` : ''}`;
}

/** Explains event ev, given the counters before it and the state after it. */
export function explain(
  cfg: MachineConfig,
  ev: ScenarioEvent,
  before: Counters,
  after: MachineState,
  calls: { has(name: string): boolean },
  violations: readonly Violation[],
): string {
  const c = after.cpus[ev.cpu];
  const who = c.current < 0 ? 'the idle task' : cfg.contexts[c.current].id;
  const vcpu = c.current >= 0 && c.current < cfg.nTasks ? cfg.contexts[c.current].partner : -1;
  const vname = vcpu >= 0 ? cfg.contexts[vcpu].id : 'the vcpu';
  const cost = moved(before, after.counters);
  let text: string;
  switch (ev.op) {
    case 'schedule':
      text = `CPU${ev.cpu} switches to ${ev.task}${calls.has('kvm_sched_out') ? ', putting the outgoing vcpu' : ''}${
        calls.has('kvm_sched_in') ? `, and loads ${vname} again` : ''
      }; TIF_FOREIGN_FPSTATE of ${ev.task} is now ${after.tasks[c.current].foreign ? 'set (its state must be reloaded before user space)' : 'clear (its registers are still live here)'}; ${cost}.`;
      break;
    case 'ret_to_user':
      text = calls.has('task_fpsimd_load')
        ? `${who} returns to user space; TIF_FOREIGN_FPSTATE was set, so its state is loaded from memory; ${cost}.`
        : `${who} returns to user space; its registers are still live, so ${cost}.`;
      break;
    case 'syscall':
      text = `${who} enters the kernel; nothing FP happens (the registers stay as they are).`;
      break;
    case 'user_fp':
      text = `${who} uses its FP/SIMD registers in user space.`;
      break;
    case 'kernel_neon':
    case 'softirq_neon':
      text = `${ev.op === 'softirq_neon' ? 'A softirq' : who} uses kernel-mode NEON on CPU${ev.cpu}: live state is saved first, then the registers hold scratch; ${cost}${
        calls.has('task_fpsimd_load') ? ' (the interrupted task reloaded its state on return to user)' : ''
      }.`;
      break;
    case 'vcpu_load':
      text = `${who} issues KVM_RUN: ${calls.has('kvm_arch_vcpu_run_map_fp') ? 'first run, so its thread is mapped into hyp; ' : ''}${vname} is loaded on CPU${ev.cpu}; ${cost}.`;
      break;
    case 'guest_enter':
      text = `The run loop disables IRQs and enters ${vname}; guest FP access ${c.fpTrap ? 'traps to hyp' : 'does not trap (its state is live)'}.`;
      break;
    case 'guest_fp':
      text =
        after.counters.fpTraps > before.fpTraps
          ? `${vname} touches FP and traps: hyp switches the registers to the guest's state; ${cost}.`
          : `${vname} uses FP without trapping: its state is already in the registers.`;
      break;
    case 'guest_exit':
      text = `${vname} exits to the run loop, which ${calls.has('fpsimd_bind_state_to_cpu') ? "binds the guest's live state to CPU" + ev.cpu + ' and ' : ''}re-enables IRQs; ${cost}.`;
      break;
    case 'vcpu_put':
      text = `${who} leaves KVM_RUN: ${vname} is put; ${cost}.`;
      break;
    case 'kernel_neon_begin':
      text = `${who} opens a kernel-mode NEON section on CPU${ev.cpu}: live user state is saved and the registers unbound${
        calls.has('set_kernel_fpstate') || after.tasks[c.current].kernelFpstate
          ? '; TIF_KERNEL_FPSTATE is set, so a context switch saves and restores the section'
          : '; preemption stays off until kernel_neon_end'
      }; ${cost}.`;
      break;
    case 'kernel_fp':
      text = `${who}'s kernel-mode NEON code uses the registers inside its section.`;
      break;
    case 'kernel_neon_end':
      text = `${who} closes its kernel-mode NEON section: the section's data is dead; TIF_FOREIGN_FPSTATE stays set, so user state reloads lazily; ${cost}.`;
      break;
    case 'signal':
      text = `A signal is delivered to ${who}: fpsimd_preserve_current_state() writes live registers to memory and the frame is copied from there (${
        after.tasks[c.current].frames
      } pending); ${cost}.`;
      break;
    case 'sigreturn':
      text = `${who} returns from its signal handler: the frame's FP state is written to memory and loaded; ${cost}.`;
      break;
    case 'exec':
      text = `${who} execs: its FP state is zeroed, its register copies invalidated (fpsimd_flush_task_state) and TIF_FOREIGN_FPSTATE set; ${cost}.`;
      break;
    case 'ptrace_setfp':
      text = `${who} writes the FP registers of the stopped ${ev.task} through ptrace${
        calls.has('fpsimd_flush_task_state') ? ', then invalidates its register copies' : ''
      }; ${cost}.`;
      break;
    case 'idle':
      text = `The task on CPU${ev.cpu} blocks and the CPU switches to its idle task (fpsimd_thread_switch() saves live state); ${cost}.`;
      break;
    case 'cpu_suspend':
      text = `Idle CPU${ev.cpu} enters a low-power state: the CPU PM notifier saves live state and unbinds the registers, then their contents are lost; ${cost}.`;
      break;
    case 'user_sve':
      text = calls.has('el0_sve_acc')
        ? `${who} executes an SVE instruction in user space with EL0 SVE disabled on CPU${ev.cpu}: it traps into the kernel, and the SVE access handler (do_sve_acc) is still to run; ${cost}.`
        : `${who} executes SVE instructions in user space on CPU${ev.cpu}, reading and writing its whole SVE state (the V part and the upper bits); ${cost}.`;
      break;
    case 'do_sve_acc':
      text = `The SVE access handler runs for ${who} on CPU${ev.cpu}: it gives the task SVE (TIF_SVE) so that the instruction is retried without trapping; ${cost}.`;
      break;
    case 'prctl_set_vl':
      text = `${who} changes its SVE vector length with prctl(PR_SVE_SET_VL); the SVE state above V is discarded by the ABI; ${cost}.`;
      break;
    case 'ptrace_setsve':
      text = `${who} writes the SVE registers of the stopped ${ev.task} through ptrace (NT_ARM_SVE); ${cost}.`;
      break;
    case 'ptrace_getsve':
      text = `${who} reads the SVE registers of the stopped ${ev.task} through ptrace (NT_ARM_SVE); ${cost}.`;
      break;
    case 'guest_zcr':
      text = `The guest on CPU${ev.cpu} selects the shorter SVE vector length in its ZCR_EL1; ${cost}.`;
      break;
    default: {
      // A new op must be explained here: the compiler points at this line until it is.
      const never: never = ev.op;
      text = `${String(never)}.`;
    }
  }
  if (violations.length) text += ` Violation: ${violations.map((v) => v.message).join(' ')}`;
  return text;
}
