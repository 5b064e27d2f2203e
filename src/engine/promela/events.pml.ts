// The event ops (src/engine/events.ts, src/engine/lifecycle.ts) in Promela: each op's precondition
// (whyIllegal, whyIllegalLifecycle) as an expression over CPU c, and its body (runEvent, runLifecycle)
// as statements on CPU `cpu`, calling the era's hooks.
import { OP_TABLE, type OpRow } from '../ops';
import { OPS, type Op } from '../types';

export interface PromelaOp {
  /** Macro name of the precondition; its parameters are the CPU and, for a task op, the task. */
  guard: string;
  /** Macro name of the body (an inline). */
  body: string;
}

/**
 * Each op's guard and body in the Promela model, from its Promela name in OP_TABLE (src/engine/ops.ts);
 * null for an op the model lacks: `promelaModel` then refuses and the agreement test fails, naming it.
 */
export const PROMELA_OPS: Record<Op, PromelaOp | null> = Object.fromEntries(
  OPS.map((op) => {
    const row: OpRow = OP_TABLE[op];
    return [op, row.promela === null ? null : { guard: `CAN_${row.promela}`, body: `op_${row.promela}` }];
  }),
) as Record<Op, PromelaOp | null>;

export const EVENTS_PML = `
/* ---- Event ops (src/engine/events.ts): preconditions, then bodies on CPU cpu. ---- */
#define VCPU_OF_CUR(c) VCPU_OF(current[c])
#define TASK_IN_RUN(t) (VCPU_OF(t) >= 0 && in_run[VCPU_OF(t) - NTASK])
#define IN_RUN(c) TASK_IN_RUN(current[c])
/* busyReason: a v4.x section (kernel_neon_busy, preemption off) is open on CPU c. */
#define BUSY(c) neon_busy[c]
/* sectionReason: task t (or the idle task, never) is inside a kernel-mode NEON section. */
#define SECTION(t) ((t) >= 0 && section[t])
/* whyIllegalLifecycle's common part: a task, in the kernel; then per op. */
#define IN_KERNEL(c) (current[c] >= 0 && mode[c] == KERNEL)
#define LIFECYCLE_OK(c) (!IN_RUN(c) && !SECTION(current[c]) && !BUSY(c))

#define CAN_schedule(c, t) (mode[c] != GUEST && NOT_CURRENT(t) && !BUSY(c))
#define CAN_ret_to_user(c) \\
  (current[c] >= 0 && !IS_KTHREAD(current[c]) && mode[c] == KERNEL && !IN_RUN(c) && !SECTION(current[c]))
#define CAN_syscall(c) (mode[c] == USER)
#define CAN_user_fp(c) (mode[c] == USER)
#define CAN_kernel_neon(c) (current[c] >= 0 && mode[c] == KERNEL && !SECTION(current[c]))
#define CAN_softirq_neon(c) (mode[c] != GUEST && !irqs_off[c] && !BUSY(c))
#define CAN_vcpu_load(c) (VCPU_OF_CUR(c) >= 0 && !IN_RUN(c) && mode[c] == USER)
#define CAN_guest_enter(c) (VCPU_OF_CUR(c) >= 0 && IN_RUN(c) && mode[c] == KERNEL)
#define CAN_guest_fp(c) (mode[c] == GUEST)
#define CAN_guest_exit(c) (mode[c] == GUEST)
#define CAN_vcpu_put(c) (VCPU_OF_CUR(c) >= 0 && IN_RUN(c) && mode[c] == KERNEL)
#define CAN_kernel_neon_begin(c) (IN_KERNEL(c) && !IN_RUN(c) && !SECTION(current[c]) && !BUSY(c))
#define CAN_kernel_fp(c) (IN_KERNEL(c) && SECTION(current[c]))
#define CAN_kernel_neon_end(c) (IN_KERNEL(c) && SECTION(current[c]))
#define CAN_signal(c) \\
  (IN_KERNEL(c) && !IS_KTHREAD(current[c]) && LIFECYCLE_OK(c) && frames[current[c]] < MAX_SIGNAL_FRAMES)
#define CAN_sigreturn(c) (IN_KERNEL(c) && !IS_KTHREAD(current[c]) && LIFECYCLE_OK(c) && frames[current[c]] > 0)
#define CAN_exec(c) (IN_KERNEL(c) && !IS_KTHREAD(current[c]) && LIFECYCLE_OK(c))
/* whyIllegalTracee: the tracee is a user task, stopped (current nowhere, not in KVM_RUN or a section). */
#define CAN_ptrace_setfp(c, t) \\
  (IN_KERNEL(c) && LIFECYCLE_OK(c) && !IS_KTHREAD(t) && NOT_CURRENT(t) && !TASK_IN_RUN(t) && !SECTION(t))
#define CAN_idle(c) (IN_KERNEL(c) && LIFECYCLE_OK(c))
#define CAN_cpu_suspend(c) (current[c] < 0)

/* The vcpu of the task current when the event starts. */
hidden short ev_v, ev_nv;

/* do_notify_resume(): reload the FP state if TIF_FOREIGN_FPSTATE says the registers are not ours. */
inline return_to_user() {
  if :: current[cpu] >= 0 && foreign[current[cpu]] -> era_fpsimd_restore_current_state() :: else fi
}

/* __schedule() and __switch_to() with the preempt notifiers of a vcpu thread in KVM_RUN. */
inline op_schedule(next) {
  ev_v = VCPU_OF(current[cpu]);
  irqs_off[cpu] = 1;
  if :: ev_v >= 0 && in_run[ev_v - NTASK] -> era_sched_out(ev_v) :: else fi;
  era_fpsimd_thread_switch(next);
  current[cpu] = next;
  mode[cpu] = KERNEL;
  irqs_off[cpu] = 0;
  ev_nv = VCPU_OF(next);
  if :: ev_nv >= 0 && in_run[ev_nv - NTASK] -> era_sched_in(ev_nv) :: else fi
}

inline op_ret_to_user() { return_to_user(); mode[cpu] = USER }
inline op_syscall() { mode[cpu] = KERNEL }
inline op_user_fp() { use_regs(current[cpu]) }
inline op_kernel_neon() { era_kernel_neon_begin(); clobber_regs(); era_kernel_neon_end() }

/* __do_softirq() running kernel-mode NEON; an interrupted user task then returns to user. */
inline op_softirq_neon() {
  bh++;
  era_kernel_neon_begin();
  clobber_regs();
  era_kernel_neon_end();
  bh--;
  if :: mode[cpu] == USER -> return_to_user() :: else fi
}

/* kvm_vcpu_ioctl(KVM_RUN): vcpu_load. */
inline op_vcpu_load() {
  ev_v = VCPU_OF(current[cpu]);
  mode[cpu] = KERNEL;
  era_kvm_run_enter(ev_v);
  in_run[ev_v - NTASK] = 1
}

/* kvm_arch_vcpu_ioctl_run(): local_irq_disable(), then into the guest. */
inline op_guest_enter() {
  ev_v = VCPU_OF(current[cpu]);
  irqs_off[cpu] = 1;
  era_guest_entry(ev_v);
  mode[cpu] = GUEST
}

inline op_guest_fp() {
  ev_v = VCPU_OF(current[cpu]);
  if :: fp_trap[cpu] -> era_guest_fp_trap(ev_v) :: else fi;
  use_regs(ev_v)
}

/* kvm_arch_vcpu_ioctl_run() after the exit, up to local_irq_enable(). */
inline op_guest_exit() {
  ev_v = VCPU_OF(current[cpu]);
  mode[cpu] = KERNEL;
  era_guest_exit(ev_v);
  irqs_off[cpu] = 0
}

/* Leaving KVM_RUN: vcpu_put. */
inline op_vcpu_put() {
  ev_v = VCPU_OF(current[cpu]);
  era_kvm_run_exit(ev_v);
  in_run[ev_v - NTASK] = 0
}

/* ---- Kernel-mode NEON sections and task lifecycle events (src/engine/lifecycle.ts) ---- */
inline op_kernel_neon_begin() { era_kernel_neon_begin(); section[current[cpu]] = 1 }
inline op_kernel_fp() { use_regs(KOWNER(current[cpu])) }
inline op_kernel_neon_end() {
  era_kernel_neon_end();
  kill_kernel_data(KOWNER(current[cpu]));
  section[current[cpu]] = 0
}

/* setup_rt_frame(): preserve_fpsimd_context() copies the in-memory state into the frame. */
inline op_signal() {
  era_fpsimd_preserve_current_state();
  read_task_memory(current[cpu]);
  frames[current[cpu]]++
}

/* rt_sigreturn: restore_sigframe() (v6.16 saves and flushes first), restore_fpsimd_context(). */
inline op_sigreturn() { era_restore_sigframe(); era_fpsimd_update_current_state(); frames[current[cpu]]-- }

/* flush_thread(); the old stack, with its frames, is gone. */
inline op_exec() { era_fpsimd_flush_thread(); frames[current[cpu]] = 0 }

/* fpr_set(): __fpr_set() starts from the tracee's saved state, writes it, flushes the tracee. */
inline op_ptrace_setfp(t) {
  read_task_memory(t);
  write_task_memory(t);
  if :: ON(ABL_PTRACE_FLUSH) && FIXED(PRE_751ECF6AFD65) -> era_fpsimd_flush_task_state(t) :: else fi
}

/* __schedule() to the idle task. */
inline op_idle() {
  irqs_off[cpu] = 1;
  era_fpsimd_thread_switch(NOTHING);
  current[cpu] = NOTHING;
  mode[cpu] = IDLE;
  irqs_off[cpu] = 0
}

/* cpu_pm_enter(), IRQs off, then the CPU loses its registers; CPU_PM_EXIT does nothing for FPSIMD. */
inline op_cpu_suspend() {
  irqs_off[cpu] = 1;
  era_cpu_pm_enter();
  lose_regs();
  irqs_off[cpu] = 0
}
`;
