// The scenario file (fpsimd-scenario/1): parse text with located errors, print. The schema is in
// scenarioSchema.ts, the validation of a parsed value in scenarioValidate.ts.
// Nothing here throws on bad input: every problem comes back as an error naming where it is.
import { jsonDuplicateKey, jsonErrorOffset } from './jsonpos';
import { MAX_SCENARIO_BYTES, utf8Bytes } from './limits';
import type { Scenario } from './types';
import { SCENARIO_FORMAT, type ParseResult, type ScenarioError } from './scenarioSchema';
import { pathText, validateScenario } from './scenarioValidate';

export {
  ID_PATTERN,
  SCENARIO_FORMAT,
  scenarioSchema,
  type ParseResult,
  type ScenarioError,
} from './scenarioSchema';
export { validateScenario } from './scenarioValidate';
// The limits live in limits.ts (shared with the link decoder and the CLI); re-exported for old imports.
export { MAX_CPUS, MAX_EVENTS, MAX_SCENARIO_BYTES } from './limits';

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
