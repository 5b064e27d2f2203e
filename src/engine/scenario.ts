// The scenario file (fpsimd-scenario/1): schema, parse with located errors, print.
// Nothing here throws on bad input: every problem comes back as an error naming where it is.
import * as z from 'zod/mini';
import { jsonDuplicateKey, jsonErrorOffset } from './jsonpos';
import { MAX_CPUS, MAX_EVENTS, MAX_NOTE_CHARS, MAX_SCENARIO_BYTES, MAX_TASKS, utf8Bytes } from './limits';
import { OPS, SVE_OPS, TASK_OPS, type Scenario } from './types';
import { legacyVariantId, MAINLINE_ALIAS } from './variants';

export const SCENARIO_FORMAT = 'fpsimd-scenario/1';
// The limits live in limits.ts (shared with the link decoder and the CLI); re-exported for old imports.
export { MAX_CPUS, MAX_EVENTS, MAX_SCENARIO_BYTES } from './limits';
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

/** `events[3].op`; a key that is not a plain name is quoted: `start["a b"]`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && !/^[A-Za-z0-9_$]+$/.test(p)) out += `[${JSON.stringify(p)}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

const CPU_KEY = /^(0|[1-9][0-9]*)$/;

/**
 * `start`'s keys must be CPU numbers. Checked on the parsed JSON itself, before the schema: the
 * schema's record would drop a `__proto__` key silently (it cannot be an ordinary property).
 */
function startKeyErrors(value: unknown): ScenarioError[] {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'start')) return [];
  const start = (value as { start: unknown }).start;
  if (typeof start !== 'object' || start === null || Array.isArray(start)) return [];
  return Object.keys(start)
    .filter((k) => !CPU_KEY.test(k))
    .map((k) => ({
      where: pathText(['start', k]),
      message: `${JSON.stringify(k)} is not a CPU number: the keys of start are CPU numbers (0, 1, ...)`,
    }));
}

/** One message per place: the first problem found there (the others follow from it). */
function onePerPlace(errors: readonly ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.where) && (seen.add(e.where), true));
}

/** Cross-field rules the schema cannot express: ids, start, event CPUs and schedule targets. */
function semanticErrors(sc: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const seen = new Map<string, string>();
  const tasks = new Set<string>();
  sc.tasks.forEach((t, i) => {
    for (const [key, value] of [
      ['id', t.id],
      ['vcpu', t.vcpu],
    ] as const) {
      if (value === undefined) continue;
      const where = `tasks[${i}].${key}`;
      const prev = seen.get(value);
      if (prev) errors.push({ where, message: `"${value}" is already used at ${prev}; ids must be unique` });
      else seen.set(value, where);
    }
    tasks.add(t.id);
    if (t.vcpuSve && t.vcpu === undefined)
      errors.push({
        where: `tasks[${i}].vcpuSve`,
        message: 'only a vcpu thread (with "vcpu") can run an SVE vcpu',
      });
    else if (t.vcpuSve && !sc.sve)
      errors.push({
        where: `tasks[${i}].vcpuSve`,
        message: 'an SVE vcpu needs a machine with SVE ("sve": true)',
      });
  });
  const startedOn = new Map<string, string>();
  for (const [cpu, task] of Object.entries(sc.start)) {
    const where = pathText(['start', cpu]);
    if (!CPU_KEY.test(cpu) || Number(cpu) >= sc.cpus)
      errors.push({ where, message: `"${cpu}" is not a CPU of this scenario (0 to ${sc.cpus - 1})` });
    else if (!tasks.has(task)) errors.push({ where, message: `no task "${task}"` });
    else if (startedOn.has(task))
      errors.push({
        where,
        message: `${task} is already current on CPU ${startedOn.get(task)}; a task is current on at most one CPU`,
      });
    else startedOn.set(task, cpu);
  }
  sc.events.forEach((ev, i) => {
    if (ev.cpu >= sc.cpus)
      errors.push({
        where: `events[${i}].cpu`,
        message: `CPU ${ev.cpu} does not exist (cpus is ${sc.cpus})`,
      });
    if (!sc.sve && SVE_OPS.includes(ev.op))
      errors.push({
        where: `events[${i}].op`,
        message: `${ev.op} is an SVE op: the machine needs SVE ("sve": true at the top level)`,
      });
    if (TASK_OPS.includes(ev.op)) {
      if (ev.task === undefined) errors.push({ where: `events[${i}]`, message: `${ev.op} needs a "task"` });
      else if (!tasks.has(ev.task))
        errors.push({ where: `events[${i}].task`, message: `no task "${ev.task}"` });
    } else if (ev.task !== undefined)
      errors.push({
        where: `events[${i}].task`,
        message: `only ${TASK_OPS.slice(0, -1).join(', ')} and ${TASK_OPS[TASK_OPS.length - 1]} take a "task" (op is ${ev.op})`,
      });
  });
  return errors;
}

