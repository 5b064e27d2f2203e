// What an era's Promela module provides: its kernel functions as inlines, and the hooks the shared
// event bodies call (one `era_<hook>` inline per function-valued member of src/engine/era.ts's Era).

export interface PromelaEra {
  /** The engine era it models (Era.id). */
  id: string;
  /** Shared modules it builds on, in order (e.g. the host side of kernel/fpsimd). */
  uses: readonly string[];
  /** Its own inlines, ending with the era_<hook> inlines. */
  text: string;
}

/** The era_<hook> inlines of the host side that call its function of the same name, in every era. */
export const ERA_HOST_HOOKS_PML = `${[
  'inline era_fpsimd_thread_switch(next) { fpsimd_thread_switch(next) }',
  'inline era_fpsimd_restore_current_state() { fpsimd_restore_current_state() }',
  'inline era_kernel_neon_begin() { kernel_neon_begin() }',
  'inline era_kernel_neon_end() { kernel_neon_end() }',
  'inline era_fpsimd_update_current_state() { fpsimd_update_current_state() }',
  'inline era_fpsimd_flush_thread() { fpsimd_flush_thread() }',
  'inline era_fpsimd_flush_task_state(t) { fpsimd_flush_task_state(t) }',
  'inline era_cpu_pm_enter() { fpsimd_cpu_pm_notifier() }',
].join('\n')}`;

/** Signal delivery and sigreturn before v6.16: preserve the live state; restore_sigframe() does nothing. */
export const ERA_SIGNAL_HOOKS_PML = `inline era_fpsimd_preserve_current_state() { fpsimd_preserve_current_state() }
inline era_restore_sigframe() { skip }`;

/** KVM_RUN since v4.18: the pid-change hook on a vcpu's first run, then vcpu_load. */
export const ERA_KVM_RUN_ENTER_PML = `inline era_kvm_run_enter(v) {
  if :: !mapped[(v) - NTASK] -> kvm_arch_vcpu_run_pid_change(v) :: else fi;
  kvm_arch_vcpu_load(v)
}`;
