// The live region that tells a screen reader what each step did, once the cursor rests (a held arrow
// key or playback is not read out step by step).
import { useMemo } from 'react';
import { cursorView } from '../../state/viewmodels/cursorView';
import { stepAnnouncement } from '../../state/viewmodels/stepAnnouncement';
import { useSettledCursor } from '../useSettled';

export function StepAnnouncer() {
  const { replay, cursor } = useSettledCursor();
  const text = useMemo(
    () => stepAnnouncement(cursor, replay.length, cursorView(replay, cursor).record),
    [replay, cursor],
  );
  return (
    <span className="visually-hidden" aria-live="polite" data-testid="step-announcement">
      {text}
    </span>
  );
}
