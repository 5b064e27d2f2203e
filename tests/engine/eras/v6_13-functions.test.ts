// What v6.13 (v5.19 to v6.13) does, one kernel function at a time, and where it differs from v6.15:
// kvm_arch_vcpu_load_fp() only sets fp_owner = FP_STATE_HOST_OWNED, and hyp's kvm_hyp_handle_fpsimd()
// saves the host's live registers (kvm_hyp_save_fpsimd_host()) on the guest's first FP trap.
import { describe, expect, it } from 'vitest';
import { counters, countersAfterEach, loadExample, minus } from './helpers';
import { change, ev, find, GUEST_RUN, names, records, SC } from './records';

describe('v6.13', () => {
  it('kvm_arch_vcpu_load_fp marks the registers host-owned and saves nothing', () => {
    const r = records('v6.13', GUEST_RUN);
    expect(names(r[2])).toEqual([
      'kvm_vcpu_ioctl',
      'kvm_arch_vcpu_run_pid_change',
      'kvm_arch_vcpu_run_map_fp',
      'vcpu_load',
      'kvm_arch_vcpu_load',
      'kvm_arch_vcpu_load_fp',
    ]);
    expect(find(r[2].calls, 'kvm_arch_vcpu_load_fp')?.stmts).toEqual(['host-owned']);
    expect(change(r[2], 'cpu0.fp_owner')?.after).toBe('FP_STATE_HOST_OWNED');
    expect(r[2].changes.filter((c) => c.ghost)).toEqual([]);
  });

  it('the first trap saves the host into its own thread struct, then loads the guest, IRQs off', () => {
    // ctxflush: TIF_FOREIGN_FPSTATE clear (qemu's registers live) -> owner stays HOST_OWNED, FP trapped.
    const r = records('v6.13', GUEST_RUN);
    expect(find(r[3].calls, 'kvm_arch_vcpu_ctxflush_fp')?.stmts).toEqual([]);
    expect(change(r[3], 'cpu0.CPTR_EL2.TFP')?.after).toBe('set');
    expect(find(r[4].calls, 'kvm_hyp_handle_fpsimd')?.stmts).toEqual(['save-host', 'load-guest']);
    expect(change(r[4], 'qemu.memory')?.after).toBe("qemu's newest data");
    expect(change(r[4], 'cpu0.fp_owner')).toMatchObject({
      before: 'FP_STATE_HOST_OWNED',
      after: 'FP_STATE_GUEST_OWNED',
    });
    expect(find(r[5].calls, 'kvm_arch_vcpu_ctxsync_fp')?.stmts).toEqual(['bind', 'clear-foreign']);
    const after = countersAfterEach({ ...SC, events: GUEST_RUN }, 'v6.13');
    // The trap: 1 host save + 1 guest restore, both in hyp (IRQs off); load_fp cost nothing.
    expect(minus(after[3], after[2])).toEqual(counters(0, 0, 0, 0, 0, 0));
    expect(minus(after[5], after[4])).toEqual(counters(1, 0, 0, 1, 1, 2));
  });

  it('softirq NEON between load and entry: ctxflush frees the owner, so hyp saves nothing', () => {
    // kernel_neon_begin saved qemu and set TIF_FOREIGN_FPSTATE; ctxflush sees it and sets FREE.
    const r = records(
      'v6.13',
      ev('ret_to_user', 'user_fp', 'vcpu_load', 'softirq_neon', 'guest_enter', 'guest_fp'),
    );
    expect(find(r[4].calls, 'kvm_arch_vcpu_ctxflush_fp')?.stmts).toEqual(['free']);
    expect(find(r[5].calls, 'kvm_hyp_handle_fpsimd')?.stmts).toEqual(['load-guest']);
  });

  it('put saves the guest through the bound pointer; a run without guest FP saves nothing', () => {
    const r = records('v6.13', [...GUEST_RUN, ...ev('vcpu_put')]);
    expect(find(r[6].calls, 'kvm_arch_vcpu_put_fp')?.stmts).toEqual(['save-flush']);
    expect(change(r[6], 'vcpu0.memory')?.after).toBe("vcpu0's newest data");
    const noFp = records(
      'v6.13',
      ev('ret_to_user', 'user_fp', 'vcpu_load', 'guest_enter', 'guest_exit', 'vcpu_put'),
    );
    expect(find(noFp[5].calls, 'kvm_arch_vcpu_put_fp')?.stmts).toEqual([]);
    expect(noFp.flatMap((x) => x.changes.filter((c) => c.path === 'qemu.memory'))).toEqual([]);
  });
});

describe('v6.13 against v6.15 on one VMM thread, two KVM_RUNs (lazy-vs-eager-host-save)', () => {
  const sc = loadExample('lazy-vs-eager-host-save');
  const total = (v: string) => countersAfterEach(sc, v).at(-1);
  it('v6.13 saves the host once (only the run whose guest used FP) and reloads it twice', () => {
    expect(total('v6.13')).toEqual(counters(1, 2, 1, 1, 1, 3));
  });
  it('v6.15 saves the host at each vcpu load (IRQs off) and reloads it after each run', () => {
    expect(total('v6.15')).toEqual(counters(2, 3, 1, 1, 1, 4));
  });
});
