// The scenario's title and description (always as text), where it came from, and saving it.
import { useScenarioStore, type Origin } from '../../state/stores/scenarioStore';
import { SCENARIO_TITLE_ID } from '../library/showOpened';
import { restoreDiscarded, saveCurrent, useGuardStore } from '../../state/stores/unsavedGuard';

function originText(o: Origin, dirty: boolean): string {
  switch (o.kind) {
    case 'example':
      return dirty ? 'Example, edited (not saved)' : 'Example';
    case 'user':
      return dirty ? 'My scenario (saving…)' : 'My scenario, saved in this browser';
    case 'shared':
      return 'Opened from a link (not saved)';
    case 'imported':
      return `Imported from ${o.name} (not saved)`;
    case 'generated':
      return 'Generated (not saved)';
    case 'explored':
      return 'Found by the explorer (not saved)';
    default: {
      const never: never = o;
      return String(never);
    }
  }
}

export function ScenarioHeader() {
  const scenario = useScenarioStore((s) => s.scenario);
  const origin = useScenarioStore((s) => s.origin);
  const dirty = useScenarioStore((s) => s.dirty);
  const discarded = useGuardStore((s) => s.discarded);
  const canSave = origin.kind !== 'user';
  const save = (): void => void saveCurrent();
  return (
    <div className="scenario-header">
      {/* Focused when a scenario is opened from the list (library/showOpened.ts). */}
      <h2 className="scenario-title" id={SCENARIO_TITLE_ID} tabIndex={-1}>
        {scenario.title}
      </h2>
      <span className={`origin origin-${origin.kind}`}>{originText(origin, dirty)}</span>
      {canSave && (
        <button type="button" className="small" onClick={save}>
          Save to My scenarios
        </button>
      )}
      {discarded && (
        <button
          type="button"
          className="small"
          onClick={() => void restoreDiscarded()}
          aria-label={`Restore discarded edits of ${discarded.scenario.title}`}
        >
          Restore discarded edits
        </button>
      )}
      {scenario.description && (
        <details className="scenario-desc">
          <summary>About this scenario</summary>
          <p>{scenario.description}</p>
        </details>
      )}
    </div>
  );
}
