// Step controls: start, back, play/pause, forward, end, a scrubber, speed, and where the cursor is.
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { nextViolationStep } from '../../state/viewmodels/timelineModel';
import { SPEEDS, useViewStore } from '../../state/stores/viewStore';
import { Icon } from './Icon';
import { StepAnnouncer } from './StepAnnouncer';
import { onTimelineKeyDown } from './useTimelineKeys';

export function Transport({ compact = false }: { compact?: boolean }) {
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const { setCursor, stepBy, toStart, toEnd } = useScenarioStore.getState();
  const playing = useViewStore((s) => s.playing);
  const speed = useViewStore((s) => s.speed);
  const { togglePlaying, setSpeed } = useViewStore.getState();
  const end = replay.length;
  const next = nextViolationStep(replay, cursor);
  return (
    <div className="transport" role="group" aria-label="Step controls">
      <div className="transport-buttons">
        <button
          type="button"
          onClick={toStart}
          disabled={cursor === 0}
          aria-label="Jump to start"
          title="Home"
        >
          <Icon name="start" />
        </button>
        <button
          type="button"
          onClick={() => stepBy(-1)}
          disabled={cursor === 0}
          aria-label="Step back"
          title="←"
        >
          <Icon name="back" />
        </button>
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
        <button
          type="button"
          onClick={() => stepBy(1)}
          disabled={cursor === end}
          aria-label="Step forward"
          title="→"
        >
          <Icon name="forward" />
        </button>
        <button type="button" onClick={toEnd} disabled={cursor === end} aria-label="Jump to end" title="End">
          <Icon name="end" />
        </button>
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
          <button type="button" disabled={next === null} onClick={() => next !== null && setCursor(next)}>
            Next violation{next !== null ? ` (step ${next})` : ''}
          </button>
        </div>
      )}
    </div>
  );
}
