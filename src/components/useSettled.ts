// A value that follows its source once the source has been still for `ms`. The detail panels
// (explainer, palette) use it for the cursor: a step paints the diagram and the timeline at once, and
// rapid stepping (a held arrow key, a scrubber drag, fast playback) does not re-render and re-raster
// their text on every frame; they catch up as soon as the cursor rests.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Replay } from '../engine';
import { useScenarioStore } from '../state/scenarioStore';

export function useSettled<T>(value: T, ms: number, immediate?: (next: T, prev: T) => boolean): T {
  const [settled, setSettled] = useState(value);
  // Some changes (an edit, another scenario) are shown at once, during this render.
  const now = !Object.is(settled, value) && immediate !== undefined && immediate(value, settled);
  if (now) setSettled(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, settled, ms]);
  return now ? value : settled;
}

/** How long the cursor must rest before the detail panels follow it. */
export const DETAIL_DELAY_MS = 80;

/** For useSettled over {replay, cursor}: an edit or a variant change is shown at once. */
export const replayChanged = (next: { replay: unknown }, prev: { replay: unknown }): boolean =>
  next.replay !== prev.replay;

/** The replay and the cursor for a detail panel: cursor moves once the cursor rests, edits at once. */
export function useSettledCursor(): { replay: Replay; cursor: number } {
  const live = useScenarioStore(useShallow((s) => ({ replay: s.replay, cursor: s.cursor })));
  return useSettled(live, DETAIL_DELAY_MS, replayChanged);
}
