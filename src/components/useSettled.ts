// The replay and cursor for the detail panels (explainer, palette, event editor): they follow the cursor
// once it has been still for DETAIL_DELAY_MS. A step paints the diagram and the timeline at once, and
// rapid stepping (a held arrow key, a scrubber drag, fast playback) neither re-renders nor re-rasters
// their text on every frame; they catch up as soon as the cursor rests. An edit or another scenario
// (a new replay) is shown at once, in the same render as the diagram.
import { useEffect, useState } from 'react';
import type { Replay } from '../engine';
import { useScenarioStore, type ScenarioState } from '../state/stores/scenarioStore';

/** How long the cursor must rest before the detail panels follow it. */
export const DETAIL_DELAY_MS = 80;

interface Settled {
  replay: Replay;
  cursor: number;
}

const pick = (s: Pick<ScenarioState, 'replay' | 'cursor'>): Settled => ({
  replay: s.replay,
  cursor: s.cursor,
});

/**
 * The settled replay and cursor. The store is watched outside React, so a cursor move re-renders the
 * panel only when it settles (a subscription through a selector would render it on every move).
 */
export function useSettledCursor(): Settled {
  const [settled, setSettled] = useState(() => pick(useScenarioStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown = settled;
    const show = (next: Settled): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (next.replay === shown.replay && next.cursor === shown.cursor) return;
      shown = next;
      setSettled(next);
    };
    const follow = (s: ScenarioState): void => {
      if (s.replay !== shown.replay) return show(pick(s));
      if (timer !== undefined) clearTimeout(timer);
      timer = s.cursor === shown.cursor ? undefined : setTimeout(() => show(pick(s)), DETAIL_DELAY_MS);
    };
    // The store may have moved between the first render and this effect.
    follow(useScenarioStore.getState());
    const stop = useScenarioStore.subscribe(follow);
    return () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
    };
    // Subscribed once per mount: `settled` seeds `shown`, later values arrive through `follow`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return settled;
}
