// Starting, leaving and copying a tour: the only tour operations that touch the stores.
import type { Tour } from '../scenarios/tours';
import { useLibraryStore } from './libraryStore';
import { useNoticeStore } from './noticeStore';
import { useScenarioStore } from './scenarioStore';
import { TOUR_VIEW, tourScenario } from './tourModel';
import { useViewStore } from './viewStore';
import { DEFAULT_VIEW } from './views';

/** Whether unsaved edits on screen may be replaced (they are kept when the user says no). */
function mayReplace(confirm: (text: string) => boolean): boolean {
  const s = useScenarioStore.getState();
  if (!s.dirty || s.origin.kind === 'user') return true;
  return confirm(
    `“${s.scenario.title}” has edits that are not saved. Open the tour anyway? (Cancel, then “Save to My scenarios”, keeps them.)`,
  );
}

/** Opens a tour at its start in the tour view. Returns false when nothing changed. */
export function startTour(
  tour: Tour,
  confirm: (text: string) => boolean = (t) => window.confirm(t),
): boolean {
  const scenario = tourScenario(tour);
  if (!scenario) {
    useNoticeStore
      .getState()
      .push(
        'error',
        'This tour cannot be opened',
        `Its scenario "${tour.scenarioId}" is not among the examples.`,
      );
    return false;
  }
  if (!mayReplace(confirm)) return false;
  useViewStore.getState().setPlaying(false);
  useScenarioStore.getState().open(scenario, { kind: 'example', id: tour.scenarioId }, { step: 0 });
  useViewStore.getState().setView(TOUR_VIEW);
  return true;
}

/** Back to the step-through view, on the same step. */
export function exitTour(): void {
  useViewStore.getState().setPlaying(false);
  useViewStore.getState().setView(DEFAULT_VIEW);
}

/**
 * Saves a copy of the scenario on screen to My scenarios and opens it for editing in the step-through
 * view, on the same step and variant; the tour's own example is left as it is.
 */
export function editCopy(): boolean {
  const s = useScenarioStore.getState();
  const copy = { ...s.scenario, title: `${s.scenario.title} (my copy)` };
  const id = useLibraryStore.getState().save(copy);
  if (!id) return false; // the library has said why
  s.open(copy, { kind: 'user', id }, { variant: s.variantId, step: s.cursor });
  exitTour();
  useNoticeStore
    .getState()
    .push(
      'info',
      `Saved “${copy.title}” to My scenarios`,
      'Edit it here with the event palette and the explainer; your changes are saved in this browser.',
    );
  return true;
}
