// The scenario file's schema (fpsimd-scenario/1): the shape of every field and its message when wrong.
// Cross-field rules are in scenarioValidate.ts; parsing text and printing in scenario.ts.
import * as z from 'zod/mini';
import { MAX_CPUS, MAX_EVENTS, MAX_NOTE_CHARS, MAX_TASKS } from './limits';
import { OPS, type Scenario } from './types';

export const SCENARIO_FORMAT = 'fpsimd-scenario/1';
export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,23}$/;

export interface ScenarioError {
  /** JSON path (`events[3].op`), `line 4, column 2` for syntax errors, or `` for the whole file. */
  where: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

// zod/mini: the same validation as zod's chained API at a fraction of the bundle (the app ships it).
type Issue = { code?: string; input?: unknown; keys?: string[] };
/** A type's message: "is required" when the key is absent, else what the value must be. */
const must = (what: string) => ({
  error: (iss: Issue) => (iss.input === undefined ? 'is required' : `must be ${what}`),
});
/** An object's message: unknown keys by name, else the type. */
const objectError = {
  error: (iss: Issue) =>
    iss.code === 'unrecognized_keys'
      ? `unknown key${(iss.keys?.length ?? 0) > 1 ? 's' : ''} ${(iss.keys ?? []).map((k) => `"${k}"`).join(', ')}`
      : iss.input === undefined
        ? 'is required'
        : 'must be an object',
};

const id = z
  .string(must('a string'))
  .check(z.regex(ID_PATTERN, 'must be a lowercase id: a letter, then up to 23 of a-z 0-9 _ -'));
/** An integer in [min, max]: one message whatever is wrong (1e21 is out of range, not "not an integer"). */
const int = (min: number, max: number, range: string) =>
  z
    .int({
      error: (iss: Issue) =>
        iss.input === undefined ? 'is required' : Number.isInteger(iss.input) ? range : 'must be an integer',
    })
    .check(z.minimum(min, range), z.maximum(max, range));

const eventSchema = z.strictObject(
  {
    cpu: int(0, MAX_CPUS - 1, `must be a CPU number, 0 to ${MAX_CPUS - 1}`),
    op: z.enum(OPS, { error: () => `must be one of ${OPS.join(', ')}` }),
    task: z.optional(id),
    note: z.optional(
      z
        .string(must('a string'))
        .check(
          z.maxLength(MAX_NOTE_CHARS, `must be at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters`),
        ),
    ),
  },
  objectError,
);

const taskSchema = z
  .strictObject(
    {
      id,
      vcpu: z.optional(id),
      kthread: z.optional(z.boolean(must('true or false'))),
      vcpuSve: z.optional(z.boolean(must('true or false'))),
    },
    objectError,
  )
  .check(
    z.refine((t) => !(t.kthread && t.vcpu), {
      message: 'a kernel thread cannot run a vcpu',
      path: ['kthread'],
    }),
  );

export const scenarioSchema = z.strictObject(
  {
    format: z.literal(SCENARIO_FORMAT, { error: () => `must be "${SCENARIO_FORMAT}"` }),
    title: z
      .string(must('a string'))
      .check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters')),
    description: z.optional(
      z.string(must('a string')).check(z.maxLength(10_000, 'must be at most 10,000 characters')),
    ),
    variant: z.optional(z.string(must('a string')).check(z.maxLength(100, 'must be at most 100 characters'))),
    /** The variant the description and notes were written for; defaults to `variant`. */
    notesVariant: z.optional(
      z.string(must('a string')).check(z.maxLength(100, 'must be at most 100 characters')),
    ),
    cpus: int(1, MAX_CPUS, `must be 1 to ${MAX_CPUS}`),
    sve: z.optional(z.boolean(must('true or false'))),
    vhe: z.optional(z.boolean(must('true or false'))),
    tasks: z
      .array(taskSchema, must('a list of tasks'))
      .check(z.minLength(1, 'needs at least one task'), z.maxLength(MAX_TASKS, `at most ${MAX_TASKS} tasks`)),
    start: z.record(z.string(), id, must('an object of CPU number to task id')),
    events: z
      .array(eventSchema, must('a list of events'))
      .check(z.maxLength(MAX_EVENTS, `at most ${MAX_EVENTS.toLocaleString('en')} events`)),
  },
  objectError,
);
