// The guided tours on offer, each with what it shows; the one on screen is marked.
import { TOURS, type Tour } from '../../scenarios/tours';
import { startTour } from '../../state/tourActions';
import { tourScenario } from '../../state/tourModel';

export function TourPicker({ current }: { current: Tour | null }) {
  return (
    <nav className="tour-picker" aria-label="Guided tours">
      <ul>
        {TOURS.map((t) => {
          const steps = tourScenario(t)?.events.length ?? 0;
          const here = current?.scenarioId === t.scenarioId;
          return (
            <li
              key={t.scenarioId}
              className={here ? 'tour-card current' : 'tour-card'}
              aria-current={here || undefined}
            >
              <h3>{t.title}</h3>
              <p>{t.summary}</p>
              <p className="hint">
                {steps} steps{here ? ' · on screen' : ''}
              </p>
              <button
                type="button"
                className="small"
                onClick={() => void startTour(t)}
                aria-label={`${here ? 'Start again' : 'Start'}: ${t.title}`}
              >
                {here ? 'Start again' : 'Start'}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
