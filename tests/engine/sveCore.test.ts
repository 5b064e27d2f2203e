// The SVE core (src/engine/ghostSve.ts, kctxSve.ts, sveOps.ts): the H part of the ghost and the SVE
// ops' drivers, independent of any era's kernel code. Expected values are derived by hand from the
// rules in docs/model.md ("SVE"): V is the low 128 bits of Z, H the rest; a V write zeroes H.
import { describe, expect, it } from 'vitest';
import { initialMachineState, whyIllegal } from '../../src/engine';
import {
  discardH,
  readTaskSve,
  regsToSveMemory,
  sveMemoryToRegs,
  sveToFpsimd,
  useRegsSve,
  writeTaskSve,
  zeroRegsH,
} from '../../src/engine/ghostSve';
import { memoryToRegs } from '../../src/engine/ghost';
import { set_cpu_vl, set_zen } from '../../src/engine/kctxSve';
import { NOTHING, VL_MIN } from '../../src/engine/state';
import type { Scenario } from '../../src/engine';
import { kOn, machine } from './helpers';

const SVE: Pick<Scenario, 'cpus' | 'tasks' | 'start' | 'sve'> = {
  cpus: 2,
  sve: true,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0', vcpuSve: true }, { id: 'app' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'app' },
};
const APP = 1;
const VCPU0 = 3;

/** app on CPU1 with EL0 SVE enabled and live SVE state (V and H newest only in CPU1's registers). */
function appLive() {
  const m = machine('v6.16', SVE as typeof SVE & Pick<Scenario, 'cpus'>);
  const s = initialMachineState(m);
  const k = kOn(m, s, 1);
  set_zen(k, true);
  memoryToRegs(k, APP);
  useRegsSve(k, APP, s.tasks[APP].sve!.vl);
  s.counters.hostRestores = 0;
  return { m, s, k };
}

describe('the SVE state exists on SVE machines only', () => {
  it('an FPSIMD-only machine has no sve members anywhere', () => {
    const s = initialMachineState(machine('v6.16'));
    expect(s.cpus.every((c) => c.sve === undefined)).toBe(true);
    expect(s.tasks.every((t) => t.sve === undefined)).toBe(true);
    expect(s.vcpus.every((v) => v.sve === undefined)).toBe(true);
    expect(s.ghost.sve).toBeUndefined();
  });

  it('an SVE machine starts with H dead everywhere, EL0 SVE trapped, every VL max', () => {
    const m = machine('v6.16', SVE as never);
    const s = initialMachineState(m);
    expect(s.cpus.map((c) => c.sve)).toEqual([
      { zen: false, vl: 0, x: expect.any(Array) },
      { zen: false, vl: 0, x: expect.any(Array) },
    ]);
    expect(s.tasks[APP].sve).toEqual({ tif: false, fpType: 0, vl: 0, inSyscall: false, trap: false });
    expect(s.ghost.sve!.hDead).toEqual([1, 1, 1, 1]);
    // The SVE vcpu's sve_state holds its initial V, like its fp_regs.
    expect(s.ghost.sve!.zOwner).toEqual([NOTHING, NOTHING, NOTHING, VCPU0]);
    expect(m.cfg.contexts[VCPU0].sve).toBe(true);
  });
});

