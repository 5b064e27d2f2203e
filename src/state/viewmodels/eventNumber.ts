// One numbering of events with the CLI: the app counts events from 1 (event N leads to step N), the
// file and the CLI index them from 0 (`events[N-1]`). Messages name both, so either can be looked up.

/** "event 3 (events[2])" for the event at 0-based `index`. */
export function eventName(index: number): string {
  return `event ${index + 1} (events[${index}])`;
}

/** The same, capitalised for the start of a sentence. */
export function EventName(index: number): string {
  return `Event ${index + 1} (events[${index}])`;
}
