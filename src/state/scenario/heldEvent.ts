// The event the editor keeps after an edit. An edit that makes the event illegal stops the replay
// before it, and the cursor (clamped to the replay) falls back to the event before: the editor must
// still show the edited event, with why it is not legal, so that the next change lands on it. The hold
// belongs to the scenario the edit made (undo and redo bring it back with it) and ends when the cursor
// moves on that scenario.
import { create } from 'zustand';
import type { Scenario } from '../../engine';
import { useScenarioStore } from '../stores/scenarioStore';

/** The edited event's index, and the cursor the edit left. */
interface Hold {
  index: number;
  cursor: number;
}

const holds = new WeakMap<Scenario, Hold>();

/** Bumped when a hold is set or ended, so that the editor redraws. */
export const useHeldEvent = create<{ version: number }>(() => ({ version: 0 }));

const bump = (): void => useHeldEvent.setState((s) => ({ version: s.version + 1 }));

useScenarioStore.subscribe((s, prev) => {
  if (s.scenario === prev.scenario && s.cursor !== prev.cursor && holds.delete(s.scenario)) bump();
});

/** After an edit of event i: put the cursor on it if the replay reaches it, else hold it in the editor. */
export function holdEvent(i: number): void {
  const s = useScenarioStore.getState();
  if (s.replay.length > i) s.setCursor(i + 1);
  const after = useScenarioStore.getState();
  holds.set(after.scenario, { index: i, cursor: after.cursor });
  bump();
}

/** The event the editor shows: the held one while it holds, else the cursor's (-1: none). */
export function shownEvent(scenario: Scenario, cursor: number): number {
  const h = holds.get(scenario);
  if (h && h.cursor === cursor && h.index < scenario.events.length) return h.index;
  return cursor - 1;
}