/** Validates an already-parsed JSON value. */
export function validateScenario(value: unknown): ParseResult {
  const keyErrors = startKeyErrors(value);
  const res = scenarioSchema.safeParse(value);
  if (!res.success || keyErrors.length) {
    const issues = res.success ? [] : res.error.issues;
    const errors = [
      ...keyErrors,
      ...issues.map((iss) => ({ where: pathText(iss.path), message: iss.message })),
    ];
    return { ok: false, errors: onePerPlace(errors).slice(0, 20) };
  }
  const sc = res.data as Scenario;
  const errors = onePerPlace(semanticErrors(sc));
  return errors.length
    ? { ok: false, errors: errors.slice(0, 20) }
    : { ok: true, scenario: concreteVariants(sc) };
}

const isLegacy = (id: string | undefined): id is string =>
  id !== undefined && (id === MAINLINE_ALIAS || id.startsWith(`${MAINLINE_ALIAS}/`));

/**
 * A scenario names concrete variants. `mainline` in a scenario's `variant` or `notesVariant` was
 * written before eras were named by release, when it meant today's v6.15 (`mainline/pre-...` likewise):
 * it opens as it did then (docs/scenarios.md, "Variant ids").
 */
function concreteVariants(sc: Scenario): Scenario {
  if (!isLegacy(sc.variant) && !isLegacy(sc.notesVariant)) return sc;
  const out = { ...sc };
  if (isLegacy(sc.variant)) out.variant = legacyVariantId(sc.variant);
  if (isLegacy(sc.notesVariant)) out.notesVariant = legacyVariantId(sc.notesVariant);
  return out;
}

function lineColumn(text: string, pos: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

/** Characters that do not show in a message (controls, BOM, zero-width, bidi), named as U+XXXX. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
const nameInvisible = (s: string): string =>
  s.replace(INVISIBLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/**
 * Parses scenario text: size limit, JSON syntax (with line and column), a key given twice in one
 * object (JSON.parse would keep the last silently), schema, cross-field rules.
 * A UTF-8 byte order mark at the start (some Windows editors write one) is accepted and ignored.
 */
export function parseScenario(input: string): ParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // Bytes, as the CLI counts them (a character is at least one byte: the cheap test first).
  const bytes = text.length > MAX_SCENARIO_BYTES ? text.length : utf8Bytes(text);
  if (bytes > MAX_SCENARIO_BYTES)
    return {
      ok: false,
      errors: [
        {
          where: '',
          message: `file is ${(bytes / 1e6).toFixed(1)} MB; scenarios are limited to ${MAX_SCENARIO_BYTES / 1e6} MB`,
        },
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = nameInvisible(e instanceof Error ? e.message : String(e));
    const at = jsonErrorOffset(text);
    const truncated = at >= text.length;
    const where = truncated ? 'end of file' : at >= 0 ? lineColumn(text, at) : '';
    const found = at >= 0 && !truncated ? text[at] : '';
    const invisible =
      found && nameInvisible(found) !== found
        ? ` (found ${nameInvisible(found)}, an invisible character)`
        : '';
    return {
      ok: false,
      errors: [
        {
          where,
          message: `not valid JSON${truncated ? ' (the file looks truncated)' : ''}: ${msg}${invisible}`,
        },
      ],
    };
  }
  // JSON.parse keeps the last of a repeated key without a word: refused instead, naming both places.
  const dup = jsonDuplicateKey(text);
  if (dup !== null) {
    const key = JSON.stringify(dup.path.at(-1));
    return {
      ok: false,
      errors: [
        {
          where: pathText(dup.path),
          message:
            `key ${nameInvisible(key)} given twice in one object, at ${lineColumn(text, dup.offset)} and ` +
            `first at ${lineColumn(text, dup.firstOffset)}: keep one of them`,
        },
      ],
    };
  }
  return validateScenario(value);
}

/** One error per line, `where: message`. */
export function formatErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => (e.where ? `${e.where}: ${e.message}` : e.message)).join('\n');
}

/** Prints a scenario as its canonical file text: fixed key order, one event per line. */
export function printScenario(sc: Scenario): string {
  const head: Record<string, unknown> = { format: SCENARIO_FORMAT, title: sc.title };
  if (sc.description !== undefined) head.description = sc.description;
  if (sc.variant !== undefined) head.variant = sc.variant;
  if (sc.notesVariant !== undefined) head.notesVariant = sc.notesVariant;
  head.cpus = sc.cpus;
  if (sc.sve !== undefined) head.sve = sc.sve;
  if (sc.vhe !== undefined) head.vhe = sc.vhe;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const tasks = sc.tasks.map((t) => {
    const o: Record<string, unknown> = { id: t.id };
    if (t.vcpu !== undefined) o.vcpu = t.vcpu;
    if (t.kthread) o.kthread = true;
    if (t.vcpuSve) o.vcpuSve = true;
    return `    ${JSON.stringify(o)}`;
  });
  lines.push(`  "tasks": [\n${tasks.join(',\n')}\n  ]`);
  lines.push(`  "start": ${JSON.stringify(sc.start)}`);
  const events = sc.events.map((ev) => {
    const o: Record<string, unknown> = { cpu: ev.cpu, op: ev.op };
    if (ev.task !== undefined) o.task = ev.task;
    if (ev.note !== undefined) o.note = ev.note;
    return `    ${JSON.stringify(o)}`;
  });
  lines.push(events.length ? `  "events": [\n${events.join(',\n')}\n  ]` : '  "events": []');
  return `{\n${lines.join(',\n')}\n}\n`;
}
