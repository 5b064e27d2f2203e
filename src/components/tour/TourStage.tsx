// One step of a tour: progress, the step's note in large type, what it changed (highlighted in the
// diagram beside it), and the ways on: back, next, leave, or edit a copy.
import { useMemo } from 'react';
import type { Tour } from '../../scenarios/tours';
import { useScenarioStore } from '../../state/scenarioStore';
import { editCopy, exitTour } from '../../state/tourActions';
import { tourStep } from '../../state/tourModel';

export function TourStage({ tour }: { tour: Tour | null }) {
  const scenario = useScenarioStore((s) => s.scenario);
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const stepBy = useScenarioStore((s) => s.stepBy);
  const toStart = useScenarioStore((s) => s.toStart);
  const step = useMemo(() => tourStep(scenario, replay, cursor), [scenario, replay, cursor]);
  const noNotes = scenario.events.every((e) => e.note === undefined);
  return (
    <section className="panel tour-stage" aria-labelledby="tour-step-heading">
      <p className="tour-kicker">
        {tour ? `Guided tour: ${tour.title}` : `Playing “${scenario.title}” as a tour`}
      </p>
      <div className="tour-progress">
        <span className="tour-count">
          Step {step.k} of {step.n}
        </span>
        <progress max={Math.max(step.n, 1)} value={step.k} aria-label="Tour progress" />
      </div>
      <h2 id="tour-step-heading">{step.heading}</h2>
      <div className="tour-note" aria-live="polite">
        {step.note ?? step.explanation ?? 'Press Next (or the right arrow key) to take the first step.'}
      </div>
      {step.note !== null && step.explanation && (
        <details className="tour-explanation">
          <summary>What the engine says</summary>
          <p>{step.explanation}</p>
        </details>
      )}
      {noNotes && step.k > 0 && (
        <p className="hint">This scenario has no notes: the engine&apos;s explanation is shown instead.</p>
      )}
      {step.changes.length > 0 && (
        <div className="tour-changes">
          <h3>Highlighted in the diagram</h3>
          <ul>
            {step.changes.map((c) => (
              <li key={c.path}>
                <code>{c.path}</code>: {c.before} → <strong>{c.after}</strong>
                {c.ghost ? ' (checker)' : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.violations.length > 0 && (
        <p className="callout banner-danger" role="alert">
          This step breaks a rule: {step.violations.map((v) => v.message).join(' ')}
        </p>
      )}
      {step.atEnd && (
        <p className="callout banner-plain">
          <strong>End of the tour.</strong> {step.stopped ?? ''} Pick another tour above, start again, or
          leave the tour to explore this scenario step by step.
        </p>
      )}
      <div className="tour-nav">
        <button type="button" onClick={() => stepBy(-1)} disabled={step.k === 0}>
          ← Back
        </button>
        <button type="button" className="primary" onClick={() => stepBy(1)} disabled={step.atEnd}>
          Next →
        </button>
        {step.atEnd && (
          <button type="button" onClick={toStart}>
            Start again
          </button>
        )}
      </div>
      <p className="hint">Keys: → next, ← back, Esc leaves the tour.</p>
      <div className="row-buttons">
        <button type="button" onClick={exitTour}>
          Exit tour
        </button>
        <button type="button" onClick={editCopy}>
          Edit a copy
        </button>
      </div>
    </section>
  );
}
