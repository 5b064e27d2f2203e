// Guided tours as data: which tour (if any) the scenario on screen is, and what one step of a tour
// shows. A tour is an ordinary scenario played one step at a time in the `tour` view, so a link to a
// tour step is an ordinary link with `view=tour`.
import type { FieldChange, Replay, Scenario, Violation } from '../../engine';
import { EXAMPLES } from '../../scenarios';
import { TOURS, type Tour } from '../../scenarios/tours';
import { cursorView } from './cursorView';
import type { Origin } from '../stores/scenarioStore';
import { eventLabel } from './timelineModel';
import { EventName } from './eventNumber';

export const TOUR_VIEW = 'tour';

/** The example scenario a tour plays, or null if it is missing. */
export function tourScenario(tour: Tour): Scenario | null {
  return EXAMPLES.find((e) => e.id === tour.scenarioId)?.scenario ?? null;
}

/** The tour whose example is on screen (edited or not), or null. */
export function tourOf(origin: Origin): Tour | null {
  if (origin.kind !== 'example') return null;
  return TOURS.find((t) => t.scenarioId === origin.id) ?? null;
}

/**
 * The line above a tour step: the tour's own title only for the tour as written; once edited it is the
 * user's copy (its own title), so that an edited tour is not passed off as the guided one.
 */
export function tourKicker(tour: Tour | null, title: string, dirty: boolean): string {
  if (!tour) return `Playing “${title}” as a tour`;
  if (dirty) return `Your edited copy of the tour “${tour.title}” (not saved)`;
  return `Guided tour: ${tour.title}`;
}

export interface TourStep {
  /** The step shown: 0 (before the first event) to n. */
  k: number;
  n: number;
  heading: string;
  /** The author's note, the scenario's description at step 0, or null. */
  note: string | null;
  /** The engine's explanation of the step (null at step 0). */
  explanation: string | null;
  /** What the step changed: the parts of the diagram it highlights. */
  changes: FieldChange[];
  violations: Violation[];
  atEnd: boolean;
  /** The replay stops before an event that is not legal where it stands. */
  stopped: string | null;
}

export function tourStep(scenario: Scenario, replay: Replay, cursor: number): TourStep {
  const view = cursorView(replay, cursor);
  const n = replay.length;
  const k = view.cursor;
  const rec = view.record;
  const stopped = replay.illegal
    ? `${EventName(replay.illegal.index)} (${replay.illegal.op}) is not legal where it stands: ${replay.illegal.reason}.`
    : null;
  return {
    k,
    n,
    heading: rec ? `Step ${k}: ${eventLabel(rec.event)}` : 'Before the first step',
    note: rec ? (rec.event.note ?? null) : (scenario.description ?? null),
    explanation: rec ? rec.explanation : null,
    changes: rec ? rec.changes : [],
    violations: rec ? rec.violations : [],
    atEnd: k >= n,
    stopped,
  };
}
