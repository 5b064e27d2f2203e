// Unit tests of the KVM functions of v4.18 (arch/arm64/kvm/fpsimd.c, arch/arm64/kvm/hyp/switch.c).
import { describe, expect, it } from 'vitest';
import {
  kvm_arch_vcpu_ctxsync_fp,
  kvm_arch_vcpu_load_fp,
  kvm_arch_vcpu_put_fp,
  kvm_arch_vcpu_run_map_fp,
} from '../../../src/engine/eras/v4_18';
import { __hyp_switch_fpsimd, update_fp_enabled } from '../../../src/engine/eras/v4_18_hyp';
import type { MachineState } from '../../../src/engine/state';
import { QEMU, VCPU0, kOn, machine, on, run } from '../helpers';

const flags = (s: MachineState) => ({ enabled: s.vcpus[0].x[0], host: s.vcpus[0].x[1] });

/** qemu in KVM_RUN on CPU0, after its user FP use, in the run loop (not yet in the guest). */
function loaded(variant = 'v4.18') {
  const m = machine(variant);
  return { m, ...run(m, on(0, 'ret_to_user', 'user_fp', 'vcpu_load')) };
}

describe('kvm_arch_vcpu_run_map_fp', () => {
  it('maps the vcpu thread into hyp', () => {
    const m = machine();
    const { s } = run(m, on(0, 'ret_to_user'));
    kvm_arch_vcpu_run_map_fp(kOn(m, s, 0), VCPU0);
    expect(s.vcpus[0].mapped).toBe(true);
  });
});

describe('kvm_arch_vcpu_load_fp', () => {
  it('clears FP_ENABLED and sets FP_HOST', () => {
    const { m, s } = loaded();
    s.vcpus[0].x[0] = 1;
    s.vcpus[0].x[1] = 0;
    kvm_arch_vcpu_load_fp(kOn(m, s, 0), VCPU0);
    expect(flags(s)).toEqual({ enabled: 0, host: 1 });
  });

  it('does not set FP_HOST under no-load-fp-host', () => {
    const { m, s } = loaded('v4.18/no-load-fp-host');
    expect(flags(s)).toEqual({ enabled: 0, host: 0 });
    kvm_arch_vcpu_load_fp(kOn(m, s, 0), VCPU0);
    expect(flags(s).host).toBe(0);
  });
});

describe('update_fp_enabled', () => {
  it("keeps the flags when the host's TIF_FOREIGN_FPSTATE is clear", () => {
    const { m, s } = loaded();
    expect(update_fp_enabled(kOn(m, s, 0, { irqsOff: true }), VCPU0)).toBe(false);
    expect(flags(s)).toEqual({ enabled: 0, host: 1 });
  });

  it('clears FP_ENABLED and FP_HOST when TIF_FOREIGN_FPSTATE is set', () => {
    const { m, s } = loaded();
    s.tasks[QEMU].foreign = true;
    s.vcpus[0].x[0] = 1;
    expect(update_fp_enabled(kOn(m, s, 0, { irqsOff: true }), VCPU0)).toBe(false);
    expect(flags(s)).toEqual({ enabled: 0, host: 0 });
  });

  it('ignores the flag under no-hyp-foreign-check', () => {
    const { m, s } = loaded('v4.18/no-hyp-foreign-check');
    s.tasks[QEMU].foreign = true;
    s.vcpus[0].x[0] = 1;
    expect(update_fp_enabled(kOn(m, s, 0, { irqsOff: true }), VCPU0)).toBe(true);
  });
});

describe('__hyp_switch_fpsimd', () => {
  it('saves the host into its thread when FP_HOST, loads the guest, sets FP_ENABLED, stops trapping', () => {
    const { m, s } = loaded();
    s.cpus[0].fpTrap = true;
    __hyp_switch_fpsimd(kOn(m, s, 0, { irqsOff: true }), VCPU0);
    expect(s.ghost.memVer[QEMU]).toBe(s.ghost.newest[QEMU]);
    expect(s.ghost.regOwner[0]).toBe(VCPU0);
    expect(flags(s)).toEqual({ enabled: 1, host: 0 });
    expect(s.cpus[0].fpTrap).toBe(false);
    expect(s.counters).toMatchObject({ hostSaves: 1, guestRestores: 1, irqsOffSaveRestores: 2 });
  });

  it('only loads the guest when FP_HOST is clear', () => {
    const { m, s } = loaded();
    s.vcpus[0].x[1] = 0;
    __hyp_switch_fpsimd(kOn(m, s, 0, { irqsOff: true }), VCPU0);
    expect(s.counters).toMatchObject({ hostSaves: 0, guestRestores: 1 });
  });
});

