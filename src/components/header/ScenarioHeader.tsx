// The scenario's title and description (always as text), where it came from, and saving it.
import { useLibraryStore } from '../../state/libraryStore';
import { useScenarioStore, type Origin } from '../../state/scenarioStore';

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
  const canSave = origin.kind !== 'user';
  const save = (): void => {
    const id = useLibraryStore.getState().save(scenario);
    if (!id) return;
    if (origin.kind === 'shared') useLibraryStore.getState().setShared(null);
    useScenarioStore.getState().markSaved({ kind: 'user', id });
  };
  return (
    <div className="scenario-header">
      <h2 className="scenario-title">{scenario.title}</h2>
      <span className={`origin origin-${origin.kind}`}>{originText(origin, dirty)}</span>
      {canSave && (
        <button type="button" className="small" onClick={save}>
          Save to My scenarios
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
