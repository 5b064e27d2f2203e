// The event palette: for a chosen CPU, one control per op at the cursor. Illegal ones stay focusable
// (aria-disabled) and say why; applying one inserts it after the cursor's step. Undo and redo.
import { memo, useId, useMemo, useState } from 'react';
import { TASK_OPS, type Op, type Replay, type ScenarioEvent } from '../../engine';
import { cursorView } from '../../state/viewmodels/cursorView';
import { paletteModel, type PaletteOp } from '../../state/viewmodels/paletteModel';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { useSettledCursor } from '../useSettled';
import { useViewStore } from '../../state/stores/viewStore';

function OpControl({ item, onApply }: { item: PaletteOp; onApply: (ev: ScenarioEvent) => void }) {
  const reasonId = useId();
  const legalChoices = item.choices.filter((c) => c.reason === null);
  const [task, setTask] = useState<string>('');
  if (TASK_OPS.includes(item.op)) {
    const chosen = legalChoices.find((c) => c.event.task === task) ?? legalChoices[0];
    return (
      <li className="palette-op">
        <button
          type="button"
          aria-disabled={!chosen || undefined}
          aria-describedby={item.reason ? reasonId : undefined}
          onClick={() => chosen && onApply(chosen.event)}
        >
          {item.op}
        </button>
        <select
          aria-label={taskLabel(item.op)}
          value={chosen?.event.task ?? ''}
          onChange={(e) => setTask(e.currentTarget.value)}
          disabled={legalChoices.length === 0}
        >
          {legalChoices.length === 0 && <option value="">—</option>}
          {legalChoices.map((c) => (
            <option key={c.event.task} value={c.event.task}>
              {c.event.task}
            </option>
          ))}
        </select>
        {item.reason && (
          <span id={reasonId} className="palette-reason">
            {item.reason}
          </span>
        )}
      </li>
    );
  }
  const ev = item.choices[0].event;
  return (
    <li className="palette-op">
      <button
        type="button"
        aria-disabled={item.reason !== null || undefined}
        aria-describedby={item.reason ? reasonId : undefined}
        onClick={() => item.reason === null && onApply(ev)}
      >
        {item.op}
      </button>
      {item.reason && (
        <span id={reasonId} className="palette-reason">
          {item.reason}
        </span>
      )}
    </li>
  );
}

/** The task chooser's name: the ptrace ops each name their own, so that labels stay unique. */
function taskLabel(op: Op): string {
  if (op === 'schedule') return 'Task to switch to';
  if (op === 'ptrace_setfp') return 'Task to trace (stopped)';
  return `Task to trace (stopped), ${op}`;
}

export function Palette() {
  const { replay, cursor } = useSettledCursor();
  return <PaletteBody replay={replay} cursor={cursor} />;
}

const PaletteBody = memo(function PaletteBody({ replay, cursor }: { replay: Replay; cursor: number }) {
  const canUndo = useScenarioStore((s) => s.past.length > 0);
  const canRedo = useScenarioStore((s) => s.future.length > 0);
  const { applyEvent, undo, redo } = useScenarioStore.getState();
  const cpus = replay.machine.cfg.cpus;
  const chosenCpu = useViewStore((s) => s.paletteCpu);
  const cpu = chosenCpu < cpus ? chosenCpu : 0;
  const setCpu = useViewStore((s) => s.setPaletteCpu);
  const items = useMemo(
    () => paletteModel(replay, cursorView(replay, cursor).state, cpu),
    [replay, cursor, cpu],
  );
  const blocked = replay.illegal !== null && cursor === replay.length && cursor < replay.events.length;
  return (
    <section className="panel palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading">Add an event</h2>
      <p className="hint">
        Inserted after step {cursor}
        {blocked ? ', before the event that is not legal' : ''}; later events are kept.
      </p>
      <div className="palette-cpus" role="radiogroup" aria-label="CPU">
        {Array.from({ length: cpus }, (_, c) => (
          <label key={c} className={c === cpu ? 'chip chip-on' : 'chip'}>
            <input type="radio" name="palette-cpu" checked={c === cpu} onChange={() => setCpu(c)} />
            CPU{c}
          </label>
        ))}
      </div>
      <ul className="palette-ops">
        {items.map((item) => (
          <OpControl key={`${cpu}-${item.op}`} item={item} onApply={applyEvent} />
        ))}
      </ul>
      <div className="row-buttons">
        <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </button>
      </div>
    </section>
  );
});
