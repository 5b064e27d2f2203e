// KVM's SVE side of v6.13, v6.15 and v6.16, one kernel function at a time, and the gallery's KVM SVE
// bugs (docs/kernel-notes.md, "SVE: v6.13 to v6.16, KVM"). Expectations are derived by hand from the
// kernel statements quoted there. Machine: one CPU, the VMM thread qemu with SVE vcpu vcpu0, a kernel
// thread; VHE unless said. Counters are c(hostSaves, hostRestores, guestSaves, guestRestores, fpTraps,
// irqsOff).
import { describe, expect, it } from 'vitest';
import {
  allRecords,
  createMachine,
  findVariant,
  type Scenario,
  type ScenarioEvent,
  type StepRecord,
} from '../../../src/engine';
import { counters as c, loadExample, runUnder } from './helpers';
import { change, ev, find } from './records';

const machine = (vhe: boolean, vcpuSve = true) => ({
  sve: true,
  vhe,
  cpus: 1,
  tasks: [
    { id: 'qemu', vcpu: 'vcpu0', vcpuSve },
    { id: 'kworker', kthread: true },
  ],
  start: { '0': 'qemu' },
});
const scenario = (events: ScenarioEvent[], vhe = true, vcpuSve = true): Scenario => ({
  format: 'fpsimd-scenario/1',
  title: 't',
  ...machine(vhe, vcpuSve),
  events,
});
function rec(variant: string, events: ScenarioEvent[], vhe = true, vcpuSve = true): StepRecord[] {
  const out = allRecords(createMachine(machine(vhe, vcpuSve), findVariant(variant)!), events);
  expect(out.illegal).toBeNull();
  return out.records;
}
const stmts = (r: StepRecord, fn: string) => find(r.calls, fn)?.stmts;

/** qemu turns user SVE on: the trap, its handler (TIF_SVE, EL0 SVE on), back to user. */
const SVE_ON = ev('ret_to_user', 'user_sve', 'do_sve_acc', 'ret_to_user');

describe('v6.13: fpsimd_kvm_prepare() and HOST_SVE_ENABLED at vcpu load', () => {
  it('clears TIF_SVE and converts the saved state, but leaves EL0 SVE on (the bug fbc7e61195e2 fixed)', () => {
    const r = rec('v6.13', [...SVE_ON, ...ev('vcpu_load')]);
    expect(stmts(r[4], 'fpsimd_kvm_prepare')).toEqual(['clear-tif-sve']);
    expect(find(r[4].calls, 'sve_to_fpsimd')).toBeDefined();
    expect(change(r[4], 'qemu.TIF_SVE')).toMatchObject({ before: 'set', after: 'clear' });
    expect(change(r[4], 'cpu0.EL0 SVE')).toBeUndefined();
    // vcpu_clear_flag(HOST_SVE_ENABLED), then CPACR_EL1.ZEN_EL0EN is set: the flag is set.
    expect(stmts(r[4], 'kvm_arch_vcpu_load_fp')).toEqual([
      'host-owned',
      'clear-host-sve-enabled',
      'host-sve-enabled',
    ]);
    expect(change(r[4], 'vcpu0.HOST_SVE_ENABLED')?.after).toBe('set');
  });

  it('without TIF_SVE it does nothing, and the flag stays clear with EL0 SVE trapped', () => {
    const r = rec('v6.13', ev('ret_to_user', 'vcpu_load'));
    expect(stmts(r[1], 'fpsimd_kvm_prepare')).toEqual([]);
    expect(stmts(r[1], 'kvm_arch_vcpu_load_fp')).toEqual(['host-owned', 'clear-host-sve-enabled']);
  });

  it('v6.15 and v6.16 have no fpsimd_kvm_prepare(): the load saves and flushes instead', () => {
    for (const era of ['v6.15', 'v6.16']) {
      const r = rec(era, [...SVE_ON, ...ev('vcpu_load')]);
      expect(find(r[4].calls, 'fpsimd_kvm_prepare')).toBeUndefined();
      expect(stmts(r[4], 'kvm_arch_vcpu_load_fp')).toEqual(['save-flush-host']);
      expect(change(r[4], 'qemu.TIF_FOREIGN_FPSTATE')?.after).toBe('set');
    }
  });
});

