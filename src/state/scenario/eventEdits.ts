// In-place edits of one event of a scenario (the timeline's event editor and keys): change its op, CPU
// or task, delete it, move it. Each is one undoable edit; an event made illegal stays in the list,
// marked "not legal here" with its reason, so nothing the user had is lost.
import type { Op, Scenario, ScenarioEvent } from '../../engine';
import { holdEvent } from './heldEvent';
import { useScenarioStore } from '../stores/scenarioStore';

/** The scenario with event i replaced by ev. */
export function withEvent(sc: Scenario, i: number, ev: ScenarioEvent): Scenario {
  const events = sc.events.slice();
  events[i] = ev;
  return { ...sc, events };
}

/** The scenario with event i moved by delta places (clamped), and its new index. */
export function withMoved(sc: Scenario, i: number, delta: number): { scenario: Scenario; index: number } {
  const to = Math.max(0, Math.min(sc.events.length - 1, i + delta));
  if (to === i) return { scenario: sc, index: i };
  const events = sc.events.slice();
  const [ev] = events.splice(i, 1);
  events.splice(to, 0, ev);
  return { scenario: { ...sc, events }, index: to };
}

/** Event i with a new op, CPU or task (task undefined removes it). */
export function changed(
  ev: ScenarioEvent,
  patch: { op?: Op; cpu?: number; task?: string | undefined },
): ScenarioEvent {
  const next: ScenarioEvent = { ...ev, ...patch };
  if ('task' in patch && patch.task === undefined) delete next.task;
  return next;
}

/** The event under the cursor (row n is event n - 1), or -1 at the initial state. */
export const cursorEvent = (): number => useScenarioStore.getState().cursor - 1;

/** Moves event i by delta and puts the cursor on it. */
export function moveEvent(i: number, delta: number): void {
  const s = useScenarioStore.getState();
  if (i < 0 || i >= s.scenario.events.length) return;
  const { scenario, index } = withMoved(s.scenario, i, delta);
  if (index === i) return;
  s.edit(scenario);
  // On the moved event if the replay reaches it; else the editor keeps it, saying why it is illegal.
  holdEvent(index);
}

/** Moves the cursor's event by delta and keeps the cursor on it. */
export const moveCursorEvent = (delta: number): void => moveEvent(cursorEvent(), delta);

/** Deletes the cursor's event. */
export function deleteCursorEvent(): void {
  const s = useScenarioStore.getState();
  if (s.cursor >= 1) s.deleteEvent(s.cursor - 1);
}
