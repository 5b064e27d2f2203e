// One row per event op: which driver runs it, whether it names a task, and its Promela counterpart.
// `satisfies Record<Op, OpRow>`: an op appended to OPS (types.ts) is a compile error here until it has
// its row. (Link codes are the links' business: src/state/links/linkCompact.ts, a map of the same kind.)
import type { Op } from './types';

/** The driver that checks and runs an op: events.ts itself, lifecycle.ts or sveOps.ts for the ops they own. */
export type OpDriver = 'event' | 'lifecycle' | 'sve';

export interface OpRow {
  driver: OpDriver;
  /** The event names a task in `task` (the schedule target, the ptrace tracee). */
  task: boolean;
  /** The op's name in the Promela model (its `CAN_<name>` guard and `op_<name>` body), or null. */
  promela: string | null;
}

export const OP_TABLE = {
  schedule: { driver: 'event', task: true, promela: 'schedule' },
  ret_to_user: { driver: 'event', task: false, promela: 'ret_to_user' },
  syscall: { driver: 'event', task: false, promela: 'syscall' },
  user_fp: { driver: 'event', task: false, promela: 'user_fp' },
  kernel_neon: { driver: 'event', task: false, promela: 'kernel_neon' },
  softirq_neon: { driver: 'event', task: false, promela: 'softirq_neon' },
  vcpu_load: { driver: 'event', task: false, promela: 'vcpu_load' },
  guest_enter: { driver: 'event', task: false, promela: 'guest_enter' },
  guest_fp: { driver: 'event', task: false, promela: 'guest_fp' },
  guest_exit: { driver: 'event', task: false, promela: 'guest_exit' },
  vcpu_put: { driver: 'event', task: false, promela: 'vcpu_put' },
  kernel_neon_begin: { driver: 'lifecycle', task: false, promela: 'kernel_neon_begin' },
  kernel_fp: { driver: 'lifecycle', task: false, promela: 'kernel_fp' },
  kernel_neon_end: { driver: 'lifecycle', task: false, promela: 'kernel_neon_end' },
  signal: { driver: 'lifecycle', task: false, promela: 'signal' },
  sigreturn: { driver: 'lifecycle', task: false, promela: 'sigreturn' },
  exec: { driver: 'lifecycle', task: false, promela: 'exec' },
  ptrace_setfp: { driver: 'lifecycle', task: true, promela: 'ptrace_setfp' },
  idle: { driver: 'lifecycle', task: false, promela: 'idle' },
  cpu_suspend: { driver: 'lifecycle', task: false, promela: 'cpu_suspend' },
  // SVE machines only; the Promela model has no SVE (docs/explorer.md).
  user_sve: { driver: 'sve', task: false, promela: null },
  do_sve_acc: { driver: 'sve', task: false, promela: null },
  prctl_set_vl: { driver: 'sve', task: false, promela: null },
  ptrace_setsve: { driver: 'sve', task: true, promela: null },
  ptrace_getsve: { driver: 'sve', task: true, promela: null },
  guest_zcr: { driver: 'sve', task: false, promela: null },
} as const satisfies Record<Op, OpRow>;

/** The ops lifecycle.ts checks and runs. */
export type LifecycleOp = { [O in Op]: (typeof OP_TABLE)[O]['driver'] extends 'lifecycle' ? O : never }[Op];

/** The ops a driver runs, as a set: a lookup by a name that may be no op (on the replay's hot path). */
const opsOf = (driver: OpDriver): ReadonlySet<string> =>
  new Set(Object.entries(OP_TABLE).flatMap(([op, row]) => (row.driver === driver ? [op] : [])));
const LIFECYCLE_OPS = opsOf('lifecycle');
const SVE_DRIVER_OPS = opsOf('sve');

/** Whether op is one of lifecycle.ts's (false for a name that is no op: its driver refuses it). */
export const isLifecycleOp = (op: Op): op is LifecycleOp => LIFECYCLE_OPS.has(op);

/** The ops sveOps.ts checks and runs. */
export type SveOp = { [O in Op]: (typeof OP_TABLE)[O]['driver'] extends 'sve' ? O : never }[Op];

/** Whether op is one of sveOps.ts's. */
export const isSveOp = (op: Op): op is SveOp => SVE_DRIVER_OPS.has(op);
