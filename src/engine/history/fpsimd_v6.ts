// The SVE fixes of the v6 host code (arch/arm64/kernel/fpsimd.c, signal.c, ptrace.c, entry-common.c)
// that the v6 eras replay: historic variants of v6.13 (`v6.13/pre-COMMIT12`) and the bugs the
// releases themselves had (Era.releaseBugs). Each names the statement labels of ./fpsimd_v6.ts it
// concerns; docs/kernel-notes.md, "SVE: v6.13 to v6.16, host", says what was read.
import type { HistoricFix } from './types';

/** "arm64/sve: Discard stale CPU state when handling SVE traps" (CVE-2024-50275). */
export const C751E = '751ecf6afd65';
/** "arm64/signal: Don't assume that TIF_SVE means we saved SVE state". */
export const C61DA = '61da7c8e2a60';
/** "arm64/ptrace: Use saved floating point state type to determine SVE layout". */
export const CB017 = 'b017a0cea627';
/** "arm64/fpsimd: ptrace/prctl: Ensure VL changes do not resurrect stale data" (v6.16). */
export const C49CE = '49ce484187f7';
/** "arm64/fpsimd: Do not discard modified SVE state" (v6.16). */
export const C398E = '398edaa12f9c';
/** "arm64/fpsimd: ptrace: Fix SVE writes on !SME systems" (2026, after v6.18). */
export const C128A = '128a7494a9f1';
/** sve_set_common() zeroed current's instead of target's FPSIMD state (2026, after v7.0). */
export const C5CBB = '5cbb61bf4168';

const V614 =
  'arch/arm64/kernel/fpsimd.c, signal.c, ptrace.c and entry-common.c of v6.14 (perishh/linux-6.14 @ 16b95dcdf585)';
const V618 = 'the same files of v6.18.2 (gfunkmonk/linux-6.18.2 @ 57dc26c98e5e)';

export const SVE_TRAP_751E: HistoricFix = {
  commit: C751E,
  sve: true,
  subject: 'arm64/sve: Discard stale CPU state when handling SVE traps',
  date: '2024-10-30',
  affected:
    'v5.13 to v6.11.7 (cccb78ce89c4 until this fix; CVE-2024-50275; fixed in v6.12-rc and stable 5.15.174, 6.1.120, 6.6.61, 6.11.8): the real SVE bug, beside the FPSIMD analogue v6.15/pre-751ecf6afd65',
  story:
    "A task's first SVE instruction traps; the handler do_sve_acc() runs later, preemptibly. If the task was switched out and migrated before it ran, its state is no longer live (TIF_FOREIGN_FPSTATE set) and sve_init_regs() converts the saved copy in memory to SVE format, sets TIF_SVE and fp_type = FP_STATE_SVE, but leaves the task's cpu field naming the CPU it left. When the task migrates back to that CPU and nothing else used FP there, fpsimd_thread_switch() finds fpsimd_last_state and the cpu field matching and clears TIF_FOREIGN_FPSTATE: the return to user loads nothing and binds nothing, so EL0 SVE stays trapped on that CPU although TIF_SVE is set. The retried instruction traps again and do_sve_acc() warns \"SVE access shouldn't have trapped\".",
  before:
    "sve_init_regs()'s memory branch converted the saved state (fpsimd_to_sve(), fp_type = FP_STATE_SVE) without fpsimd_flush_task_state(current) (statement flush-task-trap).",
  fix: 'fpsimd_flush_task_state(current) after the conversion: the cpu field becomes NR_CPUS, so the next switch-in sets TIF_FOREIGN_FPSTATE and the return to user loads the SVE state and enables EL0 SVE from TIF_SVE.',
  statements: ['flush-task-trap'],
  source: `the fix 751ecf6afd65 as backported to 6.1 (Mark Brown, 2024-12-06: message with the race and the one-line diff in sve_init_regs(); search index id 44626978825); the OSV advisory of CVE-2024-50275 (search index id 68571391340); the fixed sve_init_regs() and do_sve_acc() in ${V614} and ${V618}.`,
};

