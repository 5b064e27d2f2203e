// The scenario as text, for people who prefer it: its file text in an editable area, checked with the
// import's own messages (parseScenario/formatErrors, with line and column or the field's path), applied
// to the scenario only when valid. Nothing is lost: the text stays until applied or reset.
// A chunk of its own, loaded when the pane is first opened (ScenarioJson).
// Responsive on a 5 MB scenario: the text area is not controlled by React (a key press renders nothing
// but, once per burst, "Checking…"); the text is checked once typing pauses, off the page's thread
// (scenarioCheck.ts), and text over the size limit is refused by its length without being parsed.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { printScenario, type Scenario } from '../../engine';
import { overLimit, scenarioChecker, type ScenarioChecker } from '../../state/scenarioCheck';
import { useScenarioStore } from '../../state/scenarioStore';
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

export default function ScenarioJsonEditor() {
  const id = useId();
  const scenario = useScenarioStore((s) => s.scenario);
  // Printed once per scenario, not on every render.
  const shown = useMemo(() => printScenario(scenario), [scenario]);
  const area = useRef<HTMLTextAreaElement>(null);
  const [check, setCheck] = useState<Check>({ kind: 'none' });
  const checker = useRef<ScenarioChecker | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The number of the newest text; a check that finishes for an older one is dropped. */
  const latest = useRef(0);

  useEffect(() => {
    const c = scenarioChecker();
    checker.current = c;
    return () => {
      clearTimeout(timer.current);
      c.dispose();
    };
  }, []);
  // No draft: the area follows the scenario (an undo, an edit elsewhere).
  useEffect(() => {
    if (check.kind === 'none' && area.current && area.current.value !== shown) area.current.value = shown;
  }, [shown, check.kind]);

  const runCheck = (n: number): void => {
    const text = area.current?.value ?? '';
    if (text === shown) return setCheck({ kind: 'none' });
    const done = (r: ReturnType<typeof overLimit>): void => {
      if (!r || n !== latest.current) return;
      setCheck(r.ok ? { kind: 'valid', scenario: r.scenario } : { kind: 'invalid', message: r.message });
    };
    const quick = overLimit(text);
    if (quick) return done(quick);
    void (checker.current ?? scenarioChecker(null)).check(text).then(done);
  };
  const onInput = (): void => {
    const n = ++latest.current;
    setCheck((c) => (c.kind === 'pending' ? c : { kind: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => runCheck(n), CHECK_DELAY_MS);
  };
  const reset = (): void => {
    latest.current++;
    clearTimeout(timer.current);
    if (area.current) area.current.value = shown;
    setCheck({ kind: 'none' });
  };
  const apply = (): void => {
    if (check.kind !== 'valid') return;
    useScenarioStore.getState().edit(check.scenario);
    reset();
  };
  return (
    <>
      <label htmlFor={`${id}-text`}>Scenario file text</label>
      <textarea
        id={`${id}-text`}
        ref={area}
        className="scenario-json-text"
        spellCheck={false}
        rows={14}
        defaultValue={shown}
        aria-describedby={`${id}-check`}
        aria-invalid={check.kind === 'invalid'}
        onChange={onInput}
      />
      <div id={`${id}-check`} role="status" className="scenario-json-check">
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
