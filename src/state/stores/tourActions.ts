// Starting, leaving and copying a tour: the only tour operations that touch the stores.
import type { Tour } from '../../scenarios/tours';
import { useLibraryStore } from './libraryStore';
import { useNoticeStore } from './noticeStore';
import { useScenarioStore } from './scenarioStore';
import { askWithDialog, guardReplace, type Ask } from './unsavedGuard';
import { TOUR_VIEW, tourScenario } from '../viewmodels/tourModel';
import { useViewStore } from './viewStore';
import { DEFAULT_VIEW } from './views';

/**
 * Opens a tour at its start in the tour view, once unsaved edits on screen are saved or discarded (the
 * shared guard asks). Resolves to false when nothing changed; with nothing to ask, opens at once.
 */
export function startTour(tour: Tour, ask: Ask = askWithDialog): Promise<boolean> {
  const scenario = tourScenario(tour);
  if (!scenario) {
    useNoticeStore
      .getState()
      .push(
        'error',
        'This tour cannot be opened',
        `Its scenario "${tour.scenarioId}" is not among the examples.`,
      );
    return Promise.resolve(false);
  }
  return guardReplace(
    `open the tour “${tour.title}”`,
    () => {
      useViewStore.getState().setPlaying(false);
      useScenarioStore.getState().open(scenario, { kind: 'example', id: tour.scenarioId }, { step: 0 });
      useViewStore.getState().setView(TOUR_VIEW);
    },
    ask,
  );
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