export const SIGNAL_61DA: HistoricFix = {
  commit: C61DA,
  sve: true,
  subject: "arm64/signal: Don't assume that TIF_SVE means we saved SVE state",
  date: '2024-01-30',
  affected:
    'v6.2 (8c845e273104 "arm64/sve: Leave SVE enabled on syscall if we don\'t context switch", which also needed fp_type) to v6.7 (fixed in v6.8-rc and stable 6.7.y)',
  story:
    'Since v6.2 a task keeps TIF_SVE across a syscall, and a save inside the syscall stores only the FPSIMD part (fp_type = FP_STATE_FPSIMD) while TIF_SVE stays set. Signal delivery still took TIF_SVE to mean "the saved state is SVE": fpsimd_signal_preserve_current_state() ran sve_to_fpsimd(), copying the V part of the old sve_state over the newer thread.uw.fpsimd_state, and the signal frame got the older V registers.',
  before:
    'fpsimd_signal_preserve_current_state() converted with sve_to_fpsimd() when TIF_SVE was set, and preserve_sve_context() sized and filled the SVE record by TIF_SVE (statement signal-sve-to-fpsimd).',
  fix: 'Both test current->thread.fp_type == FP_STATE_SVE, the format the last save recorded.',
  statements: ['signal-sve-to-fpsimd'],
  source: `the 6.7-stable review copy of 61da7c8e2a60 with its diff (search index id 31790714506); do_signal()'s forget_syscall() before handle_signal() and the fixed tests in ${V614}.`,
};

export const PTRACE_B017: HistoricFix = {
  commit: CB017,
  sve: true,
  subject: 'arm64/ptrace: Use saved floating point state type to determine SVE layout',
  date: '2024-03-25',
  affected: 'v6.2 (8c845e273104) to v6.9-rc2 (fixed in v6.9-rc3 and stable 6.8.y, 6.6.y)',
  story:
    'The same mix-up in the NT_ARM_SVE regset read: sve_get_common() chose the SVE layout when the tracee had TIF_SVE, but a tracee stopped inside a syscall had saved only its FPSIMD part (fp_type = FP_STATE_FPSIMD). The debugger got the register data from the old sve_state, not the newer V registers in thread.uw.fpsimd_state.',
  before:
    'sve_init_header_from_task() set SVE_PT_REGS_FPSIMD only when TIF_SVE was clear (statement getsve-layout).',
  fix: 'The header says FPSIMD when target->thread.fp_type == FP_STATE_FPSIMD, so the read comes from thread.uw.fpsimd_state.',
  statements: ['getsve-layout'],
  source: `the 6.8-stable review copy of the fix with its diff (search index id 40567891353); the arm64 fixes pull for v6.9-rc3 naming it (search index id 17341185489); the fixed sve_init_header_from_task() and sve_get_common() in ${V614}.`,
};

export const VL_49CE: HistoricFix = {
  commit: C49CE,
  sve: true,
  subject: 'arm64/fpsimd: ptrace/prctl: Ensure VL changes do not resurrect stale data',
  date: '2025-05-08',
  affected: 'v6.2 to v6.15 (the release itself: v6.13 and v6.15 have the code; fixed in v6.16-rc1)',
  story:
    'prctl(PR_SVE_SET_VL) changes the vector length inside a syscall. vec_set_vector_length() first saved the live state with fpsimd_save_user_state(), which inside a syscall stores only the FPSIMD part (fp_type = FP_STATE_FPSIMD), and then, because TIF_SVE was set, ran sve_to_fpsimd(): the V part of the old sve_state overwrote the V registers just saved. The return to user loaded those older registers.',
  before:
    'vec_set_vector_length() converted with sve_to_fpsimd() when test_and_clear_tsk_thread_flag(task, TIF_SVE) was true, whatever format the save had just written (statement vl-sve-to-fpsimd).',
  fix: 'fpsimd_sync_from_effective_state() converts only when fp_type == FP_STATE_SVE; with b87c8c4aca11 the change is made by change_live_vector_length(), after fpsimd_save_and_flush_current_state().',
  statements: ['vl-sve-to-fpsimd'],
  source: `vec_set_vector_length() in ${V614} (the pre-fix code, as v6.13 and v6.15 have it); change_live_vector_length() and fpsimd_sync_from_effective_state() in ${V618}; the arm64 tag push of 2025-06-05 listing the series with this commit (search index id 66906703050); a notes page describing the bug (search index id 55133223415). The patch mail itself was not read.`,
};

