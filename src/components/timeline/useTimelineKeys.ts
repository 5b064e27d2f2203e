// The timeline's keyboard: arrows step, Page keys step by ten, Home/End jump, Space plays or pauses;
// in the event list, Delete and Alt+arrows edit the cursor's event.
import type { KeyboardEvent } from 'react';
import { deleteCursorEvent, moveCursorEvent } from '../../state/scenario/eventEdits';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { useViewStore } from '../../state/stores/viewStore';

/** Handles a key; returns true when it was one of the timeline's. */
export function timelineKey(key: string): boolean {
  const s = useScenarioStore.getState();
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      s.stepBy(1);
      return true;
    case 'ArrowLeft':
    case 'ArrowUp':
      s.stepBy(-1);
      return true;
    case 'PageDown':
      s.stepBy(10);
      return true;
    case 'PageUp':
      s.stepBy(-10);
      return true;
    case 'Home':
      s.toStart();
      return true;
    case 'End':
      s.toEnd();
      return true;
    case ' ':
      useViewStore.getState().togglePlaying();
      return true;
    default:
      return false;
  }
}

/** In the event list: Delete removes the cursor's event, Alt+ArrowUp/Down move it. */
function editKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey) return false;
  if (e.key === 'Delete' && !e.altKey) deleteCursorEvent();
  else if (e.altKey && e.key === 'ArrowUp') moveCursorEvent(-1);
  else if (e.altKey && e.key === 'ArrowDown') moveCursorEvent(1);
  else return false;
  return true;
}

export function onTimelineKeyDown(e: KeyboardEvent): void {
  if (editKey(e)) {
    e.preventDefault();
    return;
  }
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  if (timelineKey(e.key)) e.preventDefault();
}
