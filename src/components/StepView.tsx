// The step-through view: timeline, diagram, explainer and palette; in reviewer mode, the code pane
// (beside the diagram on a wide screen, under it otherwise); on a phone, the step bar at the bottom.
import { useLayoutEffect, useRef } from 'react';
import { useCodeStore } from '../state/stores/codeStore';
import { CodeSection, CodeToggle } from './code/CodeToggle';
import { DiagramPanel } from './diagram/DiagramPanel';
import { useMediaQuery } from './diagram/useFitBox';
import { ScenarioJson } from './editor/ScenarioJson';
import { Explainer } from './explainer/Explainer';
import { Palette } from './palette/Palette';
import { StepBar } from './timeline/StepBar';
import { Timeline } from './timeline/Timeline';

/** Where the step bar replaces scrolling back to the step controls (styles.css: phones). */
const PHONE = '(max-width: 699px)';

export function StepView() {
  const codeOpen = useCodeStore((s) => s.open);
  const phone = useMediaQuery(PHONE);
  const ref = useStepTop();
  return (
    <div className={codeOpen ? 'step-view with-code' : 'step-view'} ref={ref}>
      <Timeline />
      <DiagramPanel />
      <div className="side">
        <CodeToggle />
        <Explainer />
        <Palette />
        <ScenarioJson />
      </div>
      <CodeSection />
      {phone && <StepBar />}
    </div>
  );
}

/**
 * Gives the view, as --step-top, how far down the page it starts (the header and the scenario's title
 * above it; not the scenarios list, which closes when a scenario opens): its first row then takes the
 * rest of the screen (screens.css). Followed through resizes of what lies above, never a step.
 */
function useStepTop() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const read = (): void => {
      const lib = document.getElementById('library')?.getBoundingClientRect().height ?? 0;
      const top = el.getBoundingClientRect().top + window.scrollY - lib;
      el.style.setProperty('--step-top', `${Math.round(top + 8)}px`);
    };
    const ro = new ResizeObserver(read);
    for (const sel of ['.app-header', '.notices', '.scenario-header'])
      document.querySelectorAll(sel).forEach((n) => ro.observe(n));
    read();
    return () => ro.disconnect();
  }, []);
  return ref;
}
