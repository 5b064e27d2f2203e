// The scenario as text, for people who prefer it: its file text in an editor, checked with the import's
// own messages (parseScenario, each error with its line and column, also marked in the text), applied to
// the scenario only when valid. Nothing is lost: the text stays until applied or reset, and a change that
// would take it over the size limit (a 10 MB paste) is refused whole, the text kept as it was.
// A chunk of its own, with CodeMirror, loaded when the pane is first opened (ScenarioJson).
// Responsive on a 5 MB scenario (issue 22): the editor draws only the lines in view (jsonEditorView.ts);
// a key press renders nothing here but, once per burst, "Checking…"; the text is copied out and checked
// once typing pauses, off the page's thread (scenarioCheck.ts).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { MAX_SCENARIO_BYTES, printScenario, type Scenario } from '../../engine';
import { overLimit, scenarioChecker, type TextCheck } from '../../state/scenario/scenarioCheck';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { createJsonEditor, type JsonEditor } from './jsonEditorView';
import './editor.css';

/** Checked once typing pauses this long. */
export const CHECK_DELAY_MS = 250;

type Check =
  | { kind: 'none' }
  | { kind: 'pending' }
  | { kind: 'valid'; scenario: Scenario }
  | { kind: 'invalid'; message: string };

function statusOf(c: Check): React.ReactNode {
  switch (c.kind) {
    case 'none':
      return 'No changes.';
    case 'pending':
      return 'Checking…';
    case 'valid':
      return 'Valid: apply to replace the scenario (undo restores it).';
    case 'invalid':
      return <pre className="error-text">{c.message}</pre>;
    default: {
      const never: never = c;
      return String(never);
    }
  }
}

const refusal = (bytes: number): string =>
  `Not inserted: the text would be ${(bytes / 1e6).toFixed(1)} MB; scenarios are limited to ` +
  `${MAX_SCENARIO_BYTES / 1e6} MB. Your text is unchanged.`;

export default function ScenarioJsonEditor() {
  const id = useId();
  const scenario = useScenarioStore((s) => s.scenario);
  // Printed once per scenario, not on every render.
  const shown = useMemo(() => printScenario(scenario), [scenario]);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<JsonEditor | null>(null);
  /** The scenario text the editor was last given; a draft is the user's changes to it. */
  const loaded = useRef(shown);
  /** The scenario's text now (it can differ from `loaded` while there is a draft). */
  const current = useRef(shown);
  const [check, setCheck] = useState<Check>({ kind: 'none' });
  const [refused, setRefused] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The number of the newest text; a check that finishes for an older one is dropped. */
  const latest = useRef(0);
  // The editor is made once; its handlers read only refs and state setters.
  useEffect(() => {
    const c = scenarioChecker();
    const runCheck = (n: number): void => {
      const ed = editor.current;
      if (!ed || n !== latest.current) return;
      const text = ed.text();
      // Text the same as the scenario's (as loaded, or as it is now) is no draft.
      if (text === current.current) loaded.current = text;
      if (text === loaded.current) {
        ed.showProblems([], false);
        return setCheck({ kind: 'none' });
      }
      const done = (r: TextCheck | null): void => {
        if (!r || n !== latest.current) return;
        ed.showProblems(r.ok ? [] : r.problems, !r.ok);
        setCheck(r.ok ? { kind: 'valid', scenario: r.scenario } : { kind: 'invalid', message: r.message });
      };
      const quick = overLimit(text);
      if (quick) return done(quick);
      void c.check(text).then(done);
    };
    const onEdit = (): void => {
      const n = ++latest.current;
      setRefused(null);
      setCheck((k) => (k.kind === 'pending' ? k : { kind: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => runCheck(n), CHECK_DELAY_MS);
    };
    const ed = createJsonEditor(host.current!, loaded.current, {
      labelledBy: `${id}-label`,
      describedBy: `${id}-keys ${id}-check`,
      onEdit,
      onRefused: (n) => setRefused(refusal(n)),
    });
    editor.current = ed;
    return () => {
      clearTimeout(timer.current);
      c.dispose();
      ed.destroy();
      editor.current = null;
    };
  }, [id]);
  // No draft: the editor follows the scenario (an undo, an edit elsewhere, an applied draft).
  useEffect(() => {
    current.current = shown;
    if (check.kind !== 'none' || loaded.current === shown) return;
    loaded.current = shown;
    editor.current?.replaceText(shown);
  }, [shown, check.kind]);

  const reset = (): void => {
    latest.current++;
    clearTimeout(timer.current);
    loaded.current = shown;
    editor.current?.replaceText(shown);
    setRefused(null);
    setCheck({ kind: 'none' });
  };
  const apply = (): void => {
    if (check.kind !== 'valid') return;
    latest.current++;
    clearTimeout(timer.current);
    setCheck({ kind: 'none' });
    // The new scenario's text replaces the draft once it is printed (the effect above).
    useScenarioStore.getState().edit(check.scenario);
  };
  return (
    <>
      <div id={`${id}-label`} className="scenario-json-label" onClick={() => editor.current?.view.focus()}>
        Scenario file text
      </div>
      <p id={`${id}-keys`} className="scenario-json-keys">
        Tab and Shift+Tab leave the text (they do not indent); Ctrl+Z undoes typing in it.
      </p>
      <div ref={host} className="scenario-json-text" />
      <div id={`${id}-check`} role="status" className="scenario-json-check">
        {refused && <p className="error-text">{refused}</p>}
        {statusOf(check)}
      </div>
      <p>
        <button type="button" className="small" disabled={check.kind !== 'valid'} onClick={apply}>
          Apply
        </button>{' '}
        <button type="button" className="small" disabled={check.kind === 'none'} onClick={reset}>
          Reset to the scenario
        </button>
      </p>
    </>
  );
}
