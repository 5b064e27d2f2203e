import { describe, expect, it } from 'vitest';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { stepAnnouncement } from '../../../src/state/viewmodels/stepAnnouncement';
import { guestScenario, resetStores } from '../fixtures';

const at = (cursor: number): string => {
  const { replay } = useScenarioStore.getState();
  return stepAnnouncement(cursor, replay.length, cursorView(replay, cursor).record);
};

describe('stepAnnouncement', () => {
  it('says what the step did, from its record', () => {
    resetStores(guestScenario(), 'v4.18');
    // Event 6 is the guest's first exit: the run loop binds vcpu0's live state to CPU0.
    expect(at(6)).toBe(
      "Step 6 of 12: guest_exit on CPU0; vcpu0's state now bound to CPU0; CPU0 now in kernel mode; CPU0 irqs off → on",
    );
    expect(at(0)).toBe('Step 0 of 12: the initial state');
  });

  it('reads the violation first and counts what it leaves out', () => {
    resetStores(guestScenario(), 'v4.18/no-put-flush');
    const { replay } = useScenarioStore.getState();
    const v = replay.violations[0];
    const text = at(v.step + 1);
    expect(text).toMatch(/^Step 12 of 12: user_fp on CPU0; violation: vcpu0's data leaked to qemu; /);
  });
});
