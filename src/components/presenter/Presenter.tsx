// Presenter mode: the diagram over the whole screen with the step's note in large type, for a
// projector. Works for any scenario, in a tour or not: the note is the author's, or the scenario's
// description at step 0, or the engine's explanation. Arrows step, Esc (or p) leaves.
import { useEffect, useMemo, useRef } from 'react';
import { useDisplayStore } from '../../state/stores/displayStore';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { tourStep } from '../../state/viewmodels/tourModel';
import { FittedDiagram } from '../diagram/FittedDiagram';
import { NoteVariantNotice } from '../notes/NoteVariantNotice';

export function Presenter() {
  const scenario = useScenarioStore((s) => s.scenario);
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const variantId = useScenarioStore((s) => s.variantId);
  const stepBy = useScenarioStore((s) => s.stepBy);
  const close = (): void => useDisplayStore.getState().setPresenting(false);
  const step = useMemo(() => tourStep(scenario, replay, cursor), [scenario, replay, cursor]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const root = document.documentElement;
    // Full screen where the browser allows it; the overlay covers the page either way.
    let entered = false;
    root
      .requestFullscreen?.()
      .then(() => (entered = true))
      .catch(() => undefined);
    const onChange = (): void => {
      if (entered && !document.fullscreenElement) useDisplayStore.getState().setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, []);
  const text = step.note ?? step.explanation ?? scenario.title;
  return (
    <div
      className="presenter"
      role="dialog"
      aria-modal="true"
      aria-labelledby="presenter-heading"
      tabIndex={-1}
      ref={ref}
    >
      <div className="presenter-bar">
        <h2 id="presenter-heading">
          {step.heading}{' '}
          <span className="presenter-meta">
            · {scenario.title} · {variantId}
          </span>
        </h2>
        <div className="presenter-buttons">
          <button type="button" onClick={() => stepBy(-1)} disabled={step.k === 0}>
            ← Back
          </button>
          <span className="tour-count">
            {step.k} / {step.n}
          </span>
          <button type="button" onClick={() => stepBy(1)} disabled={step.atEnd}>
            Next →
          </button>
          <button type="button" onClick={close}>
            Leave (Esc)
          </button>
        </div>
      </div>
      {/* Focusable: a long note scrolls inside its box. */}
      <div className="presenter-note" aria-live="polite" tabIndex={0}>
        {text}
      </div>
      {step.note !== null && <NoteVariantNotice offerSwitch />}
      <FittedDiagram
        className="presenter-diagram diagram-scroll"
        contain
        boundedHeight
        exportName="presenter"
      />
    </div>
  );
}
