// On a phone, the step view's bar fixed at the bottom of the screen: Back, where we are, Next, and the
// step's note (or the engine's explanation), so the diagram, the controls and the note share the screen.
// Mounted only at phone widths (StepView); its height is given to the page as padding (--step-bar-h).
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { tourStep } from '../../state/viewmodels/tourModel';

export function StepBar() {
  const scenario = useScenarioStore((s) => s.scenario);
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const stepBy = useScenarioStore((s) => s.stepBy);
  const step = useMemo(() => tourStep(scenario, replay, cursor), [scenario, replay, cursor]);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const ro = new ResizeObserver(() => root.style.setProperty('--step-bar-h', `${el.offsetHeight}px`));
    ro.observe(el);
    return () => {
      ro.disconnect();
      root.style.removeProperty('--step-bar-h');
    };
  }, []);
  const text = step.note ?? step.explanation;
  return (
    <div className="step-bar" role="group" aria-label="Step bar" ref={ref}>
      <div className="step-bar-nav">
        <button type="button" onClick={() => stepBy(-1)} disabled={step.k === 0}>
          ← Back
        </button>
        <span className="step-bar-count">
          Step {step.k} of {step.n}
        </span>
        <button type="button" onClick={() => stepBy(1)} disabled={step.atEnd}>
          Next →
        </button>
      </div>
      {text && (
        // Focusable: a long note scrolls inside the bar.
        <p className="step-bar-note" tabIndex={0} aria-label={`Note of step ${step.k}`}>
          {text}
        </p>
      )}
    </div>
  );
}
