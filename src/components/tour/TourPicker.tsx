// The guided tours on offer, each with what it shows; the one on screen is marked. While a tour plays,
// the list is one compact row, so the step keeps the screen.
import { TOURS, type Tour } from '../../scenarios/tours';
import { startTour } from '../../state/stores/tourActions';
import { tourScenario } from '../../state/viewmodels/tourModel';

export function TourPicker({ current }: { current: Tour | null }) {
  const compact = current !== null;
  return (
    <nav className={compact ? 'tour-picker compact' : 'tour-picker'} aria-label="Guided tours">
      <ul>
        {TOURS.map((t) => {
          const steps = tourScenario(t)?.events.length ?? 0;
          const here = current?.scenarioId === t.scenarioId;
          const label = `${here ? 'Start again' : 'Start'}: ${t.title}`;
          return (
            <li
              key={t.scenarioId}
              className={here ? 'tour-card current' : 'tour-card'}
              aria-current={here || undefined}
            >
              {compact ? (
                <button
                  type="button"
                  className="small"
                  onClick={() => void startTour(t)}
                  aria-label={label}
                  title={`${t.summary} (${steps} steps)`}
                >
                  {t.title}
                </button>
              ) : (
                <>
                  <h3>{t.title}</h3>
                  <p>{t.summary}</p>
                  <p className="hint">
                    {steps} steps{here ? ' · on screen' : ''}
                  </p>
                  <button
                    type="button"
                    className="small"
                    onClick={() => void startTour(t)}
                    aria-label={label}
                  >
                    {here ? 'Start again' : 'Start'}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
