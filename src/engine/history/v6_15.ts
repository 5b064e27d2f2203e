// The fixes whose pre-fix code v6.15 keeps (e92bee9f861b in ../kernel/fpsimd_v6_8.ts, 751ecf6afd65's
// FPSIMD analogue in the ptrace path): their stories for the gallery.
import type { HistoricFix } from './types';

export const V6_15_FIXES: readonly HistoricFix[] = [
  {
    commit: 'e92bee9f861b',
    subject: 'arm64/fpsimd: Avoid erroneous elide of user state reload',
    date: '2024-05-22',
    affected: 'v6.8 to v6.9 (fixed in v6.10-rc1 and in stable 6.8.11 and 6.9.2)',
    story:
      "Since v6.8 kernel-mode NEON may be preempted: the switch saves the section's registers into the task's kernel_fpsimd_state and reloads them when the task runs again, possibly on another CPU. On the way in, fpsimd_thread_switch() loaded the kernel-mode state but left the CPU's binding as it was. A binding of the task's user state could survive there, so that after kernel_neon_end() the task's TIF_FOREIGN_FPSTATE was recomputed as clear at a later switch and the task returned to user space on registers holding its kernel-mode NEON data. Users saw it as file-system corruption with dm-crypt on Apple M1.",
    before:
      "fpsimd_thread_switch() loaded an incoming task's kernel-mode state (TIF_KERNEL_FPSTATE) and set the task's TIF_FOREIGN_FPSTATE (set_tsk_thread_flag()) instead of fpsimd_flush_cpu_state(), so the CPU's binding of the task's user state survived (statement load-kernel).",
    fix: 'fpsimd_flush_cpu_state() after fpsimd_load_kernel_state(), in place of setting the flag: the CPU holds no user state for anyone, so the user state is reloaded on return to user.',
    statements: ['load-kernel'],
    source:
      "the fixed fpsimd_thread_switch() in arch/arm64/kernel/fpsimd.c of v6.14 (perishh/linux-6.14 @ 16b95dcdf585; first read at Mark Rutland's 5a627961a188, search index id 65959525560); the arm64 fixes pull for v6.10-rc1 naming the corruption (Will Deacon, 2024-05-23; search index id 37582386833); the commit list of stable 6.8.11 with the backport bd49d89c8d12 (search index id 66171121180). The pre-fix lines (set_tsk_thread_flag(next, TIF_FOREIGN_FPSTATE) where the fix puts fpsimd_flush_cpu_state()) are in the patch mail of the fix (docs/kernel-notes.md, v6.16 section).",
  },
  {
    commit: '751ecf6afd65',
    subject: 'arm64/sve: Discard stale CPU state when handling SVE traps',
    date: '2024-10-30',
    affected:
      'the SVE bug (CVE-2024-50275): v5.13 to v6.11.7 (fixed in 6.12-rc and stable 5.15.174, 6.1.120, 6.6.61, 6.11.8), replayed itself as v6.13/pre-751ecf6afd65 on SVE machines; the analogue is not a bug of any kernel',
    analogue: true,
    story:
      "CVE-2024-50275: the SVE access trap rewrote a task's saved state in memory while the task was not live on this CPU (TIF_FOREIGN_FPSTATE set), without unbinding the CPU that still held its old registers. Migrated back to that CPU, the task found fpsimd_last_state and its cpu field matching, reused the stale registers and skipped the reload. The FPSIMD-only analogue here: a ptrace write of a stopped tracee's FP registers (fpr_set()) that does not call fpsimd_flush_task_state(): the tracee comes back to the CPU that still holds its old registers and runs on them instead of the values the debugger wrote.",
    before:
      'fpr_set() writes thread.uw.fpsimd_state without fpsimd_flush_task_state(target) (statement flush-task), as do_sve_acc() converted the saved state without it.',
    fix: 'Every write of a saved state that may still be bound invalidates the binding with fpsimd_flush_task_state() (751ecf6afd65 for the SVE trap; fpr_set() always did).',
    statements: ['flush-task'],
    source:
      "the OSV advisory of CVE-2024-50275 (published 2024-11-19), with the affected ranges and 751ecf6afd65's description and race (search index id 68571391340); a notes page on arm64 FP fixes restating them (search index id 55133223415); fpr_set() itself was not read (see the lifecycle notes in docs/kernel-notes.md).",
  },
];
