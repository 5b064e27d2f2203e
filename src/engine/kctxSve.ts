// The SVE part of the step context: what SVE-aware kernel code may test (system_supports_sve(),
// has_vhe(), a vcpu's SVE) and the recorded writes of the SVE state (state.ts: CpuSve, TaskSve, VcpuSve).
// Only SVE machines have these parts; the accessors throw on a machine without them, so a missing
// `system_supports_sve(k)` guard fails loudly in the tests instead of changing FPSIMD-only results.
import { contextChange, cpuChange, flagText, type K } from './kctx';
import { FP_TYPE_NAMES, VL_NAMES, type CpuSve, type TaskSve, type VcpuSve } from './state';

/** system_supports_sve() */
export const system_supports_sve = (k: K): boolean => k.cfg.sve;

/** has_vhe(): the host kernel runs at EL2. */
export const has_vhe = (k: K): boolean => k.cfg.vhe;

/** vcpu_has_sve(vcpu) for context v. */
export const vcpu_has_sve = (k: K, v: number): boolean => k.cfg.contexts[v].sve === true;

/** This CPU's SVE state. */
export function cpuSve(k: K, cpu = k.cpu): CpuSve {
  const p = k.s.cpus[cpu].sve;
  if (!p) throw new Error('no SVE on this machine: guard with system_supports_sve(k)');
  return p;
}

/** Task t's SVE state. */
export function taskSve(k: K, t: number): TaskSve {
  const p = k.s.tasks[t].sve;
  if (!p) throw new Error('no SVE on this machine: guard with system_supports_sve(k)');
  return p;
}

/** Vcpu context v's SVE state. */
export function vcpuSve(k: K, v: number): VcpuSve {
  const p = k.s.vcpus[v - k.cfg.nTasks].sve;
  if (!p) throw new Error('no SVE on this machine: guard with system_supports_sve(k)');
  return p;
}

/** test_tsk_thread_flag(t, TIF_SVE); the idle task (t < 0) has none. */
export const test_tif_sve = (k: K, t: number): boolean => t >= 0 && taskSve(k, t).tif;

const typeText = (type: number): string => FP_TYPE_NAMES[type];
const vlText = (vl: number): string => VL_NAMES[vl];

// Each setter names its field (no setter shared by field name: see kctx.ts's task setters).

/** TIF_SVE of task t (set_tsk_thread_flag / clear_tsk_thread_flag). */
export function set_tif_sve(k: K, t: number, v: boolean): void {
  const p = taskSve(k, t);
  if (k.rec) contextChange(k, t, 'TIF_SVE', flagText(p.tif), flagText(v));
  p.tif = v;
}

/** thread.fp_type of task t (FP_STATE_FPSIMD or FP_STATE_SVE). */
export function set_fp_type(k: K, t: number, type: number): void {
  const p = taskSve(k, t);
  if (k.rec) contextChange(k, t, 'fp_type', typeText(p.fpType), typeText(type));
  p.fpType = type;
}

/** Task t's SVE vector length (task_set_sve_vl()). */
export function set_task_vl(k: K, t: number, vl: number): void {
  const p = taskSve(k, t);
  if (k.rec) contextChange(k, t, 'sve_vl', vlText(p.vl), vlText(vl));
  p.vl = vl;
}

/** Whether task t is inside a syscall (in_syscall()). */
export function set_in_syscall(k: K, t: number, v: boolean): void {
  const p = taskSve(k, t);
  if (k.rec) contextChange(k, t, 'in_syscall', String(p.inSyscall), String(v));
  p.inSyscall = v;
}

/** Task t has a trapped SVE access whose handler has not run yet. */
export function set_sve_trap(k: K, t: number, v: boolean): void {
  const p = taskSve(k, t);
  if (k.rec) contextChange(k, t, 'SVE trap pending', String(p.trap), String(v));
  p.trap = v;
}

/** CPACR_EL1.ZEN's EL0 bit on this CPU: sve_user_enable() (true) / sve_user_disable() (false). */
export function set_zen(k: K, v: boolean): void {
  const p = cpuSve(k);
  if (k.rec) cpuChange(k, 'EL0 SVE', p.zen ? 'enabled' : 'trapped', v ? 'enabled' : 'trapped');
  p.zen = v;
}

/** The vector length this CPU's SVE instructions use (sve_set_vq(): ZCR_EL1, ZCR_EL2 under VHE). */
export function set_cpu_vl(k: K, vl: number): void {
  const p = cpuSve(k);
  if (k.rec) cpuChange(k, 'ZCR (VL)', vlText(p.vl), vlText(vl));
  p.vl = vl;
}

/** The vector length the guest of vcpu context v chose (its ZCR_EL1). */
export function set_guest_zcr(k: K, v: number, vl: number): void {
  const p = vcpuSve(k, v);
  if (k.rec) contextChange(k, v, 'guest ZCR_EL1', vlText(p.zcr), vlText(vl));
  p.zcr = vl;
}
