// The event ops (src/engine/events.ts) in Promela: each op's precondition (whyIllegal) as an
// expression over CPU c, and its body (runEvent) as statements on CPU `cpu`, calling the era's hooks.
import type { Op } from '../types';

export interface PromelaOp {
  /** Macro name of the precondition; its parameters are the CPU and, for schedule, the task. */
  guard: string;
  /** Macro name of the body (an inline). */
  body: string;
}

/**
 * The ops the Promela model has. Partial on purpose: an op added to the engine without a Promela
 * counterpart makes `promelaModel` refuse and the agreement test fail, naming the op.
 */
export const PROMELA_OPS: Partial<Record<Op, PromelaOp>> = {
  schedule: { guard: 'CAN_schedule', body: 'op_schedule' },
  ret_to_user: { guard: 'CAN_ret_to_user', body: 'op_ret_to_user' },
  syscall: { guard: 'CAN_syscall', body: 'op_syscall' },
  user_fp: { guard: 'CAN_user_fp', body: 'op_user_fp' },
  kernel_neon: { guard: 'CAN_kernel_neon', body: 'op_kernel_neon' },
  softirq_neon: { guard: 'CAN_softirq_neon', body: 'op_softirq_neon' },
  vcpu_load: { guard: 'CAN_vcpu_load', body: 'op_vcpu_load' },
  guest_enter: { guard: 'CAN_guest_enter', body: 'op_guest_enter' },
  guest_fp: { guard: 'CAN_guest_fp', body: 'op_guest_fp' },
  guest_exit: { guard: 'CAN_guest_exit', body: 'op_guest_exit' },
  vcpu_put: { guard: 'CAN_vcpu_put', body: 'op_vcpu_put' },
};

export const EVENTS_PML = `
/* ---- Event ops (src/engine/events.ts): preconditions, then bodies on CPU cpu. ---- */
#define VCPU_OF_CUR(c) VCPU_OF(current[c])
#define IN_RUN(c) (VCPU_OF_CUR(c) >= 0 && in_run[VCPU_OF_CUR(c) - NTASK])

#define CAN_schedule(c, t) (mode[c] != GUEST && NOT_CURRENT(t))
#define CAN_ret_to_user(c) (current[c] >= 0 && !IS_KTHREAD(current[c]) && mode[c] == KERNEL && !IN_RUN(c))
#define CAN_syscall(c) (mode[c] == USER)
#define CAN_user_fp(c) (mode[c] == USER)
#define CAN_kernel_neon(c) (current[c] >= 0 && mode[c] == KERNEL)
#define CAN_softirq_neon(c) (mode[c] != GUEST && !irqs_off[c])
#define CAN_vcpu_load(c) (VCPU_OF_CUR(c) >= 0 && !IN_RUN(c) && mode[c] == USER)
#define CAN_guest_enter(c) (VCPU_OF_CUR(c) >= 0 && IN_RUN(c) && mode[c] == KERNEL)
#define CAN_guest_fp(c) (mode[c] == GUEST)
#define CAN_guest_exit(c) (mode[c] == GUEST)
#define CAN_vcpu_put(c) (VCPU_OF_CUR(c) >= 0 && IN_RUN(c) && mode[c] == KERNEL)

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
`;
