// Scenarios at the edges of the size limits (cheap to build; their links are stored in
// tests/fixtures/links-limits/ because compressing 5 MB with lz-string takes seconds).
import type { Scenario, ScenarioEvent } from '../../../src/engine';

const scenario = (title: string, events: ScenarioEvent[]): Scenario => ({
  format: 'fpsimd-scenario/1',
  title,
  cpus: 1,
  tasks: [{ id: 'a' }],
  start: { '0': 'a' },
  events,
});

const note = (i: number, length: number): string => `${i} `.padEnd(length, 'abcdefghij'[i % 10]);

/** The example: 20,000 events with 250-character notes, a 5.9 MB file. */
export function longNotes(): Scenario {
  return scenario(
    'Long notes',
    Array.from({ length: 20_000 }, (_, i) => ({
      cpu: 0,
      op: i % 2 ? 'syscall' : 'ret_to_user',
      note: note(i, 250),
    })),
  );
}

/** `n` events with 2,000-character notes: 2,448 print to just under 5 MB, 2,449 just over. */
export function fullNotes(n: number): Scenario {
  return scenario(
    'Full notes',
    Array.from({ length: n }, (_, i) => ({
      cpu: 0,
      op: i % 2 ? 'syscall' : 'ret_to_user',
      note: note(i, 2000),
    })),
  );
}

/** The largest event count, no notes. */
export function maxEvents(n: number): Scenario {
  return scenario(
    'Many events',
    Array.from({ length: n }, (_, i) => ({ cpu: 0, op: i % 2 ? 'syscall' : 'ret_to_user' })),
  );
}
