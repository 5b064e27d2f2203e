import { beforeEach, describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../src/engine';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { guestScenario, resetStores } from '../fixtures';

const st = () => useScenarioStore.getState();

describe('scenario store', () => {
  beforeEach(() => resetStores());

  it('opens at step 0 with the scenario variant and replays every event', () => {
    expect(st().cursor).toBe(0);
    expect(st().variantId).toBe('v4.18');
    expect(st().replay.length).toBe(12);
    expect(st().dirty).toBe(false);
  });

  it('moves the cursor within 0..length', () => {
    st().stepBy(3);
    expect(st().cursor).toBe(3);
    st().stepBy(-10);
    expect(st().cursor).toBe(0);
    st().toEnd();
    expect(st().cursor).toBe(12);
    st().setCursor(99);
    expect(st().cursor).toBe(12);
    st().setCursor(Number.NaN);
    expect(st().cursor).toBe(0);
  });

  it('opens at a requested step, clamped', () => {
    st().open(guestScenario(), { kind: 'shared' }, { step: 50 });
    expect(st().cursor).toBe(12);
  });

  it('inserts an applied event after the cursor and moves onto it; later events stay even if illegal', () => {
    st().setCursor(2); // qemu in user space, FP live
    st().applyEvent({ cpu: 0, op: 'syscall' });
    expect(st().scenario.events).toHaveLength(13);
    expect(st().scenario.events[2]).toEqual({ cpu: 0, op: 'syscall' });
    expect(st().cursor).toBe(3);
    // vcpu_load (next) needs user mode: it is now illegal, and kept.
    expect(st().replay.illegal).toMatchObject({ index: 3, op: 'vcpu_load' });
    expect(st().replay.length).toBe(3);
    expect(st().dirty).toBe(true);
  });

  it('refuses an event that is not legal at the cursor, saying why', () => {
    expect(st().applyEvent({ cpu: 0, op: 'guest_fp' })).toMatch(/not in a guest/);
    expect(st().scenario.events).toHaveLength(12);
    expect(st().past).toHaveLength(0);
  });

  it('undoes and redoes edits, restoring the cursor', () => {
    st().setCursor(2);
    st().applyEvent({ cpu: 0, op: 'syscall' });
    st().undo();
    expect(st().scenario.events).toHaveLength(12);
    expect(st().cursor).toBe(2);
    expect(st().replay.illegal).toBeNull();
    st().redo();
    expect(st().scenario.events).toHaveLength(13);
    expect(st().cursor).toBe(3);
    st().undo();
    st().applyEvent({ cpu: 0, op: 'user_fp' });
    expect(st().future).toHaveLength(0);
  });

  it('deletes an event and sets or clears a note', () => {
    st().setCursor(5);
    st().deleteEvent(4);
    expect(st().scenario.events).toHaveLength(11);
    expect(st().cursor).toBe(4);
    st().setNote(0, '  hello  ');
    expect(st().scenario.events[0].note).toBe('hello');
    st().setNote(0, '');
    expect(st().scenario.events[0].note).toBeUndefined();
  });

  it('changes the variant without changing the scenario', () => {
    const other = VARIANTS.find((v) => v.id !== 'v4.18')!;
    st().setCursor(4);
    const before = st().scenario;
    st().setVariant(other.id);
    expect(st().variantId).toBe(other.id);
    expect(st().scenario).toBe(before);
    st().setVariant('no-such-variant');
    expect(st().variantId).toBe('v4.18');
  });
});