describe('ghost primitives for H', () => {
  it('an SVE save and load move V and H together, one save and one restore', () => {
    const { s, k } = appLive();
    regsToSveMemory(k, APP);
    const g = s.ghost.sve!;
    expect([g.zOwner[APP], g.zVer[APP]]).toEqual([APP, s.ghost.newest[APP]]);
    expect([g.hOwner[APP], g.hVer[APP]]).toEqual([APP, g.newestH[APP]]);
    zeroRegsH(k, 'test');
    sveMemoryToRegs(k, APP);
    expect([g.regHOwner[1], g.regHVer[1]]).toEqual([APP, g.newestH[APP]]);
    expect(s.counters.hostSaves).toBe(1);
    expect(s.counters.hostRestores).toBe(1);
    expect(k.violations).toEqual([]);
  });

  it('an FPSIMD load over live H that is nowhere else loses the upper bits', () => {
    const { s, k } = appLive();
    memoryToRegs(k, APP);
    expect(s.ghost.sve!.regHOwner[1]).toBe(NOTHING);
    // Both parts were newest only in the registers: V is lost to the older copy, H to zero.
    expect(k.violations.map((v) => v.kind)).toEqual(['lost-update', 'lost-update']);
    expect(k.violations[1].message).toMatch(/upper bits are gone/);
  });

  it('dead H is never reported: after the ABI discard, zeroing it is no loss', () => {
    const { k } = appLive();
    discardH(k, APP);
    zeroRegsH(k, 'sve_flush_live()');
    expect(k.violations).toEqual([]);
  });

  it('SVE code finding zeroed live H reads stale upper bits; another context\u2019s H is a leak', () => {
    const { m, s, k } = appLive();
    regsToSveMemory(k, APP);
    zeroRegsH(k, 'test'); // saved first: no loss
    useRegsSve(k, APP, s.tasks[APP].sve!.vl);
    expect(k.violations.map((v) => v.kind)).toEqual(['stale-read']);
    const k2 = kOn(m, s, 1);
    // The vcpu's own H is dead (never written), so only V is read: app's V leaks to it; then its
    // writes destroy app's newest V and H, held only in these registers.
    useRegsSve(k2, VCPU0);
    expect(k2.violations.map((v) => v.kind)).toEqual(['leak', 'lost-update', 'lost-update']);
  });

  it('a task running SVE code at the wrong vector length reads stale state', () => {
    const { s, k } = appLive();
    set_cpu_vl(k, VL_MIN);
    useRegsSve(k, APP, s.tasks[APP].sve!.vl);
    expect(k.violations.map((v) => v.kind)).toEqual(['stale-read']);
  });

  it('a ptrace read sees a written sve_state; sve_to_fpsimd copies its V', () => {
    const m = machine('v6.16', SVE as never);
    const s = initialMachineState(m);
    const k = kOn(m, s, 0);
    writeTaskSve(k, APP);
    readTaskSve(k, APP, 'sve_get()');
    expect(k.violations).toEqual([]);
    sveToFpsimd(k, APP);
    expect([s.ghost.memOwner[APP], s.ghost.memVer[APP]]).toEqual([APP, s.ghost.newest[APP]]);
  });
});

describe('SVE ops: legality in words', () => {
  const m = machine('v6.16', SVE as never);
  const s = initialMachineState(m);
  it('do_sve_acc needs a trapped access; prctl_set_vl needs a syscall; guest_zcr needs a guest', () => {
    expect(whyIllegal(m.cfg, s, { cpu: 1, op: 'do_sve_acc' })).toBe(
      'app has no trapped SVE access pending (user_sve with EL0 SVE trapped first)',
    );
    expect(whyIllegal(m.cfg, s, { cpu: 1, op: 'prctl_set_vl' })).toBe(
      'app is not in a syscall (prctl is one: syscall first)',
    );
    expect(whyIllegal(m.cfg, s, { cpu: 0, op: 'guest_zcr' })).toBe('CPU0 is not in a guest (mode: kernel)');
    expect(whyIllegal(m.cfg, s, { cpu: 1, op: 'user_sve' })).toBe(
      'CPU1 is not running a task in user space (mode: kernel)',
    );
  });

  it('an FPSIMD-only machine refuses every SVE op by name', () => {
    const f = machine('v6.16');
    const s0 = initialMachineState(f);
    expect(whyIllegal(f.cfg, s0, { cpu: 1, op: 'user_sve' })).toBe(
      'user_sve needs a machine with SVE ("sve": true in the scenario)',
    );
  });
});
