// After a scenario is opened from the Scenarios list: the list closes, and the scenario's title (at
// the top of the view) takes the focus and is brought into view, so the choice visibly did something.
import { useViewStore } from '../../state/stores/viewStore';

export const SCENARIO_TITLE_ID = 'scenario-title';
export const LIBRARY_TOGGLE_ID = 'library-toggle';

export function showOpened(): void {
  useViewStore.getState().setLibraryOpen(false);
  // After React has removed the list: the title is then where it will stay.
  requestAnimationFrame(() => {
    const title = document.getElementById(SCENARIO_TITLE_ID);
    if (!title) return;
    title.focus({ preventScroll: true });
    title.scrollIntoView({ block: 'nearest' });
    window.scrollTo({ top: 0 });
  });
}

/** Closes the list and gives the focus back to the button that opened it. */
export function closeLibrary(): void {
  useViewStore.getState().setLibraryOpen(false);
  requestAnimationFrame(() => document.getElementById(LIBRARY_TOGGLE_ID)?.focus());
}
