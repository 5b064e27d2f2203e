// Before and after a violating step: the state the step started from, with the data it lost, read
// stale or leaked marked, beside the state after it; and the banner's toggle that shows it.
import { useMemo, type ReactNode } from 'react';
import { beforePicture } from '../../state/viewmodels/beforeModel';
import { useBeforeStore } from '../../state/stores/beforeStore';
import { cursorView } from '../../state/viewmodels/cursorView';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { useViewStore } from '../../state/stores/viewStore';
import { ConnectedDiagram, Diagram } from '../diagram/Diagram';
import './beforeAfter.css';

/**
 * In a tour's box the pair is drawn a shade over natural size (text 12 px or more) and scrolls: two
 * pictures shrunk to fit would fall under the 11 px a phone needs. (1 would mean "sized by CSS".)
 */
const PAIR_SCALE = 1.05;

/** The toggle the violation banner offers at a violating step. */
export function BeforeToggle() {
  const shown = useBeforeStore((s) => s.shown);
  const setShown = useBeforeStore((s) => s.setShown);
  return (
    <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
      Show the state before this step
    </button>
  );
}

/**
 * The step's diagram (`children`: the panel's fitted diagram), or at a violating step, when it is
 * shown, the "before" picture beside the step's diagram in a box that scrolls.
 */
export function DiagramWithBefore({ contain = false, children }: { contain?: boolean; children: ReactNode }) {
  const shown = useBeforeStore((s) => s.shown);
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const zoom = useViewStore((s) => s.zoom);
  const picture = useMemo(
    () => (shown ? beforePicture(replay, cursorView(replay, cursor)) : null),
    [shown, replay, cursor],
  );
  if (!picture) return children;
  return (
    // Focusable: where the two pictures are wider than the panel, it scrolls, with the keyboard too.
    <div
      className={contain ? 'diagram-scroll before-after before-after-contain' : 'diagram-scroll before-after'}
      // Two readable pictures rarely fit a tour's box: the pair scrolls there rather than shrink its text.
      data-scrolls
      role="group"
      aria-label={`Before and after step ${picture.step}`}
      tabIndex={0}
    >
      <figure className="before-after-pane" data-pane="before">
        <figcaption>
          <strong>Before step {picture.step}</strong>: {picture.marks.map((m) => m.text).join('; ')} (marked
          ⚠)
        </figcaption>
        <div className="before-after-box">
          <Diagram
            model={picture.model}
            title={`FP register ownership before step ${picture.step}`}
            exportName="before"
            zoom={contain ? 'readable' : zoom}
            scale={contain ? PAIR_SCALE : 1}
            animate={false}
          />
        </div>
      </figure>
      <figure className="before-after-pane" data-pane="after">
        <figcaption>
          <strong>After step {picture.step}</strong>
        </figcaption>
        <div className="before-after-box">
          <ConnectedDiagram scale={contain ? PAIR_SCALE : undefined} />
        </div>
      </figure>
    </div>
  );
}
