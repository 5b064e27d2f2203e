// One compared variant: its name and description, its violations (with jumps), an event it cannot
// replay, and its diagram at the shared cursor.
import { memo, useId, useMemo } from 'react';
import type { Replay } from '../../engine';
import type { Compared } from '../../state/viewmodels/compareModel';
import { cursorView } from '../../state/viewmodels/cursorView';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { violationTitle } from '../../state/viewmodels/violationText';
import { Diagram } from '../diagram/Diagram';
import { useDiagramModel } from '../diagram/useDiagramModel';
import { Swatch } from './Swatch';
import { eventName } from '../../state/viewmodels/eventNumber';

/** Listed items: a broken variant may have thousands of violations ("Next violation" walks them all). */
const LISTED = 50;

/** The variant's violations with jumps; depends on the replay only, so stepping skips it. */
const ViolationList = memo(function ViolationList({ replay }: { replay: Replay }) {
  const setCursor = useScenarioStore((s) => s.setCursor);
  const n = replay.violations.length;
  if (n === 0) return <p className="cmp-clean">✓ No violation in this scenario.</p>;
  return (
    <details className="cmp-violations" open={n <= 3}>
      <summary className="cmp-broken">
        ⚠ {n} violation{n === 1 ? '' : 's'}
      </summary>
      <ul>
        {replay.violations.slice(0, LISTED).map((v, i) => (
          <li key={i}>
            <button type="button" className="link-button" onClick={() => setCursor(v.step + 1)}>
              Step {v.step + 1}
            </button>
            : <strong>{violationTitle(v)}</strong> on CPU{v.cpu}
          </li>
        ))}
        {n > LISTED && <li>… and {n - LISTED} more (see the strip, or “Next violation”).</li>}
      </ul>
    </details>
  );
});

export function VariantColumn({ item, slot, cursor }: { item: Compared; slot: number; cursor: number }) {
  const headingId = useId();
  const { variant, replay } = item;
  // Like the step view: no change flashes while the cursor moves fast (held key, playback, scrubbing).
  const animate = !useScenarioStore((s) => s.rapid);
  const at = Math.min(cursor, replay.length);
  const cv = useMemo(() => cursorView(replay, at), [replay, at]);
  const model = useDiagramModel(cv);
  const here = replay.violations.filter((v) => v.step + 1 === at && at === cursor);
  return (
    <section className="panel cmp-column" aria-labelledby={headingId} data-variant={variant.id}>
      <h3 id={headingId} className="cmp-column-title">
        <Swatch slot={slot} /> {variant.id}
      </h3>
      <p className="variant-desc">{variant.description}</p>
      <ViolationList replay={replay} />
      {replay.illegal && (
        <p className="callout banner-warn">
          Stops before {eventName(replay.illegal.index)} ({replay.illegal.op}): {replay.illegal.reason}.
          {cursor > replay.length && ` Shown: step ${replay.length}.`}
        </p>
      )}
      {here.length > 0 && (
        <div className="banner banner-danger cmp-here" role="status">
          <strong>⚠ At this step:</strong> {here.map((v) => `${violationTitle(v)}: ${v.message}`).join(' ')}
        </div>
      )}
      <div className="diagram-scroll">
        <Diagram
          model={model}
          title={`${variant.id}: FP register ownership after step ${at}`}
          zoom="fit"
          animate={animate}
        />
      </div>
    </section>
  );
}
