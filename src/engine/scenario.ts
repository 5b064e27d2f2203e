// The scenario file (fpsimd-scenario/1): schema, parse with located errors, print.
// Nothing here throws on bad input: every problem comes back as an error naming where it is.
import { z } from 'zod';
import { jsonErrorOffset } from './jsonpos';
import { OPS, type Scenario } from './types';

export const SCENARIO_FORMAT = 'fpsimd-scenario/1';
/** Larger files are refused before parsing (a scenario of 100,000 events is about 3 MB). */
export const MAX_SCENARIO_BYTES = 5_000_000;
export const MAX_EVENTS = 100_000;
export const MAX_CPUS = 8;
export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,23}$/;

export interface ScenarioError {
  /** JSON path (`events[3].op`), `line 4, column 2` for syntax errors, or `` for the whole file. */
  where: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const id = z.string().regex(ID_PATTERN, 'must be a lowercase id: a letter, then up to 23 of a-z 0-9 _ -');

const eventSchema = z
  .object({
    cpu: z.number().int('must be an integer').min(0, 'must be 0 or more'),
    op: z.enum(OPS, { error: () => `must be one of ${OPS.join(', ')}` }),
    task: id.optional(),
    note: z.string().max(2000, 'must be at most 2,000 characters').optional(),
  })
  .strict();

const taskSchema = z
  .object({ id, vcpu: id.optional(), kthread: z.boolean().optional() })
  .strict()
  .refine((t) => !(t.kthread && t.vcpu), { message: 'a kernel thread cannot run a vcpu', path: ['kthread'] });

export const scenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT, { error: () => `must be "${SCENARIO_FORMAT}"` }),
    title: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    description: z.string().max(10_000, 'must be at most 10,000 characters').optional(),
    variant: z.string().max(100).optional(),
    cpus: z.number().int('must be an integer').min(1, 'must be 1 to 8').max(MAX_CPUS, 'must be 1 to 8'),
    tasks: z.array(taskSchema).min(1, 'needs at least one task').max(32, 'at most 32 tasks'),
    start: z.record(z.string(), id),
    events: z.array(eventSchema).max(MAX_EVENTS, `at most ${MAX_EVENTS.toLocaleString('en')} events`),
  })
  .strict();

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
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
  });
  const startedOn = new Map<string, string>();
  for (const [cpu, task] of Object.entries(sc.start)) {
    const where = `start.${cpu}`;
    if (!/^(0|[1-9][0-9]*)$/.test(cpu) || Number(cpu) >= sc.cpus)
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
    if (ev.op === 'schedule') {
      if (ev.task === undefined) errors.push({ where: `events[${i}]`, message: 'schedule needs a "task"' });
      else if (!tasks.has(ev.task))
        errors.push({ where: `events[${i}].task`, message: `no task "${ev.task}"` });
    } else if (ev.task !== undefined)
      errors.push({ where: `events[${i}].task`, message: `only schedule takes a "task" (op is ${ev.op})` });
  });
  return errors;
}

/** Validates an already-parsed JSON value. */
export function validateScenario(value: unknown): ParseResult {
  const res = scenarioSchema.safeParse(value);
  if (!res.success) {
    const errors = res.error.issues
      .slice(0, 20)
      .map((iss) => ({ where: pathText(iss.path), message: iss.message }));
    return { ok: false, errors };
  }
  const sc = res.data as Scenario;
  const errors = semanticErrors(sc);
  return errors.length ? { ok: false, errors: errors.slice(0, 20) } : { ok: true, scenario: sc };
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

/** Parses scenario text: size limit, JSON syntax (with line and column), schema, cross-field rules. */
export function parseScenario(text: string): ParseResult {
  if (text.length > MAX_SCENARIO_BYTES)
    return {
      ok: false,
      errors: [
        {
          where: '',
          message: `file is ${(text.length / 1e6).toFixed(1)} MB; scenarios are limited to ${MAX_SCENARIO_BYTES / 1e6} MB`,
        },
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = jsonErrorOffset(text);
    const truncated = at >= text.length;
    const where = truncated ? 'end of file' : at >= 0 ? lineColumn(text, at) : '';
    return {
      ok: false,
      errors: [{ where, message: `not valid JSON${truncated ? ' (the file looks truncated)' : ''}: ${msg}` }],
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
  head.cpus = sc.cpus;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const tasks = sc.tasks.map((t) => {
    const o: Record<string, unknown> = { id: t.id };
    if (t.vcpu !== undefined) o.vcpu = t.vcpu;
    if (t.kthread) o.kthread = true;
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