describe('v6.13: exit and kvm_arch_vcpu_put_fp() with the guest not owning the registers', () => {
  const RUN = [...SVE_ON, ...ev('vcpu_load', 'guest_enter', 'guest_exit', 'vcpu_put')];
  it('VHE: hyp traps EL0 SVE at exit, put_fp turns it back on from HOST_SVE_ENABLED', () => {
    const r = rec('v6.13', RUN);
    expect(stmts(r[6], 'kvm_reset_cptr_el2')).toEqual(['el0-sve-trapped']);
    expect(change(r[6], 'cpu0.EL0 SVE')).toMatchObject({ before: 'enabled', after: 'trapped' });
    expect(stmts(r[7], 'kvm_arch_vcpu_put_fp')).toEqual(['restore-el0-sve']);
    expect(change(r[7], 'cpu0.EL0 SVE')).toMatchObject({ before: 'trapped', after: 'enabled' });
  });
  it('nVHE: hyp leaves the host EL1 CPACR_EL1 alone and put_fp has nothing to restore', () => {
    const r = rec('v6.13', RUN, false);
    expect(stmts(r[6], 'kvm_reset_cptr_el2')).toEqual([]);
    expect(stmts(r[7], 'kvm_arch_vcpu_put_fp')).toEqual([]);
    expect(r.flatMap((x) => x.changes.filter((ch) => ch.path === 'cpu0.EL0 SVE')).length).toBe(1); // do_sve_acc
  });
});

describe('guest SVE: the trap handler, ctxsync and put_fp', () => {
  const GUEST = ev('ret_to_user', 'vcpu_load', 'guest_enter', 'guest_fp', 'guest_exit', 'vcpu_put');
  it('the trap loads an SVE vcpu in SVE format at its maximum length; ctxsync binds it for an SVE save at max', () => {
    for (const era of ['v6.13', 'v6.15', 'v6.16']) {
      const r = rec(era, GUEST);
      expect(find(r[3].calls, 'kvm_hyp_handle_fpsimd')?.stmts).toContain('load-guest-sve');
      expect(find(r[3].calls, '__sve_restore_state')).toBeDefined();
      expect(change(r[4], 'cpu0.to_save')?.after).toBe('FP_STATE_SVE');
      expect(stmts(r[5], 'kvm_arch_vcpu_put_fp')).toEqual(['save-flush']);
      expect(find(r[5].calls, 'sve_save_state')).toBeDefined();
      expect(change(r[5], 'vcpu0.memory')).toBeUndefined(); // fp_regs untouched: the save went to sve_state
    }
  });
  it('a vcpu without SVE on an SVE host is loaded and saved as FPSIMD (to_save FP_STATE_FPSIMD)', () => {
    const r = rec('v6.15', GUEST, true, false);
    expect(stmts(r[3], 'kvm_hyp_handle_fpsimd')).toEqual(['load-guest']);
    expect(change(r[4], 'cpu0.to_save')?.after).toBe('FP_STATE_FPSIMD');
    expect(change(r[5], 'vcpu0.memory')?.after).toBe("vcpu0's newest data");
  });
  it('counters: v6.13 saves the host lazily in hyp, v6.15 at load; each one SVE guest save and load', () => {
    // v6.13: 0 hR; 3 the trap: hS (hyp, off) and gR (off); 5 put: gS (off).
    // v6.15: 0 hR; 1 load_fp: hS (local_irq_save, off); 3 gR (off); 5 gS (off).
    for (const era of ['v6.13', 'v6.15', 'v6.16'])
      for (const vhe of [true, false])
        expect(runUnder(scenario(GUEST, vhe), era).counters).toEqual(c(1, 1, 1, 1, 1, 3));
  });
});

