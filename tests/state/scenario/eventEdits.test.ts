import { describe, expect, it } from 'vitest';
import { changed, withEvent, withMoved } from '../../../src/state/scenario/eventEdits';
import { guestScenario } from '../fixtures';

describe('event edits', () => {
  it('moves an event, clamped at both ends', () => {
    const sc = guestScenario();
    const { scenario, index } = withMoved(sc, 0, 2);
    expect(index).toBe(2);
    expect(scenario.events[2]).toBe(sc.events[0]);
    expect(scenario.events.length).toBe(sc.events.length);
    expect(withMoved(sc, 0, -1)).toEqual({ scenario: sc, index: 0 });
    expect(withMoved(sc, 1, 99).index).toBe(sc.events.length - 1);
  });

  it('replaces one event and removes a task set to none', () => {
    const sc = guestScenario();
    const ev = changed({ cpu: 0, op: 'schedule', task: 'qemu' }, { task: undefined });
    expect(ev).toEqual({ cpu: 0, op: 'schedule' });
    const next = withEvent(sc, 3, ev);
    expect(next.events[3]).toBe(ev);
    expect(sc.events[3]).not.toBe(ev);
  });
});
