// The event under the cursor, editable in place: its op, CPU and task, delete, move earlier or later.
// The same moves from the event list's keys: Delete, Alt+ArrowUp, Alt+ArrowDown.
// Like the explainer, it follows the cursor once the cursor rests (rapid stepping does not re-render its
// selects on every frame); its buttons and selects act on the event it shows. After an edit that makes
// the event illegal it keeps that event (the replay stops before it), saying why (state/heldEvent.ts).
import { memo } from 'react';
import type { Op, Replay, Scenario } from '../../engine';
import { changed, moveEvent, withEvent } from '../../state/scenario/eventEdits';
import { holdEvent, shownEvent, useHeldEvent } from '../../state/scenario/heldEvent';
import { machineOps } from '../../state/viewmodels/paletteModel';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { useSettledCursor } from '../useSettled';

export function EventEditor() {
  // An edit changes the replay too, so the settled cursor is never behind the scenario it indexes.
  const scenario = useScenarioStore((s) => s.scenario);
  const replay = useScenarioStore((s) => s.replay);
  useHeldEvent((s) => s.version);
  const { cursor } = useSettledCursor();
  return <EventEditorBody scenario={scenario} replay={replay} index={shownEvent(scenario, cursor)} />;
}

const EventEditorBody = memo(function EventEditorBody({
  scenario,
  replay,
  index: i,
}: {
  scenario: Scenario;
  replay: Replay;
  index: number;
}) {
  const ev = i >= 0 ? scenario.events[i] : undefined;
  if (!ev) return <p className="event-editor muted">Step to an event to change it here.</p>;
  const set = (patch: Parameters<typeof changed>[1]): void => {
    useScenarioStore.getState().edit(withEvent(scenario, i, changed(ev, patch)));
    holdEvent(i);
  };
  const tasks = scenario.tasks.map((t) => t.id);
  const illegal = replay.illegal?.index === i ? replay.illegal : null;
  return (
    <fieldset className="event-editor" data-event={i}>
      <legend>Event {i + 1}</legend>
      {illegal && (
        <p className="error-text" role="status">
          Event {i + 1} ({illegal.op}) is not legal here: {illegal.reason}. The replay stops before it; undo
          (Ctrl+Z) restores it as it was.
        </p>
      )}
      <label>
        Op{' '}
        <select value={ev.op} onChange={(e) => set({ op: e.target.value as Op })}>
          {machineOps(replay.machine.cfg.sve).map((op) => (
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