describe('vector lengths around a guest that chose the shorter one (59419f10045b)', () => {
  const ZCR = ev('ret_to_user', 'vcpu_load', 'guest_enter', 'guest_fp', 'guest_zcr', 'guest_exit');
  it('v6.13 nVHE: the host keeps the guest ZCR_EL1 after exit; put_fp sets the maximum before saving', () => {
    const r = rec('v6.13', [...ZCR, ...ev('vcpu_put')], false);
    expect(change(r[4], 'cpu0.ZCR (VL)')).toMatchObject({ before: 'max', after: 'min' });
    expect(change(r[5], 'cpu0.ZCR (VL)')).toBeUndefined();
    expect(stmts(r[6], 'kvm_arch_vcpu_put_fp')).toEqual(['zcr-max', 'save-flush']);
    expect(change(r[6], 'cpu0.ZCR (VL)')).toMatchObject({ before: 'min', after: 'max' });
    expect(r.flatMap((x) => x.violations)).toEqual([]);
  });
  it('v6.13 VHE: the guest ZCR_EL1 is not the host length (ZCR_EL2 stays at the maximum)', () => {
    const r = rec('v6.13', ZCR);
    expect(change(r[4], 'cpu0.ZCR (VL)')).toBeUndefined();
    expect(change(r[4], 'vcpu0.guest ZCR_EL1')?.after).toBe('min');
  });
  it('v6.15/v6.16 nVHE: fpsimd_lazy_switch_to_host() restores the maximum at exit, _to_guest the guest one at entry', () => {
    for (const era of ['v6.15', 'v6.16']) {
      const r = rec(era, [...ZCR, ...ev('guest_enter')], false);
      expect(stmts(r[5], 'fpsimd_lazy_switch_to_host')).toEqual(['zcr-el1-vcpu-max']);
      expect(change(r[5], 'cpu0.ZCR (VL)')).toMatchObject({ before: 'min', after: 'max' });
      expect(stmts(r[6], 'fpsimd_lazy_switch_to_guest')).toEqual(['zcr-guest']);
      expect(change(r[6], 'cpu0.ZCR (VL)')?.after).toBe('min');
    }
  });
  it('v6.15 VHE: exit traps EL0 SVE and keeps the host at the maximum', () => {
    const r = rec('v6.15', ZCR);
    expect(stmts(r[5], '__deactivate_cptr_traps')).toEqual(['el0-sve-trapped']);
    expect(stmts(r[5], 'fpsimd_lazy_switch_to_host')).toEqual(['zcr-el2-vcpu-max']);
    expect(r.flatMap((x) => x.changes.filter((ch) => ch.path === 'cpu0.ZCR (VL)'))).toEqual([]);
  });
  it('guest_zcr while FP is trapped: the ZCR_EL1 write traps to hyp first, which loads the guest', () => {
    const r = rec('v6.15', ev('ret_to_user', 'vcpu_load', 'guest_enter', 'guest_zcr'), false);
    expect(find(r[3].calls, 'kvm_hyp_handle_fpsimd')?.stmts).toContain('load-guest-sve');
    expect(change(r[3], 'cpu0.ZCR (VL)')?.after).toBe('min');
    expect(
      runUnder(scenario(ev('ret_to_user', 'vcpu_load', 'guest_enter', 'guest_zcr'), false), 'v6.15').counters
        .fpTraps,
    ).toBe(1);
  });
});

