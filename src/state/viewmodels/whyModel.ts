// "Why does it look like this": one line for each place where the picture is surprising but correct,
// e.g. registers holding one context's data while fpsimd_last_state names another. Only for steps the
// checker found nothing wrong with: on a violating step the surprise is the bug, and the banner says so.
import type { StateView, Violation } from '../../engine';

export function whyLines(view: StateView, violations: readonly Violation[]): string[] {
  if (violations.length > 0) return [];
  const lines: string[] = [];
  const kindOf = new Map(view.contexts.map((c) => [c.id, c.kind]));
  for (const cpu of view.cpus) {
    const owner = cpu.regs.owner;
    const cpuName = `CPU${cpu.id}`;
    if (owner !== null && owner !== 'kernel-neon' && cpu.lastState !== owner) {
      const pointer =
        cpu.lastState === null
          ? 'fpsimd_last_state is NULL'
          : `fpsimd_last_state still names ${cpu.lastState}`;
      const reason =
        cpu.lastState === null
          ? 'the kernel has dropped the binding (fpsimd_flush_cpu_state()), so it trusts nothing in the registers and loads a state before anyone next uses FP'
          : kindOf.get(owner) === 'vcpu' && cpu.mode === 'guest'
            ? 'hyp switched the registers to the guest on its own, without telling the host; the host rebinds the CPU after the exit (kvm_arch_vcpu_ctxsync_fp() from v4.18 on)'
            : kindOf.get(owner) === 'vcpu'
              ? "the guest's registers are bound to the CPU only when kvm_arch_vcpu_ctxsync_fp() runs"
              : 'the pointer changes only when the kernel binds a state to the CPU, not whenever the registers change';
      lines.push(`${cpuName}'s registers hold ${owner}'s data, yet ${pointer}: ${reason}.`);
    }
    if (owner !== null && owner !== 'kernel-neon' && !cpu.regs.latest) {
      lines.push(
        `${cpuName}'s registers hold an older copy of ${owner}'s data (the newest is in memory): harmless while ${owner} is reloaded from memory before it next uses FP, which the checker verifies.`,
      );
    }
  }
  return lines;
}
