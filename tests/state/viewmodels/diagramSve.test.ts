// The SVE part of the view model: per CPU the vector length, EL0 SVE and the H band; per task and
// vcpu sve_state, the H state (live, dead by the ABI, gone) and the SVE flags. FPSIMD-only machines
// show none of it. States are built by replaying legal events, and by hand where the engine's eras
// have no SVE code yet to reach them (the view is a function of the state alone).
import { describe, expect, it } from 'vitest';
import {
  createMachine,
  describeState,
  findVariant,
  hasFpType,
  replay,
  stateAt,
  type MachineState,
  type Scenario,
} from '../../../src/engine';
import { legendEntries } from '../../../src/components/diagram/Legend';
import { beforeMark } from '../../../src/state/viewmodels/beforeModel';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import { diagramModel, type ContextModel } from '../../../src/state/viewmodels/diagramModel';
import { guestScenario } from '../fixtures';

function sveScenario(events: Scenario['events'] = [], variant = 'v6.13'): Scenario {
  return {
    format: 'fpsimd-scenario/1',
    title: 'SVE',
    variant,
    sve: true,
    cpus: 1,
    tasks: [{ id: 'qemu', vcpu: 'vcpu0', vcpuSve: true }, { id: 'gdb' }],
    start: { '0': 'gdb' },
    events,
  };
}

const run = (sc: Scenario) => replay(createMachine(sc, findVariant(sc.variant ?? 'v6.13')!), sc.events);
const row = (c: ContextModel | undefined, key: string) => c?.rows.find((r) => r.key === key);

