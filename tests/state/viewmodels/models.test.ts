import { beforeEach, describe, expect, it } from 'vitest';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import { diagramModel, formatValue, SCRATCH_INDEX } from '../../../src/state/viewmodels/diagramModel';
import { paletteModel } from '../../../src/state/viewmodels/paletteModel';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import {
  eventLabel,
  nextViolationStep,
  timelineRow,
  violationRows,
} from '../../../src/state/viewmodels/timelineModel';
import { guestScenario, resetStores, twoCpuScenario } from '../fixtures';

const st = () => useScenarioStore.getState();
const model = () => diagramModel(cursorView(st().replay, st().cursor));

describe('diagram model', () => {
  beforeEach(() => resetStores());

  it('starts with empty registers, NULL pointers and every flag set', () => {
    const m = model();
    expect(m.cpus[0].regs.state).toBe('empty');
    expect(m.cpus[0].lastState).toBeNull();
    const qemu = m.contexts.find((c) => c.id === 'qemu')!;
    expect(qemu.rows.find((r) => r.key === 'foreignFpstate')?.value).toBe('set');
    expect(qemu.rows.find((r) => r.key === 'cpuField')?.value).toBe('NR_CPUS');
  });

  it('marks what the step changed: registers, pointer, flags', () => {
    st().setCursor(1); // ret_to_user loads qemu's state
    const m = model();
    expect(m.cpus[0].regs).toMatchObject({ owner: 'qemu', state: 'newest', changed: true });
    expect(m.cpus[0].pointerChanged).toBe(true);
    expect(m.cpus[0].lastState).toBe('qemu');
    const qemu = m.contexts.find((c) => c.id === 'qemu')!;
    expect(qemu.rows.find((r) => r.key === 'foreignFpstate')).toMatchObject({
      value: 'clear',
      changed: true,
    });
    expect(qemu.rows.find((r) => r.key === 'cpuField')).toMatchObject({ value: '0', changed: true });
  });

  it('passes era fields through by their kernel names', () => {
    st().setCursor(3);
    const vcpu = model().contexts.find((c) => c.id === 'vcpu0')!;
    const extra = vcpu.rows.filter((r) => !['memory', 'inRun'].includes(r.key));
    expect(extra.length).toBeGreaterThan(0);
    for (const r of extra) expect(r.label).toMatch(/^[A-Za-z_]/);
  });

  it('marks a violation on the CPU and the context it names', () => {
    st().setVariant('v4.18/no-put-save');
    const step = nextViolationStep(st().replay, 0)!;
    st().setCursor(step);
    const m = model();
    expect(m.violations.length).toBeGreaterThan(0);
    const v = m.violations[0];
    expect(m.cpus[v.cpu].violation).toBe(true);
    expect(m.contexts.find((c) => c.id === v.context)?.violation).toBe(true);
  });

  it('shows kernel-mode NEON scratch with its own index', () => {
    resetStores(twoCpuScenario());
    st().toEnd();
    expect(model().cpus[1].regs).toMatchObject({ state: 'scratch', ownerIndex: SCRATCH_INDEX });
    expect(formatValue(true)).toBe('set');
    expect(formatValue('x')).toBe('x');
  });
});

describe('palette model', () => {
  beforeEach(() => resetStores(twoCpuScenario()));

  it('gives each op its legality and the reason when illegal', () => {
    const items = paletteModel(st().replay, cursorView(st().replay, 0).state, 0);
    const byOp = Object.fromEntries(items.map((i) => [i.op, i]));
    expect(byOp.ret_to_user.reason).toBeNull();
    expect(byOp.guest_fp.reason).toMatch(/not in a guest/);
    // schedule: one choice per host task; qemu is already current here.
    expect(byOp.schedule.choices.map((c) => c.event.task)).toEqual(['qemu', 'editor', 'kworker']);
    expect(byOp.schedule.choices[0].reason).toMatch(/already current/);
    expect(byOp.schedule.reason).toBeNull();
  });
});

describe('timeline model', () => {
  it('labels rows, the cursor, violations and events past an illegal one', () => {
    const sc = guestScenario();
    sc.events.splice(2, 0, { cpu: 0, op: 'guest_fp' }); // not legal: not in a guest
    resetStores(sc);
    st().setCursor(1);
    const r = st().replay;
    const v = violationRows(r);
    expect(timelineRow(r, 1, 0, v).status).toBe('initial');
    expect(timelineRow(r, 1, 1, v).status).toBe('current');
    expect(timelineRow(r, 1, 2, v).status).toBe('ahead');
    expect(timelineRow(r, 1, 3, v)).toMatchObject({
      status: 'illegal',
      reason: expect.stringMatching(/guest/),
    });
    expect(timelineRow(r, 1, 4, v).status).toBe('unreached');
    expect(eventLabel({ cpu: 1, op: 'schedule', task: 'x' })).toBe('CPU1 schedule → x');
  });
});
