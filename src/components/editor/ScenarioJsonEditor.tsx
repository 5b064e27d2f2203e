// The scenario as text, for people who prefer it: its file text in an editable area, checked as it is
// typed with the import's own messages (parseScenario/formatErrors, with line and column or the field's
// path), applied to the scenario only when valid. Nothing is lost: the text stays until applied or reset.
// A chunk of its own, loaded when the pane is first opened (ScenarioJson).
import { useId, useState } from 'react';
import { formatErrors, parseScenario, printScenario } from '../../engine';
import { useScenarioStore } from '../../state/scenarioStore';
import './editor.css';

export default function ScenarioJsonEditor() {
  const id = useId();
  const scenario = useScenarioStore((s) => s.scenario);
  const [draft, setDraft] = useState<string | null>(null);
  const shown = printScenario(scenario);
  const text = draft ?? shown;
  const result = draft === null ? null : parseScenario(draft);
  const apply = (): void => {
    if (!result?.ok) return;
    useScenarioStore.getState().edit(result.scenario);
    setDraft(null);
  };
  return (
    <>
      <label htmlFor={`${id}-text`}>Scenario file text</label>
      <textarea
        id={`${id}-text`}
        className="scenario-json-text"
        spellCheck={false}
        rows={14}
        value={text}
        aria-describedby={`${id}-check`}
        aria-invalid={result !== null && !result.ok}
        onChange={(e) => setDraft(e.target.value === shown ? null : e.target.value)}
      />
      <div id={`${id}-check`} role="status" className="scenario-json-check">
        {result === null ? (
          'No changes.'
        ) : result.ok ? (
          'Valid: apply to replace the scenario (undo restores it).'
        ) : (
          <pre className="error-text">{formatErrors(result.errors)}</pre>
        )}
      </div>
      <p>
        <button type="button" className="small" disabled={!result?.ok} onClick={apply}>
          Apply
        </button>{' '}
        <button type="button" className="small" disabled={draft === null} onClick={() => setDraft(null)}>
          Reset to the scenario
        </button>
      </p>
    </>
  );
}