export const DISCARD_398E: HistoricFix = {
  commit: C398E,
  sve: true,
  subject: 'arm64/fpsimd: Do not discard modified SVE state',
  date: '2025-05-08',
  affected:
    'v6.2 (8c845e273104) to v6.15 (the release itself: v6.13 and v6.15 have the code; fixed in v6.16-rc1)',
  story:
    'fpsimd_save_user_state() stored only the FPSIMD part whenever in_syscall(current_pt_regs()) was true, on the grounds that the syscall ABI discards the rest. But a tracer may write the tracee\'s SVE state at a syscall-exit stop; the return path then loads it (fpsimd_restore_current_state()) and, if it reschedules before reaching user space, saves it again, still "in the syscall": the written Z bits above 128, P and FFR are dropped, fp_type becomes FP_STATE_FPSIMD and the next load clears TIF_SVE.',
  before:
    'The save chose the FPSIMD format when to_save == FP_STATE_CURRENT, TIF_SVE was set and in_syscall() was true (statement save-in-syscall).',
  fix: "fpsimd_syscall_enter() sets the binding's to_save = FP_STATE_FPSIMD after sve_flush_live() and fpsimd_syscall_exit() resets it to FP_STATE_CURRENT; any reload binds with FP_STATE_CURRENT, so state loaded after the discard is saved in full.",
  statements: ['save-in-syscall'],
  source: `the 6.12-stable review copy of 398edaa12f9c with its message and diff (search index id 47989694073); fpsimd_save_user_state() and fp_user_discard() in ${V614}; fpsimd_syscall_enter()/fpsimd_syscall_exit() in ${V618}.`,
};

export const SETSVE_128A: HistoricFix = {
  commit: C128A,
  sve: true,
  subject: 'arm64/fpsimd: ptrace: Fix SVE writes on !SME systems',
  date: '2026-01-28',
  affected:
    'v6.16 (9f8bf718f292 "arm64/fpsimd: ptrace: Gracefully handle errors", in the same v6.16-rc1 series) to v6.19-rc (fixed there and in stable 6.18.y); SVE machines without SME only',
  story:
    "v6.16's sve_set_common() set the tracee's TIF_SVE only inside an `if (system_supports_sme())` block. On a machine with SVE and no SME, an NT_ARM_SVE write in SVE format left the tracee with fp_type = FP_STATE_SVE and TIF_SVE clear; the tracee's next return to user warned in task_fpsimd_load() (WARN_ON_ONCE(!test_and_set_thread_flag(TIF_SVE))), which then set the flag: a warning, with no data lost.",
  before: 'sve_set_common() set TIF_SVE only when system_supports_sme() (statement setsve-tif-sve).',
  fix: 'The system_supports_sme() test is removed: TIF_SVE is set for every SVE-format write.',
  statements: ['setsve-tif-sve'],
  source: `sve_set_common() in ${V618} (the code as v6.16 has it: the series is in the arm64 tag push of 2025-06-05, search index id 66906703050); the 6.18-stable review copy of the fix with its message and diff (search index id 62161087450). The date is that of the stable review mail (2026-01-28): the author date was not read.`,
};

export const SETSVE_5CBB: HistoricFix = {
  commit: C5CBB,
  sve: true,
  subject: 'arm64/fpsimd: ptrace: zero targets fpsimd_state, not the tracers',
  date: '2026-05-12',
  affected:
    'v6.16 (316283f276eb "arm64/fpsimd: ptrace: Consistently handle partial writes to NT_ARM_(S)SVE", v6.16-rc1) to v7.0 (fixed after v7.0 and in stable 7.0.y)',
  story:
    "v6.16's sve_set_common() zeroed `current->thread.uw.fpsimd_state`, the tracer's saved V registers, FPSR and FPCR, where it meant the tracee's. Where the tracer's newest FP data was only in that memory (its registers had been taken by another task or it had migrated), the tracer came back to user space with zeroed V registers.",
  before: 'sve_set_common() did memset(&current->thread.uw.fpsimd_state, 0, ...) (statement setsve-zero).',
  fix: 'memset(&target->thread.uw.fpsimd_state, 0, ...).',
  statements: ['setsve-zero'],
  source: `sve_set_common() in ${V618}; the 7.0-stable review copy of 5cbb61bf4168 (Breno Leitao; subject, message and diff; search index id 60004660854). The date is that of the stable review mail (2026-05-12): the author date was not read.`,
};
