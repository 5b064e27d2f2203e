// Banners over the diagram: a violation at this step (naming the kind, context and CPU), the next
// violation to jump to, and an event the replay cannot pass (not legal where it stands).
import { useMemo } from 'react';
import { cursorView } from '../../state/viewmodels/cursorView';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { nextViolationStep } from '../../state/viewmodels/timelineModel';
import { violationTitle } from '../../state/viewmodels/violationText';
import { EventName } from '../../state/viewmodels/eventNumber';
import { BeforeToggle } from './BeforeAfter';

export function ViolationBanner() {
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const setCursor = useScenarioStore((s) => s.setCursor);
  const deleteEvent = useScenarioStore((s) => s.deleteEvent);
  const here = useMemo(() => cursorView(replay, cursor).record?.violations ?? [], [replay, cursor]);
  const next = nextViolationStep(replay, cursor);
  const illegal = replay.illegal;
  return (
    <div className="banners">
      {here.length > 0 && (
        <div className="banner banner-danger" role="alert">
          <strong>
            ⚠ {here.length === 1 ? 'Violation' : `${here.length} violations`} at step {cursor}
          </strong>
          <ul>
            {here.map((v, i) => (
              <li key={i}>
                <strong>{violationTitle(v)}</strong> on CPU{v.cpu}: {v.message}
              </li>
            ))}
          </ul>
          <BeforeToggle />
        </div>
      )}
      {replay.violations.length > 0 && (
        <div className="banner banner-plain">
          <span>
            {replay.violations.length} violation{replay.violations.length === 1 ? '' : 's'} in this scenario.
          </span>{' '}
          <button type="button" disabled={next === null} onClick={() => next !== null && setCursor(next)}>
            {next === null ? 'No later violation' : `Jump to next violation (step ${next})`}
          </button>
        </div>
      )}
      {illegal && (
        <div className="banner banner-warn" role="status">
          <span>
            {EventName(illegal.index)} ({illegal.op}) is not legal where it stands: {illegal.reason}. The
            replay stops before it; {replay.events.length - illegal.index - 1} later event
            {replay.events.length - illegal.index - 1 === 1 ? ' is' : 's are'} not replayed.
          </span>{' '}
          <button type="button" onClick={() => deleteEvent(illegal.index)}>
            Delete event {illegal.index + 1}
          </button>{' '}
          {cursor !== replay.length && (
            <button type="button" onClick={() => setCursor(replay.length)}>
              Go to step {replay.length}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
