// One step of a tour: progress and the ways on first (so they never leave the screen), then the step's
// note in large type with its variant notice, why the picture looks as it does, and what the step
// changed (highlighted in the diagram beside it); leaving, copying and presenting last.
import { useMemo } from 'react';
import type { Tour } from '../../scenarios/tours';
import { cursorView } from '../../state/viewmodels/cursorView';
import { useDisplayStore } from '../../state/stores/displayStore';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { editCopy, exitTour } from '../../state/stores/tourActions';
import { tourKicker, tourStep } from '../../state/viewmodels/tourModel';
import { whyLines } from '../../state/viewmodels/whyModel';
import { ChangesWhere } from '../notes/ChangesWhere';
import { NoteVariantNotice } from '../notes/NoteVariantNotice';
import { WhyLines } from '../notes/WhyLines';
import { useDiagramModel } from '../diagram/useDiagramModel';

/** Long notes (a scenario's description) are set smaller, so that they fit beside the diagram. */
const LONG_NOTE = 360;

export function TourStage({ tour }: { tour: Tour | null }) {
  const scenario = useScenarioStore((s) => s.scenario);
  const dirty = useScenarioStore((s) => s.dirty);
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const stepBy = useScenarioStore((s) => s.stepBy);
  const toStart = useScenarioStore((s) => s.toStart);
  const present = useDisplayStore((s) => s.setPresenting);
  const step = useMemo(() => tourStep(scenario, replay, cursor), [scenario, replay, cursor]);
  const cv = cursorView(replay, cursor);
  const model = useDiagramModel(cv);
  const why = useMemo(() => whyLines(cv.view, step.violations), [cv, step.violations]);
  const noNotes = scenario.events.every((e) => e.note === undefined);
  const text = step.note ?? step.explanation ?? 'Press Next (or the right arrow key) to take the first step.';
  return (
    <section className="panel tour-stage" aria-labelledby="tour-step-heading">
      <p className="tour-kicker">{tourKicker(tour, scenario.title, dirty)}</p>
      <div className="tour-progress">
        <span className="tour-count">
          Step {step.k} of {step.n}
        </span>
        <progress max={Math.max(step.n, 1)} value={step.k} aria-label="Tour progress" />
      </div>
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
        <button type="button" onClick={() => present(true)} aria-keyshortcuts="p">
          Present
        </button>
      </div>
      <h2 id="tour-step-heading">{step.heading}</h2>
      {/* Focusable: on a phone a long note scrolls inside its box. */}
      <div
        className={text.length > LONG_NOTE ? 'tour-note tour-note-long' : 'tour-note'}
        aria-live="polite"
        tabIndex={0}
      >
        {text}
      </div>
      {step.note !== null && <NoteVariantNotice offerSwitch />}
      {step.violations.length > 0 && (
        <p className="callout banner-danger" role="alert">
          This step breaks a rule: {step.violations.map((v) => v.message).join(' ')}
        </p>
      )}
      <WhyLines lines={why} />
      {step.note !== null && step.explanation && (
        <details className="tour-explanation">
          <summary>What the engine says</summary>
          <p>{step.explanation}</p>
        </details>
      )}
      {noNotes && step.k > 0 && (
        <p className="hint">This scenario has no notes: the engine&apos;s explanation is shown instead.</p>
      )}
      <ChangesWhere changes={step.changes} model={model} />
      {step.atEnd && (
        <p className="callout banner-plain">
          <strong>End of the tour.</strong> {step.stopped ?? ''} Pick another tour above, start again, or
          leave the tour to explore this scenario step by step.
        </p>
      )}
      <p className="hint">Keys: → next, ← back, p presents, Esc leaves the tour.</p>
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