describe('SVE view model', () => {
  it('leaves an FPSIMD-only machine exactly as it was: no SVE field, row, band or legend entry', () => {
    const r = run(guestScenario());
    for (let i = 0; i <= r.length; i++) {
      const view = describeState(r.machine, stateAt(r, i));
      for (const c of [...view.cpus, ...view.contexts]) expect(c).not.toHaveProperty('sve');
    }
    const m = diagramModel(cursorView(r, r.length));
    expect(m.frame.sve).toBe(false);
    expect(m.cpus[0].regsH).toBeUndefined();
    expect(m.cpus[0].rows.map((x) => x.key)).toEqual(['current', 'mode', 'irqs']);
    expect(m.contexts.find((c) => c.id === 'qemu')!.rows.map((x) => x.label)).toEqual([
      'in memory',
      'cpu',
      'TIF_FOREIGN_FPSTATE',
    ]);
    const keys = legendEntries(m.owners, m.styles).map((e) => e.key);
    expect(keys.some((k) => k.startsWith('sve-'))).toBe(false);
    expect(legendEntries(m.owners, m.styles, true).map((e) => e.key)).toEqual(
      expect.arrayContaining(['sve-h', 'sve-dead', 'sve-gone', 'sve-vl', 'sve-el0']),
    );
  });

  it('shows the initial SVE state: max VL, EL0 SVE trapped, H zero and dead, TIF_SVE clear', () => {
    const r = run(sveScenario());
    const m = diagramModel(cursorView(r, 0));
    expect(m.frame.sve).toBe(true);
    const cpu = m.cpus[0];
    expect(cpu.rows.find((x) => x.key === 'vl')?.value).toBe('max');
    expect(cpu.rows.find((x) => x.key === 'el0Sve')?.value).toBe('trapped');
    expect(cpu.regsH).toMatchObject({ owner: null, state: 'zero' });
    const qemu = m.contexts.find((c) => c.id === 'qemu');
    expect(row(qemu, 'memory')?.label).toBe('in memory (V)');
    expect(row(qemu, 'sveH')).toMatchObject({ value: 'dead (ABI)', band: 'dead' });
    expect(row(qemu, 'TIF_SVE')?.value).toBe('clear');
    expect(row(qemu, 'fp_type')?.value).toBe('FPSIMD');
    expect(row(qemu, 'taskVl')?.value).toBe('max');
    expect(row(qemu, 'inSyscall')?.value).toBe('no');
    expect(row(qemu, 'trapPending')?.value).toBe('none');
    const vcpu = m.contexts.find((c) => c.id === 'vcpu0');
    // KVM allocates an SVE vcpu's sve_state with its initial data: V newest there, H dead.
    expect(row(vcpu, 'sveState')?.value).toBe('V newest · H zero');
    expect(row(vcpu, 'guestZcr')?.value).toBe('max');
    expect(row(vcpu, 'TIF_SVE')).toBeUndefined();
  });

  it('shows fp_type only in eras that have it (v6.2 and later)', () => {
    expect(hasFpType('v6.13')).toBe(true);
    expect(hasFpType('v4.18')).toBe(false);
    const r = run(sveScenario([], 'v4.18'));
    const view = describeState(r.machine, stateAt(r, 0));
    expect(view.contexts[0].sve).not.toHaveProperty('fp_type');
    expect(view.contexts[0].sve?.TIF_SVE).toBe(false);
  });

  it('marks the step that changes SVE state: a tracer writes live H into sve_state', () => {
    const r = run(
      sveScenario([
        { cpu: 0, op: 'ret_to_user' },
        { cpu: 0, op: 'syscall' },
        { cpu: 0, op: 'ptrace_setsve', task: 'qemu' },
      ]),
    );
    expect(r.illegal).toBeNull();
    const gdbInSyscall = diagramModel(cursorView(r, 2)).contexts.find((c) => c.id === 'gdb');
    expect(row(gdbInSyscall, 'inSyscall')).toMatchObject({ value: 'yes', changed: true });
    const m = diagramModel(cursorView(r, 3));
    const qemu = m.contexts.find((c) => c.id === 'qemu');
    expect(row(qemu, 'sveH')).toMatchObject({ value: 'live: sve_state', band: 'live', changed: true });
    expect(row(qemu, 'sveState')).toMatchObject({ value: 'V newest · H newest', changed: true });
    expect(describeState(r.machine, stateAt(r, 3)).contexts[0].sve?.hIn).toEqual(['sve_state']);
  });

  it('says where live H is, and that the upper bits are gone when no copy of it is left', () => {
    const r = run(sveScenario());
    const s: MachineState = structuredClone(stateAt(r, 0));
    const g = s.ghost.sve!;
    // qemu's SVE code ran on CPU0: its newest H (version 1) is live in the registers only.
    g.newestH[0] = 1;
    g.hDead[0] = 0;
    g.regHOwner[0] = 0;
    g.regHVer[0] = 1;
    s.cpus[0].sve!.zen = true;
    let view = describeState(r.machine, s);
    expect(view.cpus[0].sve).toEqual({ vl: 'max', el0Sve: true, regsH: { owner: 'qemu', state: 'newest' } });
    expect(view.contexts[0].sve).toMatchObject({ h: 'live', hIn: ['CPU0'], sveStateH: 'zero' });
    // The registers' H is zeroed (an FPSIMD-only save, then NEON): the live H has no copy left.
    g.regHOwner[0] = -1;
    g.regHVer[0] = 0;
    view = describeState(r.machine, s);
    expect(view.contexts[0].sve).toMatchObject({ h: 'gone', hIn: [] });
    const cv = { ...cursorView(r, 0), state: s, view };
    const qemu = diagramModel(cv).contexts.find((c) => c.id === 'qemu');
    expect(row(qemu, 'sveH')).toMatchObject({ value: 'upper bits gone', band: 'gone' });
    // Dead by the ABI (a syscall since): nothing is reported lost.
    g.hDead[0] = 1;
    expect(describeState(r.machine, s).contexts[0].sve?.h).toBe('dead');
  });

  it('marks the H band or sve_state, not V, in the before picture of a violation about H', () => {
    const r = run(sveScenario());
    const view = describeState(r.machine, stateAt(r, 0));
    const lost = {
      step: 5,
      kind: 'lost-update' as const,
      context: 'qemu',
      owner: 0,
      cpu: 0,
      message:
        "qemu's newest SVE state above the low 128 bits (Z high bits, P, FFR), held only in CPU0's registers, was overwritten by kernel-mode NEON: the upper bits are gone.",
    };
    expect(beforeMark(lost, view)).toMatchObject({ kind: 'regsH', cpu: 0 });
    const stale = {
      ...lost,
      kind: 'stale-read' as const,
      message: "sve_get() read qemu's sve_state, whose upper bits held zero, not its newest.",
    };
    expect(beforeMark(stale, view)).toMatchObject({ kind: 'memoryH', context: 'qemu' });
    // A violation about V keeps its mark on the register file or fpsimd_state.
    expect(beforeMark({ ...lost, message: "qemu's newest data was overwritten" }, view).kind).not.toMatch(
      /H$/,
    );
  });
});