describe('the release bugs of v6.13 and the historic variant, on their examples', () => {
  it("fbc7e61195e2: v6.13 loses qemu's SVE upper bits at the softirq (VHE and nVHE); v6.15 and v6.16 stay clean", () => {
    const sc = loadExample('history-fbc7e61195e2');
    expect(sc.variant).toBe('v6.13');
    for (const vhe of [true, false]) {
      const s = { ...sc, vhe };
      const v = runUnder(s, 'v6.13').violations;
      expect(v.length).toBeGreaterThan(0);
      expect(v[0]).toMatchObject({ kind: 'lost-update', context: 'qemu', step: 10 });
      expect(v[0].message).toMatch(/upper bits are gone/);
      for (const era of ['v6.15', 'v6.16']) expect(runUnder(s, era).violations).toEqual([]);
    }
    // v6.13: 0 hR; 10 hS (FPSIMD only), then the softirq's return to user reloads (hR).
    // v6.15: 0 hR; 4 hS (off); 8 hR; 9 traps (qemu in the kernel); 10 hS, no return to user.
    expect(runUnder(sc, 'v6.13').counters).toEqual(c(1, 2, 0, 0, 0, 0));
    expect(runUnder(sc, 'v6.15').counters).toEqual(c(2, 2, 0, 0, 0, 1));
  });

  it('fbc7e61195e2 without a guest entry: vcpu_load and vcpu_put alone leave user SVE on (9 events)', () => {
    const events = [...SVE_ON, ...ev('vcpu_load', 'vcpu_put', 'ret_to_user', 'user_sve', 'softirq_neon')];
    for (const vhe of [true, false]) {
      expect(runUnder(scenario(events, vhe), 'v6.13').violations[0]).toMatchObject({
        kind: 'lost-update',
        context: 'qemu',
        step: 8,
      });
      expect(runUnder(scenario(events, vhe), 'v6.15').violations).toEqual([]);
    }
  });

  it('fbc7e61195e2: in v6.15 the second user_sve traps (the reload rebinds with TIF_SVE clear)', () => {
    for (const vhe of [true, false]) {
      const r = rec('v6.15', loadExample('history-fbc7e61195e2').events, vhe);
      expect(change(r[8], 'qemu.TIF_SVE')?.after).toBe('clear'); // task_fpsimd_load(): fp_type FPSIMD
      expect(stmts(r[8], 'fpsimd_bind_task_to_cpu')).toEqual(['sve-user-disable']);
      // VHE: hyp already trapped EL0 SVE at exit; nVHE: the rebind traps it here.
      expect(change(r[8], 'cpu0.EL0 SVE')?.after).toBe(vhe ? undefined : 'trapped');
      expect(change(r[9], 'qemu.SVE trap pending')?.after).toBe('true');
    }
  });

  it('59419f10045b: v6.13 nVHE warns at the softirq save (wrong vector length); VHE and v6.15 stay clean', () => {
    const sc = loadExample('history-59419f10045b');
    expect(sc).toMatchObject({ variant: 'v6.13', vhe: false });
    const v = runUnder(sc, 'v6.13').violations;
    expect(v[0]).toMatchObject({ kind: 'kernel-warning', step: 6 });
    expect(v[0].message).toMatch(/sve_get_vl\(\) != vl/);
    for (const x of v) expect(x.step).toBe(6);
    expect(runUnder({ ...sc, vhe: true }, 'v6.13').violations).toEqual([]);
    for (const era of ['v6.15', 'v6.16']) expect(runUnder(sc, era).violations).toEqual([]);
  });

  it('v6.13/pre-d52d165d67c5: the stale HOST_SVE_ENABLED turns user SVE on; v6.13 clears it and stays clean', () => {
    const sc = loadExample('history-d52d165d67c5');
    const pre = 'v6.13/pre-d52d165d67c5';
    expect(sc.variant).toBe(pre);
    const v = runUnder(sc, pre).violations;
    expect(v[0]).toMatchObject({ kind: 'lost-update', context: 'qemu', step: 12 });
    for (const x of v) expect(x.step).toBe(12);
    expect(runUnder(sc, 'v6.13').violations).toEqual([]);
    // The second load: EL0 SVE off. Pre-fix the flag keeps its old value; v6.13 clears it.
    expect(stmts(rec(pre, sc.events)[8], 'kvm_arch_vcpu_load_fp')).toEqual(['host-owned']);
    expect(stmts(rec('v6.13', sc.events)[8], 'kvm_arch_vcpu_load_fp')).toEqual([
      'host-owned',
      'clear-host-sve-enabled',
    ]);
    expect(change(rec(pre, sc.events)[9], 'cpu0.EL0 SVE')?.after).toBe('enabled');
    expect(change(rec('v6.13', sc.events)[9], 'cpu0.EL0 SVE')).toBeUndefined();
  });

  it("fbc7e61195e2's ptrace symptom: v6.13's load drops SVE state a tracer wrote at the KVM_RUN stop", () => {
    // qemu stops in KVM_RUN's syscall; gdb writes its SVE registers (TIF_SVE, fp_type SVE, new H in
    // sve_state, task flushed); KVM_RUN resumes (vcpu_load from the kernel). v6.13: fpsimd_kvm_prepare()
    // makes the state FPSIMD only, the return loads V alone with EL0 SVE trapped, and do_sve_acc()'s
    // sve_alloc() zeroes the written upper bits (11), which qemu then misses (13). v6.15: the load's
    // save finds nothing live (the stop flushed qemu), the return loads the SVE state: clean.
    const m = {
      sve: true,
      cpus: 1,
      tasks: [{ id: 'qemu', vcpu: 'vcpu0', vcpuSve: true }, { id: 'gdb' }],
      start: { '0': 'qemu' },
    };
    const stop = ev('ret_to_user', 'syscall', ['schedule', 'gdb'], 'ret_to_user', 'syscall');
    const resume = ev(
      ['ptrace_setsve', 'qemu'],
      ['schedule', 'qemu'],
      'vcpu_load',
      'vcpu_put',
      'ret_to_user',
    );
    const run = (variant: string, events: ScenarioEvent[]) => {
      const out = allRecords(createMachine(m, findVariant(variant)!), events);
      expect(out.illegal).toBeNull();
      return out.records.flatMap((r) => r.violations);
    };
    const v13 = run('v6.13', [
      ...stop,
      ...resume,
      ...ev('user_sve', 'do_sve_acc', 'ret_to_user', 'user_sve'),
    ]);
    expect(v13.map((x) => [x.step, x.kind, x.context])).toEqual([
      [11, 'lost-update', 'qemu'],
      [13, 'stale-read', 'qemu'],
    ]);
    expect(run('v6.15', [...stop, ...resume, ...ev('user_sve')])).toEqual([]);
  });

  it('v6.13 lists the two as bugs of the release itself, and the historic fix as a variant', () => {
    const era = findVariant('v6.13')!.era;
    expect(era.releaseBugs?.map((b) => b.commit)).toEqual(
      expect.arrayContaining(['fbc7e61195e2', '59419f10045b']),
    );
    expect(findVariant('v6.13/pre-d52d165d67c5')?.historic?.sve).toBe(true);
    for (const id of ['v6.13', 'v6.15', 'v6.16']) expect(findVariant(id)!.era.guestSve).toBe(true);
  });
});

describe('FPSIMD-only machines keep their traces', () => {
  it('v6.13 load_fp shows no fpsimd_kvm_prepare() and the same statements as before', () => {
    const out = allRecords(
      createMachine(
        { cpus: 1, tasks: [{ id: 'qemu', vcpu: 'vcpu0' }], start: { '0': 'qemu' } },
        findVariant('v6.13')!,
      ),
      ev('ret_to_user', 'vcpu_load', 'guest_enter', 'guest_exit', 'vcpu_put'),
    );
    expect(find(out.records[1].calls, 'fpsimd_kvm_prepare')).toBeUndefined();
    expect(stmts(out.records[1], 'kvm_arch_vcpu_load_fp')).toEqual(['host-owned']);
    expect(find(out.records[3].calls, 'kvm_reset_cptr_el2')).toBeUndefined();
    expect(stmts(out.records[4], 'kvm_arch_vcpu_put_fp')).toEqual([]);
  });
});
