// Step controls: start, back, play/pause, forward, end, a scrubber, speed, and where the cursor is.
import { memo } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { nextViolationStep } from '../../state/viewmodels/timelineModel';
import { SPEEDS, useViewStore } from '../../state/stores/viewStore';
import { Icon, type IconName } from './Icon';
import { StepAnnouncer } from './StepAnnouncer';
import { onTimelineKeyDown } from './useTimelineKeys';

export function Transport({ compact = false }: { compact?: boolean }) {
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const { setCursor, stepBy, toStart, toEnd } = useScenarioStore.getState();
  const playing = useViewStore((s) => s.playing);
  const { togglePlaying } = useViewStore.getState();
  const end = replay.length;
  const next = nextViolationStep(replay, cursor);
  return (
    <div className="transport" role="group" aria-label="Step controls">
      <div className="transport-buttons">
        <StepButton
          icon="start"
          label="Jump to start"
          keyName="Home"
          onClick={toStart}
          disabled={cursor === 0}
        />
        <StepButton
          icon="back"
          label="Step back"
          keyName="←"
          onClick={() => stepBy(-1)}
          disabled={cursor === 0}
        />
        <button
          type="button"
          onClick={togglePlaying}
          aria-label={playing ? 'Pause' : 'Play'}
          aria-pressed={playing}
          title="Space"
          disabled={end === 0}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <StepButton
          icon="forward"
          label="Step forward"
          keyName="→"
          onClick={() => stepBy(1)}
          disabled={cursor === end}
        />
        <StepButton icon="end" label="Jump to end" keyName="End" onClick={toEnd} disabled={cursor === end} />
        {/* Read out by the announcer below, with what the step did. */}
        <span className="step-count">
          Step {cursor} of {end}
        </span>
        <StepAnnouncer />
      </div>
      <input
        type="range"
        className="scrubber"
        min={0}
        max={end}
        value={cursor}
        onChange={(e) => setCursor(Number(e.currentTarget.value))}
        onKeyDown={(e) => {
          // The range input has its own arrow keys; Space plays here too.
          if (e.key === ' ') onTimelineKeyDown(e);
        }}
        aria-label="Step"
        aria-valuetext={`Step ${cursor} of ${end}`}
      />
      {!compact && (
        <div className="transport-extra">
          <SpeedSelect />
          <button type="button" disabled={next === null} onClick={() => next !== null && setCursor(next)}>
            Next violation{next !== null ? ` (step ${next})` : ''}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Its own memoised component: a step re-renders the transport, and React re-selects a select's option
 * (a style and layout change in Chromium) on every render of it.
 */
const SpeedSelect = memo(function SpeedSelect() {
  const speed = useViewStore((s) => s.speed);
  const { setSpeed } = useViewStore.getState();
  return (
    <label>
      Speed{' '}
      <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s} steps/s
          </option>
        ))}
      </select>
    </label>
  );
});

/** An icon button of the transport, named for screen readers, its key in the tooltip. */
function StepButton({
  icon,
  label,
  keyName,
  onClick,
  disabled,
}: {
  icon: IconName;
  label: string;
  keyName: string;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <button type="button" onClick={onClick} disabled={disabled} aria-label={label} title={keyName}>
      <Icon name={icon} />
    </button>
  );
}
