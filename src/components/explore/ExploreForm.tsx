// What to explore: the scenario's initial state (shown), the variant, the depth, the reductions and
// when to stop early (the first violating depth, a time limit); Run and Cancel.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { VARIANTS } from '../../engine';
import { configText, MAX_DEPTH, parseDepth, parseTimeLimit } from '../../state/viewmodels/exploreModel';
import { cpusOn, useExploreStore } from '../../state/stores/exploreStore';
import { resolveVariant, useScenarioStore } from '../../state/stores/scenarioStore';
import { FixedBaseOptions } from '../gallery/FixedBaseOptions';

export function ExploreForm() {
  const id = useId();
  const scenario = useScenarioStore((s) => s.scenario);
  const currentVariant = useScenarioStore((s) => s.variantId);
  const chosen = useExploreStore((s) => s.variant);
  const depth = useExploreStore((s) => s.depth);
  const symmetry = useExploreStore((s) => s.symmetry);
  const dead = useExploreStore((s) => s.dead);
  const first = useExploreStore((s) => s.first);
  const timeLimit = useExploreStore((s) => s.timeLimit);
  const cpus = cpusOn(
    useExploreStore((s) => s.cpus),
    scenario.cpus,
  );
  const status = useExploreStore((s) => s.status);
  const { setVariant, setDepth, setSymmetry, setDead, setCpus, setFirst, setTimeLimit, start, cancel } =
    useExploreStore.getState();
  const [depthText, setDepthText] = useState(String(depth));
  const [depthError, setDepthError] = useState<string | null>(null);
  const [limitText, setLimitText] = useState(timeLimit === null ? '' : String(timeLimit));
  const [limitError, setLimitError] = useState<string | null>(null);
  const running = status === 'running' || status === 'cancelling';
  const variant = chosen ?? currentVariant;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const runRef = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(running);

  const formRef = useRef<HTMLFormElement>(null);

  // Run and Cancel take each other's place, and the fields are disabled while a search runs: a focus
  // that was in the form (or was lost with the button it was on) goes to the button now shown.
  useEffect(() => {
    if (running === wasRunning.current) return;
    wasRunning.current = running;
    const at = document.activeElement;
    if (at === null || at === document.body || formRef.current?.contains(at))
      (running ? cancelRef : runRef).current?.focus();
  }, [running]);

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    const d = parseDepth(depthText);
    const t = parseTimeLimit(limitText);
    setDepthError(d.ok ? null : d.message);
    setLimitError(t.ok ? null : t.message);
    if (!d.ok || !t.ok) return;
    setDepth(d.depth);
    setTimeLimit(t.seconds);
    // The store reads the depth and the limit when the search starts, so set them first.
    start();
  };

  return (
    <form ref={formRef} className="explore-form" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>What to explore</h3>
      <p>
        From the initial state of <strong>{scenario.title}</strong>: {configText(scenario)}. Its events are
        not used.
      </p>
      <div className="explore-fields">
        <label htmlFor={`${id}-variant`}>Variant</label>
        <select
          id={`${id}-variant`}
          value={variant}
          disabled={running}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setVariant(v === currentVariant ? null : v);
          }}
          aria-describedby={`${id}-variant-desc`}
        >
          {VARIANTS.map((v) => (
            <option key={v.id} value={v.id}>
              {v.id === currentVariant ? `${v.id} (the scenario's)` : v.id}
            </option>
          ))}
          <FixedBaseOptions current={variant} />
        </select>
        <p id={`${id}-variant-desc`} className="hint explore-field-desc">
          {resolveVariant(variant).description}
        </p>
        <label htmlFor={`${id}-depth`}>Depth</label>
        <input
          id={`${id}-depth`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_DEPTH}
          value={depthText}
          disabled={running}
          aria-invalid={depthError !== null}
          aria-describedby={`${id}-depth-desc`}
          onChange={(e) => setDepthText(e.currentTarget.value)}
        />
        <p
          id={`${id}-depth-desc`}
          className={depthError ? 'error-text explore-field-desc' : 'hint explore-field-desc'}
        >
          {depthError ?? `Longest event sequence tried, 1 to ${MAX_DEPTH}.`}
        </p>
        <Reduction label="Symmetry reduction" checked={symmetry} disabled={running} onChange={setSymmetry}>
          States that differ only by renaming CPUs, or interchangeable tasks, are searched once: faster, with
          one counterexample per kind and class of interchangeable tasks.
        </Reduction>
        <Reduction label="Dead-variable reduction" checked={dead} disabled={running} onChange={setDead}>
          Fields no later step can read (a task’s saved CPU while no CPU holds its state, the flag of a task
          running nowhere) are stored at one value: 40 to 66% fewer states, the same violations with
          counterexamples just as short.
        </Reduction>
        <Reduction
          label="CPU renaming"
          checked={cpus || symmetry}
          disabled={running || symmetry}
          onChange={setCpus}
        >
          States that differ only by renaming CPUs are searched once: fewer states, the same violations for
          every task with counterexamples just as short (symmetry reduction includes it).
        </Reduction>
        <Reduction
          label="Stop at the first violating depth"
          checked={first}
          disabled={running}
          onChange={setFirst}
        >
          Ends the search once the shortest length with any violation has been tried in full: every violation
          of that length is listed. With none, it goes on to the depth and proves it clean.
        </Reduction>
        <label htmlFor={`${id}-limit`}>Time limit (seconds)</label>
        <input
          id={`${id}-limit`}
          type="text"
          inputMode="decimal"
          value={limitText}
          placeholder="none"
          disabled={running}
          aria-invalid={limitError !== null}
          aria-describedby={`${id}-limit-desc`}
          onChange={(e) => setLimitText(e.currentTarget.value)}
        />
        <p
          id={`${id}-limit-desc`}
          className={limitError ? 'error-text explore-field-desc' : 'hint explore-field-desc'}
        >
          {limitError ??
            'Stops the search after this long, keeping what it found (marked incomplete). Empty: no limit.'}
        </p>
      </div>
      <div className="row-buttons">
        {running ? (
          <button ref={cancelRef} type="button" onClick={cancel} disabled={status === 'cancelling'}>
            {status === 'cancelling' ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button ref={runRef} type="submit">
            Run the explorer
          </button>
        )}
      </div>
    </form>
  );
}

/** One of the search's exact reductions: a checkbox and what it does. */
function Reduction(props: {
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
}) {
  return (
    <>
      <label className="explore-check">
        <input
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />{' '}
        {props.label}
      </label>
      <p className="hint explore-field-desc">{props.children}</p>
    </>
  );
}
