// Every example scenario replayed under v4.18; final state and counters derived by hand from the
// kernel source (the derivation is in each block's comment, step by step).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allRecords,
  createMachine,
  describeState,
  findVariant,
  parseScenario,
  type Counters,
} from '../../src/engine';

const dir = new URL('../../src/scenarios/', import.meta.url);
const load = (name: string) => {
  const res = parseScenario(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
  return res.scenario;
};
const runV418 = (name: string) => {
  const m = createMachine(load(name), findVariant('v4.18')!);
  const out = allRecords(m, load(name).events);
  expect(out.illegal).toBeNull();
  return { ...out, view: describeState(m, out.state), violations: out.records.flatMap((r) => r.violations) };
};
const counters = (
  hostSaves: number,
  hostRestores: number,
  guestSaves: number,
  guestRestores: number,
  fpTraps: number,
  irqsOffSaveRestores: number,
): Counters => ({
  hostSaves,
  hostRestores,
  guestSaves,
  guestRestores,
  fpTraps,
  irqsOffSaveRestores,
});

describe('every example scenario parses and replays legally', () => {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  it.each(names)('%s', (name) => {
    const sc = load(name);
    expect(sc.description?.length ?? 0).toBeGreaterThan(80);
    const variant = findVariant(sc.variant ?? 'v4.18');
    expect(variant, `variant ${sc.variant}`).toBeDefined();
    const out = allRecords(createMachine(sc, variant!), sc.events);
    expect(out.illegal).toBeNull();
    expect(out.records).toHaveLength(sc.events.length);
  });
});

describe('v4.18 on the examples, against hand derivations', () => {
  it('guest-first-fp', () => {
    // 0 ret_to_user: TIF set -> restore qemu (hR). 2 vcpu_load: FP_HOST set. 3 entry: TIF clear, trap.
    // 4 trap: FP_HOST -> save qemu in hyp (hS, IRQs off), restore vcpu0 (gR, IRQs off).
    // 5 exit: ctxsync binds vcpu0, TIF clear. 6-8 no trap. 9 put: fpsimd_save -> vcpu0 (gS, IRQs off), flush.
    // 10 ret_to_user: TIF set -> restore qemu (hR). 11 user_fp: qemu's newest only in registers.
    const r = runV418('guest-first-fp');
    expect(r.violations).toEqual([]);
    expect(r.state.counters).toEqual(counters(1, 2, 1, 1, 1, 3));
    expect(r.view.cpus[0]).toMatchObject({
      current: 'qemu',
      mode: 'user',
      regs: { owner: 'qemu', latest: true },
      lastState: 'qemu',
    });
    expect(r.view.contexts).toEqual([
      { id: 'qemu', kind: 'task', cpuField: 0, foreignFpstate: false, memLatest: false },
      {
        id: 'vcpu0',
        kind: 'vcpu',
        memLatest: true,
        inRun: false,
        KVM_ARM64_FP_ENABLED: true,
        KVM_ARM64_FP_HOST: false,
      },
    ]);
  });

  it('softirq-neon-between-exits', () => {
    // 0 hR. 4 trap: hS + gR (IRQs off). 5 bind vcpu0. 6 softirq: fpsimd_save writes vcpu0 (gS, IRQs on,
    // in softirq), flush sets TIF. 7 entry: TIF set -> FP_ENABLED and FP_HOST cleared, trap.
    // 8 trap: gR only (IRQs off). 9 bind. 10 put: gS (IRQs off). 11 hR.
    const r = runV418('softirq-neon-between-exits');
    expect(r.violations).toEqual([]);
    expect(r.state.counters).toEqual(counters(1, 2, 2, 2, 2, 4));
    expect(r.records[6].calls.map((c) => c.name)).toEqual(['__do_softirq']);
    expect(r.view.cpus[0]).toMatchObject({
      current: 'qemu',
      mode: 'user',
      regs: { owner: 'qemu', latest: true },
    });
    expect(r.view.contexts[1]).toMatchObject({ id: 'vcpu0', memLatest: true, KVM_ARM64_FP_ENABLED: true });
  });

  it('vcpu-preempt-migrate', () => {
    // CPU0: 0 hR; 3 trap hS + gR (IRQs off); 4 bind. CPU1: 5 hR editor; 6 editor dirty.
    // 7 CPU0 -> kworker: sched-out put_fp saves vcpu0 (gS, IRQs off), flush sets qemu's TIF.
    // 8 CPU1 -> qemu: fpsimd_thread_switch saves editor (hS, IRQs off); last_state(1)=editor -> qemu TIF set;
    //   sched-in load_fp sets FP_HOST. 9 entry: TIF set -> flags cleared, trap. 10 trap: gR only.
    // 11 bind vcpu0 to CPU1. 12 put: gS. 13 hR qemu (cpu field 1). 15 kworker NEON over stale vcpu0 copy.
    const r = runV418('vcpu-preempt-migrate');
    expect(r.violations).toEqual([]);
    expect(r.state.counters).toEqual(counters(2, 3, 2, 2, 2, 6));
    expect(r.view.cpus).toEqual([
      {
        id: 0,
        current: 'kworker',
        mode: 'kernel',
        regs: { owner: 'kernel-neon', latest: false },
        lastState: null,
        irqsDisabled: false,
      },
      {
        id: 1,
        current: 'qemu',
        mode: 'user',
        regs: { owner: 'qemu', latest: true },
        lastState: 'qemu',
        irqsDisabled: false,
      },
    ]);
    expect(r.view.contexts.map((c) => [c.id, c.cpuField, c.foreignFpstate, c.memLatest])).toEqual([
      ['qemu', 1, false, false],
      ['editor', 1, false, true],
      ['kworker', null, true, true],
      ['vcpu0', undefined, undefined, true],
    ]);
  });

  it('host-task-between-kvm-runs', () => {
    // 0 hR; 3 trap hS + gR; 5 put gS; 6 hR; 7 switch saves qemu (hS, IRQs off); 8 hR editor;
    // 10 switch saves editor (hS, IRQs off), qemu foreign; 11 hR; 14 trap hS + gR; 16 put gS.
    const r = runV418('host-task-between-kvm-runs');
    expect(r.violations).toEqual([]);
    expect(r.state.counters).toEqual(counters(4, 4, 2, 2, 2, 8));
    expect(r.view.cpus[0]).toMatchObject({
      current: 'qemu',
      mode: 'kernel',
      regs: { owner: 'vcpu0', latest: true },
      lastState: null,
    });
    expect(r.view.contexts.map((c) => [c.id, c.cpuField, c.foreignFpstate, c.memLatest])).toEqual([
      ['qemu', 0, true, true],
      ['editor', 0, false, true],
      ['vcpu0', undefined, undefined, true],
    ]);
  });

  it('two-vcpus-one-cpu', () => {
    // 0 hR qemu0; 3 trap hS + gR (vcpu0); 5 sched-out put vcpu0 (gS); 6 hR qemu1; 9 trap hS + gR (vcpu1);
    // 11 sched-out put vcpu1 (gS), sched-in load vcpu0; 12 entry: qemu0 TIF set -> FP_HOST cleared;
    // 13 trap gR only; 15 put gS; 16 hR qemu0.
    const r = runV418('two-vcpus-one-cpu');
    expect(r.violations).toEqual([]);
    expect(r.state.counters).toEqual(counters(2, 3, 3, 3, 3, 8));
    expect(r.view.contexts.map((c) => [c.id, c.memLatest, c.inRun ?? null])).toEqual([
      ['qemu0', true, null],
      ['qemu1', true, null],
      ['vcpu0', true, false],
      ['vcpu1', true, true],
    ]);
  });
});