describe('kvm_arch_vcpu_ctxsync_fp', () => {
  it('binds the vcpu state and clears TIF_FOREIGN_FPSTATE when FP_ENABLED', () => {
    const { m, s } = loaded();
    s.vcpus[0].x[0] = 1;
    s.tasks[QEMU].foreign = true;
    const k = kOn(m, s, 0, { irqsOff: true });
    kvm_arch_vcpu_ctxsync_fp(k, VCPU0);
    expect(s.cpus[0].lastState).toBe(VCPU0);
    expect(s.tasks[QEMU].foreign).toBe(false);
    expect(k.violations).toEqual([]);
  });

  it('does nothing when the guest did not use FP, and warns with IRQs on', () => {
    const { m, s } = loaded();
    const k = kOn(m, s, 0, { irqsOff: false });
    kvm_arch_vcpu_ctxsync_fp(k, VCPU0);
    expect(s.cpus[0].lastState).toBe(QEMU);
    expect(k.violations.map((v) => v.kind)).toEqual(['kernel-warning']);
  });

  it.each([
    ['v4.18/no-ctxsync-bind', QEMU, false],
    ['v4.18/no-ctxsync-clear-foreign', VCPU0, true],
  ])('%s skips its statement', (variant, last, foreign) => {
    const { m, s } = loaded(variant);
    s.vcpus[0].x[0] = 1;
    s.tasks[QEMU].foreign = true;
    kvm_arch_vcpu_ctxsync_fp(kOn(m, s, 0, { irqsOff: true }), VCPU0);
    expect(s.cpus[0].lastState).toBe(last);
    expect(s.tasks[QEMU].foreign).toBe(foreign);
  });
});

describe('kvm_arch_vcpu_put_fp', () => {
  /** After a guest FP use and exit: the guest's newest data is live, bound to CPU0. */
  function afterExit(variant = 'v4.18') {
    const m = machine(variant);
    return { m, ...run(m, on(0, 'ret_to_user', 'vcpu_load', 'guest_enter', 'guest_fp', 'guest_exit')) };
  }

  it('saves the guest state into the vcpu and flushes, with IRQs off around it', () => {
    const { m, s } = afterExit();
    const k = kOn(m, s, 0);
    kvm_arch_vcpu_put_fp(k, VCPU0);
    expect(s.ghost.memVer[VCPU0]).toBe(s.ghost.newest[VCPU0]);
    expect(s.cpus[0].lastState).toBe(-1);
    expect(s.tasks[QEMU].foreign).toBe(true);
    expect(s.cpus[0].irqsOff).toBe(false);
    expect(s.counters.guestSaves).toBe(1);
    expect(s.counters.irqsOffSaveRestores).toBe(3);
    expect(k.violations).toEqual([]);
  });

  it('does nothing when the guest did not use FP', () => {
    const { m, s } = loaded();
    kvm_arch_vcpu_put_fp(kOn(m, s, 0), VCPU0);
    expect(s.cpus[0].lastState).toBe(QEMU);
    expect(s.counters.guestSaves).toBe(0);
  });

  it('no-put-save flushes without saving; no-put-flush saves without flushing', () => {
    const a = afterExit('v4.18/no-put-save');
    kvm_arch_vcpu_put_fp(kOn(a.m, a.s, 0), VCPU0);
    expect(a.s.counters.guestSaves).toBe(0);
    expect(a.s.cpus[0].lastState).toBe(-1);
    const b = afterExit('v4.18/no-put-flush');
    kvm_arch_vcpu_put_fp(kOn(b.m, b.s, 0), VCPU0);
    expect(b.s.counters.guestSaves).toBe(1);
    expect(b.s.cpus[0].lastState).toBe(VCPU0);
    expect(b.s.tasks[QEMU].foreign).toBe(false);
  });
});
