import { describe, expect, it } from 'vitest';
import type { StateView, Violation } from '../../../src/engine';
import { beforeMark, beforePicture } from '../../../src/state/viewmodels/beforeModel';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { guestScenario, resetStores } from '../fixtures';

/** The before picture at the scenario's first violating step under this variant. */
function atViolation(variant: string) {
  resetStores(guestScenario(), variant);
  const { replay } = useScenarioStore.getState();
  const v = replay.violations[0];
  const after = cursorView(replay, v.step + 1);
  return { v, after, picture: beforePicture(replay, after) };
}

describe('beforePicture', () => {
  it('marks the register file that held the leaked data, as it was before the step', () => {
    const { v, after, picture } = atViolation('v4.18/no-put-flush');
    expect(v).toMatchObject({ kind: 'leak', context: 'qemu', source: 'vcpu0', cpu: 0 });
    // After the step the registers already hold qemu's data: the leak cannot be seen there.
    expect(after.view.cpus[0].regs.owner).toBe('qemu');
    const cpu = picture!.model.cpus[0];
    expect(cpu.regs.owner).toBe('vcpu0');
    expect(cpu.regs.state).toBe('newest');
    expect(cpu.regs.mark).toBe("vcpu0's data, about to leak to qemu");
    expect(picture!.model.step).toBe(v.step);
    // Nothing the previous step changed is highlighted: only the mark.
    expect(cpu.regs.changed).toBe(false);
    expect(cpu.rows.every((r) => !r.changed)).toBe(true);
  });

  it('marks the only copy of the data a lost update overwrites', () => {
    const { v, picture } = atViolation('v4.18/no-put-save');
    expect(v).toMatchObject({ kind: 'lost-update', context: 'vcpu0', cpu: 0 });
    expect(picture!.model.cpus[0].regs).toMatchObject({
      owner: 'vcpu0',
      mark: expect.stringMatching(/only copy/),
    });
    expect(picture!.marks).toHaveLength(1);
  });

  it('has no picture at a step without a violation', () => {
    resetStores(guestScenario(), 'v4.18');
    const { replay } = useScenarioStore.getState();
    expect(beforePicture(replay, cursorView(replay, 5))).toBeNull();
  });
});

describe('beforeMark', () => {
  const view = {
    cpus: [{ id: 0, current: 'app', mode: 'kernel', regs: { owner: 'app', latest: true }, lastState: 'app' }],
    contexts: [{ id: 'app', kind: 'task', memLatest: false }],
  } as unknown as StateView;
  it('marks the in-memory copy a stale read of memory reads', () => {
    const v: Violation = {
      step: 3,
      kind: 'stale-read',
      context: 'app',
      owner: 0,
      cpu: 0,
      message: 'signal frame',
    };
    expect(beforeMark(v, view)).toMatchObject({ kind: 'memory', context: 'app' });
  });
  it('marks the in-memory copy when it held the only newest data that is lost', () => {
    const v: Violation = {
      step: 3,
      kind: 'lost-update',
      context: 'other',
      owner: 1,
      cpu: 0,
      message: 'lost',
    };
    expect(beforeMark(v, view)).toMatchObject({ kind: 'memory', context: 'other' });
  });
  it('marks the CPU for a kernel warning', () => {
    const v: Violation = {
      step: 3,
      kind: 'kernel-warning',
      context: 'app',
      owner: 0,
      cpu: 0,
      message: 'WARN_ON',
    };
    expect(beforeMark(v, view)).toMatchObject({ kind: 'cpu', cpu: 0 });
  });
});
