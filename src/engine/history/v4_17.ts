// The fixes whose pre-fix code v4.17's host side keeps (kernel/fpsimd_v4_17.ts): their stories for the
// gallery, the commits their `fixed(k, COMMIT)` tests name.
import type { HistoricFix } from './types';

/** "arm64: flush FP/SIMD state correctly after execve()": exec unbinds the task's old registers. */
export const C674 = '674c242c9323';
/** "arm64: fix bug for reloading FPSIMD state after cpu power off": CPU_PM_ENTER unbinds the CPU. */
export const C7C68 = '7c68a9cc0402';

export const V4_17_FIXES: readonly HistoricFix[] = [
  {
    commit: C7C68,
    subject: 'arm64: fix bug for reloading FPSIMD state after cpu power off',
    date: '2014-09-01',
    affected: 'v3.16 to v3.17-rc (the lazy restore of 005f78cd8849 until this fix)',
    story:
      "A CPU that goes idle and enters a low-power state loses its FPSIMD registers. The CPU PM notifier saved the outgoing state but left fpsimd_last_state pointing at the last task whose state the CPU held. When that task came back to the CPU, fpsimd_thread_switch() found the pointer and the task's cpu field matching, cleared TIF_FOREIGN_FPSTATE, and the task returned to user space with the registers' power-on contents instead of its own data.",
    before: "CPU_PM_ENTER saved live state but did not clear this CPU's fpsimd_last_state (statement flush).",
    fix: 'CPU_PM_ENTER also writes fpsimd_last_state = NULL (fpsimd_flush_cpu_state()), so every task reloads after the power-down.',
    statements: ['flush'],
    source:
      'a dated commit list of arch/arm64/kernel/fpsimd.c (a notes page; search index id 49300830419); the sibling CPU hotplug fix 32365e64a20e, whose message describes the same stale pointer after the registers are reset (stored page of its diff); the v4.17 CPU PM notifier with the flush (arch/arm64/kernel/fpsimd.c in a v4.17 tree, SaumyaSachdev/linux-4.17 @ bd206cf2eaf5; first read in a v4.16 copy, search index id 105678143). The pre-fix diff itself was not read: the flush is the one statement the subject and the later code imply.',
  },
  {
    commit: C674,
    subject: 'arm64: flush FP/SIMD state correctly after execve()',
    date: '2015-08-27',
    affected: 'v3.16 to v4.2 (the lazy restore of 005f78cd8849 until this fix)',
    story:
      "exec zeroes the task's saved FP state and sets TIF_FOREIGN_FPSTATE, so that the new program starts with clean registers. The zeroing is a memset of the whole struct fpsimd_state, which then held the cpu field too (v4.17 moved it out, to thread.fpsimd_cpu, in 20b8547277a6), so it set the field to 0: nothing invalidated the binding, so the task's state now claimed to be live on CPU0. Wherever CPU0's fpsimd_last_state still pointed at the task's state (it last ran there, or execs there), a switch onto CPU0 before the return to user found pointer and cpu field matching, cleared the flag, and the new program started with the old program's registers: the zeroed state was never loaded. On any other CPU the zeroed field did not match and the state was reloaded.",
    before:
      'fpsimd_flush_thread() zeroed the state with a memset that also set its cpu field to 0, and set TIF_FOREIGN_FPSTATE, without fpsimd_flush_task_state(current) (statement flush-task).',
    fix: 'fpsimd_flush_thread() calls fpsimd_flush_task_state(current) after the memset, setting the cpu field to NR_CPUS, so no later switch can trust the old registers.',
    statements: ['flush-task', 'zero-cpu'],
    pinsCpu0: true,
    source:
      'a dated commit list of arch/arm64/kernel/fpsimd.c (a notes page; search index id 49300830419); v4.17 fpsimd_flush_thread() with the call (arch/arm64/kernel/fpsimd.c in a v4.17 tree, SaumyaSachdev/linux-4.17 @ bd206cf2eaf5; first read in a v4.16 copy, search index id 105678143). The pre-fix diff itself was not read.',
  },
];
