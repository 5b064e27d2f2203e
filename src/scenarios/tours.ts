// Guided tours: example scenarios whose every step carries a note, played one step at a time.
export interface Tour {
  /** The example scenario (src/scenarios/<id>.json) the tour plays. */
  scenarioId: string;
  title: string;
  summary: string;
}

export const TOURS: readonly Tour[] = [
  {
    scenarioId: 'guest-first-fp',
    title: 'The four hooks of the patch in one guest run',
    summary: 'run_map_fp, load_fp, ctxsync_fp and put_fp, and the lazy host save in hyp, step by step.',
  },
  {
    scenarioId: 'softirq-neon-between-exits',
    title: 'Why softirq NEON between exits is safe',
    summary:
      'ctxsync_fp binds the guest state before IRQs come back, so fpsimd_save() writes it to the vcpu.',
  },
  {
    scenarioId: 'vcpu-preempt-migrate',
    title: 'Preemption and migration of a vcpu thread',
    summary: 'The preempt notifiers put and load the vcpu; the cpu field catches the migration.',
  },
  {
    scenarioId: 'history-e92bee9f861b',
    title: 'A real bug: preempted kernel-mode NEON corrupts user data (before e92bee9f861b)',
    summary:
      'The kernel as it stood in v6.8 and v6.9 (era v6.15 without the fix): a kernel-mode NEON section migrates, a stale binding survives and a reload is skipped.',
  },
  {
    scenarioId: 'signal-delivery-and-return',
    title: 'A signal delivered and returned from',
    summary:
      'fpsimd_preserve_current_state() fills the frame, the handler runs after ret_to_user, and rt_sigreturn restores and rebinds.',
  },
  {
    scenarioId: 'sve-in-one-page',
    title: 'SVE in one page',
    summary:
      'Why V is the low half of Z, what a syscall discards (H, dead by the ABI), and the bug of v6.13 itself that fbc7e61195e2 fixed: user SVE left enabled after KVM_RUN, its upper bits lost.',
  },
];
