// Validation of a parsed scenario: the schema, then the cross-field rules it cannot express, each
// error naming where it is; legacy `mainline` variant ids resolved to what they meant.
import { SVE_OPS, TASK_OPS, type Scenario } from './types';
import { scenarioSchema, type ParseResult, type ScenarioError } from './scenarioSchema';
import { legacyVariantId, MAINLINE_ALIAS } from './variants';

/** `events[3].op`; a key that is not a plain name is quoted: `start["a b"]`. */
export function pathText(path: readonly PropertyKey[]): string {
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
