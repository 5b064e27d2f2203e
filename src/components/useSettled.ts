// The replay and cursor for the detail panels (explainer, palette, event editor, step announcer): they
// follow the cursor once it has been still for DETAIL_DELAY_MS. A step paints the diagram and the
// timeline at once, and rapid stepping (a held arrow key, a scrubber drag, fast playback) neither
// re-renders nor re-rasters their text on every frame; they catch up as soon as the cursor rests. An
// edit or another scenario (a new replay) is shown at once, in the same render as the diagram.
import { startTransition, useEffect, useState } from 'react';
import type { Replay } from '../engine';
import { useScenarioStore, type ScenarioState } from '../state/stores/scenarioStore';

/** How long the cursor must rest before the detail panels follow it. */
export const DETAIL_DELAY_MS = 80;

interface Settled {
  replay: Replay;
  cursor: number;
}

type Show = (next: Settled, urgent: boolean) => void;

const pick = (s: Pick<ScenarioState, 'replay' | 'cursor'>): Settled => ({
  replay: s.replay,
  cursor: s.cursor,
});

/**
 * One watcher of the store for every mounted panel: a cursor move arms one timer, not one per panel.
 * `shown` is what the panels show; a panel mounting meanwhile starts from it, so all of them agree.
 */
const panels = new Set<Show>();
let shown: Settled | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let stop: (() => void) | undefined;

function show(next: Settled, urgent: boolean): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (shown && next.replay === shown.replay && next.cursor === shown.cursor) return;
  shown = next;
  for (const set of panels) set(next, urgent);
}

function follow(s: ScenarioState): void {
  if (!shown || s.replay !== shown.replay) return show(pick(s), true);
  if (timer !== undefined) clearTimeout(timer);
  timer = s.cursor === shown.cursor ? undefined : setTimeout(() => show(pick(s), false), DETAIL_DELAY_MS);
}

/** Adds a panel that first rendered `first`; it catches up if the shared value moved meanwhile. */
function join(set: Show, first: Settled): () => void {
  if (panels.size === 0) {
    shown = first;
    stop = useScenarioStore.subscribe(follow);
  }
  panels.add(set);
  if (shown && (shown.replay !== first.replay || shown.cursor !== first.cursor)) set(shown, true);
  // The store may have moved between the first render and now.
  follow(useScenarioStore.getState());
  return () => {
    panels.delete(set);
    if (panels.size > 0) return;
    stop?.();
    stop = undefined;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    shown = null;
  };
}

/**
 * The settled replay and cursor. The store is watched outside React, so a cursor move re-renders the
 * panel only when it settles (a subscription through a selector would render it on every move). That
 * render is a transition: an input arriving meanwhile (the next step) interrupts it instead of waiting.
 */
export function useSettledCursor(): Settled {
  const [settled, setSettled] = useState(() => shown ?? pick(useScenarioStore.getState()));
  useEffect(() => {
    const set: Show = (next, urgent) => (urgent ? setSettled(next) : startTransition(() => setSettled(next)));
    return join(set, settled);
    // Joined once per mount: later values arrive through `set`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return settled;
}
