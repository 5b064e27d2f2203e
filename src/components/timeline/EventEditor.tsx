// The event under the cursor, editable in place: its op, CPU and task, delete, move earlier or later.
// The same moves from the event list's keys: Delete, Alt+ArrowUp, Alt+ArrowDown.
// Like the explainer, it follows the cursor once the cursor rests (rapid stepping does not re-render its
// selects on every frame); its buttons and selects act on the event it shows.
import { memo } from 'react';
import { OPS, type Op, type Scenario } from '../../engine';
import { changed, moveEvent, withEvent } from '../../state/eventEdits';
import { useScenarioStore } from '../../state/scenarioStore';
import { useSettledCursor } from '../useSettled';

export function EventEditor() {
  // An edit changes the replay too, so the settled cursor is never behind the scenario it indexes.
  const scenario = useScenarioStore((s) => s.scenario);
  const { cursor } = useSettledCursor();
  return <EventEditorBody scenario={scenario} cursor={cursor} />;
}

const EventEditorBody = memo(function EventEditorBody({
  scenario,
  cursor,
}: {
  scenario: Scenario;
  cursor: number;
}) {
  const i = cursor - 1;
  const ev = i >= 0 ? scenario.events[i] : undefined;
  if (!ev) return <p className="event-editor muted">Step to an event to change it here.</p>;
  const set = (patch: Parameters<typeof changed>[1]): void =>
    useScenarioStore.getState().edit(withEvent(scenario, i, changed(ev, patch)));
  const tasks = scenario.tasks.map((t) => t.id);
  return (
    <fieldset className="event-editor">
      <legend>Event {cursor}</legend>
      <label>
        Op{' '}
        <select value={ev.op} onChange={(e) => set({ op: e.target.value as Op })}>
          {OPS.map((op) => (
            <option key={op}>{op}</option>
          ))}
        </select>
      </label>{' '}
      <label>
        CPU{' '}
        <select value={ev.cpu} onChange={(e) => set({ cpu: Number(e.target.value) })}>
          {Array.from({ length: scenario.cpus }, (_, c) => (
            <option key={c} value={c}>
              CPU{c}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Task{' '}
        <select
          value={ev.task ?? ''}
          onChange={(e) => set({ task: e.target.value === '' ? undefined : e.target.value })}
        >
          <option value="">(none)</option>
          {tasks.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="small" onClick={() => moveEvent(i, -1)} disabled={i === 0}>
        Move earlier
      </button>{' '}
      <button
        type="button"
        className="small"
        onClick={() => moveEvent(i, 1)}
        disabled={i === scenario.events.length - 1}
      >
        Move later
      </button>{' '}
      <button type="button" className="small" onClick={() => useScenarioStore.getState().deleteEvent(i)}>
        Delete
      </button>
    </fieldset>
  );
});
