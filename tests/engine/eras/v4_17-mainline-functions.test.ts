// What v4.17 and v6.15 do differently from v4.18, one kernel function at a time, read off the
// step records (calls, statements, field changes).
import { describe, expect, it } from 'vitest';
import { counters, countersAfterEach, minus } from './helpers';
import { change, ev, find, GUEST_RUN, names, records, SC } from './records';

describe('v4.17', () => {
  it('vcpu_load and vcpu_put do no FP work', () => {
    const r = records('v4.17', [...GUEST_RUN, ...ev('vcpu_put')]);
    expect(names(r[2])).toEqual(['kvm_vcpu_ioctl', 'vcpu_load', 'kvm_arch_vcpu_load']);
    expect(names(r[6])).toEqual(['kvm_arch_vcpu_ioctl_run', 'vcpu_put', 'kvm_arch_vcpu_put']);
    expect(r[6].changes.filter((c) => c.ghost)).toEqual([]);
  });

  it('the trap saves the host into host_cpu_context[0] and the exit restores it, IRQs off', () => {
    const r = records('v4.17', GUEST_RUN);
    expect(find(r[3].calls, '__activate_traps')?.stmts).toEqual(['set-tfp']);
    expect(find(r[4].calls, '__fpsimd_guest_restore')?.stmts).toEqual(['save-host', 'load-guest']);
    expect(change(r[4], 'host_cpu_context[0].memory')?.after).toBe("qemu's newest data");
    expect(find(r[5].calls, '__kvm_vcpu_run_nvhe')?.stmts).toEqual(['save-guest', 'restore-host']);
    expect(change(r[5], 'cpu0.regs')?.after).toBe("qemu's newest data");
    const after = countersAfterEach({ ...SC, events: GUEST_RUN }, 'v4.17');
    expect(minus(after[6], after[4])).toEqual(counters(1, 1, 1, 1, 1, 4));
  });

  it('fpsimd_thread_switch skips a kernel thread: no save for it, its flag untouched', () => {
    const r = records(
      'v4.17',
      ev('ret_to_user', 'user_fp', 'syscall', ['schedule', 'kworker'], ['schedule', 'qemu']),
    );
    // qemu -> kworker: qemu (has mm) is saved; kworker (no mm) keeps its initial TIF_FOREIGN_FPSTATE.
    expect(find(r[3].calls, 'task_fpsimd_save')?.stmts).toEqual(['save']);
    expect(find(r[3].calls, 'fpsimd_thread_switch')?.stmts).toEqual([]);
    expect(change(r[3], 'kworker.TIF_FOREIGN_FPSTATE')).toBeUndefined();
    // kworker -> qemu: no save (no mm); qemu's registers are still live here, its flag is cleared.
    expect(find(r[4].calls, 'task_fpsimd_save')).toBeUndefined();
    expect(find(r[4].calls, 'fpsimd_thread_switch')?.stmts).toEqual(['clear-foreign']);
  });

  it('kernel_neon_begin sets the flag itself; its fpsimd_flush_cpu_state only forgets the pointer', () => {
    const r = records('v4.17', ev('ret_to_user', 'syscall', 'kernel_neon'));
    expect(names(r[2])).toEqual([
      'kernel_neon_begin',
      'task_fpsimd_save',
      'fpsimd_save_state',
      'fpsimd_flush_cpu_state',
      'kernel_neon_end',
    ]);
    expect(change(r[2], 'qemu.TIF_FOREIGN_FPSTATE')?.after).toBe('set');
    expect(find(r[2].calls, 'fpsimd_flush_cpu_state')?.stmts).toEqual([]);
  });
});

describe('v6.15', () => {
  it('kvm_arch_vcpu_load_fp saves and flushes the host state with IRQs off, and frees fp_owner', () => {
    const r = records('v6.15', GUEST_RUN);
    expect(names(r[2])).toEqual([
      'kvm_vcpu_ioctl',
      'kvm_arch_vcpu_run_pid_change',
      'kvm_arch_vcpu_run_map_fp',
      'vcpu_load',
      'kvm_arch_vcpu_load',
      'kvm_arch_vcpu_load_fp',
      'fpsimd_save_and_flush_cpu_state',
      'fpsimd_save_user_state',
      'fpsimd_save_state',
      'fpsimd_flush_cpu_state',
    ]);
    expect(change(r[2], 'qemu.memory')?.after).toBe("qemu's newest data");
    expect(change(r[2], 'qemu.TIF_FOREIGN_FPSTATE')?.after).toBe('set');
    const after = countersAfterEach({ ...SC, events: GUEST_RUN }, 'v6.15');
    expect(minus(after[3], after[2])).toEqual(counters(1, 0, 0, 0, 0, 1));
  });

  it('ctxflush frees fp_owner when TIF_FOREIGN_FPSTATE is set; the trap loads only the guest', () => {
    const r = records('v6.15', GUEST_RUN);
    expect(find(r[3].calls, 'kvm_arch_vcpu_ctxflush_fp')?.stmts).toEqual(['free']);
    expect(change(r[3], 'cpu0.CPTR_EL2.TFP')?.after).toBe('set');
    expect(find(r[4].calls, 'kvm_hyp_handle_fpsimd')?.stmts).toEqual(['load-guest']);
    expect(change(r[4], 'cpu0.fp_owner')).toMatchObject({
      before: 'FP_STATE_FREE',
      after: 'FP_STATE_GUEST_OWNED',
    });
    expect(find(r[5].calls, 'kvm_arch_vcpu_ctxsync_fp')?.stmts).toEqual(['bind', 'clear-foreign']);
  });

  it('a second entry keeps the guest owner and does not trap; put saves through the bound pointer', () => {
    const r = records('v6.15', [...GUEST_RUN, ...ev('guest_enter', 'guest_fp', 'guest_exit', 'vcpu_put')]);
    expect(find(r[6].calls, 'kvm_arch_vcpu_ctxflush_fp')?.stmts).toEqual([]);
    expect(change(r[6], 'cpu0.CPTR_EL2.TFP')).toBeUndefined(); // stays clear
    expect(names(r[7])).toEqual([]);
    expect(find(r[9].calls, 'kvm_arch_vcpu_put_fp')?.stmts).toEqual(['save-flush']);
    expect(change(r[9], 'vcpu0.memory')?.after).toBe("vcpu0's newest data");
  });

  it('shows the shared fpsimd_save() under its v6.15 name only', () => {
    const kneon = ev('ret_to_user', 'syscall', 'kernel_neon');
    expect(names(records('v6.15', kneon)[2])).toContain('fpsimd_save_user_state');
    expect(names(records('v4.18', kneon)[2])).toContain('fpsimd_save');
    expect(names(records('v4.18', kneon)[2])).not.toContain('fpsimd_save_user_state');
  });
});
