// The palette, the timeline and the diagram show the section and lifecycle ops.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/engine';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import { diagramModel } from '../../../src/state/viewmodels/diagramModel';
import { paletteModel } from '../../../src/state/viewmodels/paletteModel';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { eventLabel } from '../../../src/state/viewmodels/timelineModel';
import { resetStores } from '../fixtures';

const st = () => useScenarioStore.getState();
const model = () => diagramModel(cursorView(st().replay, st().cursor));

const sc = (): Scenario => ({
  format: 'fpsimd-scenario/1',
  title: 'Sections and signals',
  variant: 'mainline',
  cpus: 2,
  tasks: [{ id: 'app' }, { id: 'gdb' }],
  start: { '0': 'app', '1': 'gdb' },
  events: [
    { cpu: 0, op: 'signal' },
    { cpu: 0, op: 'kernel_neon_begin' },
    { cpu: 0, op: 'kernel_fp' },
    { cpu: 0, op: 'kernel_neon_end' },
    { cpu: 0, op: 'idle' },
    { cpu: 0, op: 'cpu_suspend' },
    { cpu: 1, op: 'ptrace_setfp', task: 'app' },
  ],
});

describe('section and lifecycle ops in the view models', () => {
  beforeEach(() => resetStores(sc()));

  it('diagram: pending frames on the task card, the open section as its own card, an idle CPU', () => {
    st().setCursor(1);
    expect(model().contexts.find((c) => c.id === 'app')!.rows).toContainEqual(
      expect.objectContaining({ label: 'signal frames pending', value: '1' }),
    );
    st().setCursor(3);
    const k = model().contexts.find((c) => c.id === 'app.kernel')!;
    expect(k.kind).toBe('kernel_neon');
    expect(k.rows).toContainEqual(
      expect.objectContaining({ label: 'kernel-mode NEON section', value: 'open' }),
    );
    expect(model().cpus[0].regs).toMatchObject({ owner: 'app.kernel', state: 'newest' });
    st().setCursor(5);
    expect(model().cpus[0].rows).toContainEqual(expect.objectContaining({ key: 'current', value: 'idle' }));
  });

  it('diagram: the step that suspends a CPU says it lost power', () => {
    st().setCursor(6);
    expect(model().cpus[0].rows).toContainEqual(expect.objectContaining({ key: 'power' }));
    expect(model().cpus[0].regs.state).toBe('empty');
    st().setCursor(7);
    expect(model().cpus[0].rows.some((r) => r.key === 'power')).toBe(false);
  });

  it('palette: ptrace_setfp offers one choice per task, the running ones refused with the reason', () => {
    const items = paletteModel(st().replay, cursorView(st().replay, 0).state, 1);
    const p = items.find((i) => i.op === 'ptrace_setfp')!;
    expect(p.choices.map((c) => c.event.task)).toEqual(['app', 'gdb']);
    expect(p.choices[0].reason).toMatch(/current on CPU0/);
    expect(p.reason).toMatch(/current on CPU0/);
  });

  it('timeline: names the tracee', () => {
    expect(eventLabel({ cpu: 1, op: 'ptrace_setfp', task: 'app' })).toBe('CPU1 ptrace_setfp app');
  });
});
