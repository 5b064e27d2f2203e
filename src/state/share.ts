// Shared links: the whole screen (scenario, variant, step, view) in the URL fragment, compact and versioned.
// Format v1: `#v1&step=12&variant=v4.18&view=diagram[&cpu=1][&embed=1][&cmp=ID,ID[,ID]]&data=PAYLOAD`
// (`cmp`: the compare view's variants, added later; links without it stay valid), where PAYLOAD is
// lz-string's URI-safe compression of the scenario as a compact JSON (CompactV1). Events are two or three
// characters each (op code, CPU digit, task index for `schedule`), which keeps a 200-event link well under
// 1,000 characters. The payload comes last, so a link cut short always fails to unpack (and says so);
// the small fields stay outside it, so stepping re-encodes nothing (the payload is cached per scenario).
// Older versions are migrated one step at a time (MIGRATIONS).
// lz-string is CommonJS: a default import works in Vite, vitest and plain Node (e2e, bench) alike.
import LZString from 'lz-string';
import { formatErrors, validateScenario, type Scenario, type ScenarioEvent } from '../engine';

export const SHARE_VERSION = 1;

/** What a link carries. `view` is checked by the caller against the views it knows. */
export interface SharedScreen {
  scenario: Scenario;
  variant: string;
  step: number;
  view: string;
  embed: boolean;
  /** The palette's CPU. */
  cpu: number;
  /** The compare view's variants, as written in the link (checked by the caller); absent in most links. */
  compare?: string[];
  /**
   * Further view parameters (reviewer mode, the explorer's form...), owned by src/state/linkParams.ts:
   * written before the payload, read back as every field this file does not know.
   */
  params?: Record<string, string>;
}

/** The fields this file reads itself; any other is a view parameter. */
const OWN_FIELDS = new Set(['step', 'variant', 'view', 'cpu', 'embed', 'cmp', 'data']);

export type DecodeResult = { ok: true; screen: SharedScreen } | { ok: false; message: string };

/**
 * Op codes of format v1, frozen: a new op gets the next free letter here, never a reused one, so that
 * old links keep their meaning whatever order the engine lists its ops in.
 */
const V1_OPS: readonly string[] = [
  'schedule',
  'ret_to_user',
  'syscall',
  'user_fp',
  'kernel_neon',
  'softirq_neon',
  'vcpu_load',
  'guest_enter',
  'guest_fp',
  'guest_exit',
  'vcpu_put',
];
const OP_CODE = new Map(V1_OPS.map((op, i) => [op, String.fromCharCode(97 + i)]));
/** Task indices in `schedule` events: scenarios have at most 32 tasks. */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The scenario inside a v1 link. Short keys: the link is the whole document. */
export interface CompactV1 {
  /** title */
  t: string;
  /** description */
  d?: string;
  /** the scenario's own variant field */
  sv?: string;
  /** cpus */
  c: number;
  /** tasks: `id`, `id:vcpu` or `id!` (kernel thread), comma-separated */
  k: string;
  /** start task per CPU, comma-separated, empty = idle */
  s: string;
  /** events */
  e: string;
  /** notes by event index */
  n?: Record<string, string>;
}

/** The small fields of a link, as read from it (before checking). */
export type LinkParams = Record<string, string>;

function encodeEvents(sc: Scenario): string {
  const taskIndex = new Map(sc.tasks.map((t, i) => [t.id, i]));
  let out = '';
  for (const ev of sc.events) {
    out += (OP_CODE.get(ev.op) ?? '?') + String(ev.cpu);
    if (ev.op === 'schedule') out += DIGITS[taskIndex.get(ev.task ?? '') ?? 0];
  }
  return out;
}

export function toCompact(sc: Scenario): CompactV1 {
  const out: CompactV1 = {
    t: sc.title,
    c: sc.cpus,
    k: sc.tasks.map((t) => t.id + (t.vcpu ? `:${t.vcpu}` : '') + (t.kthread ? '!' : '')).join(','),
    s: Array.from({ length: sc.cpus }, (_, c) => sc.start[String(c)] ?? '').join(','),
    e: encodeEvents(sc),
  };
  if (sc.description !== undefined) out.d = sc.description;
  if (sc.variant !== undefined) out.sv = sc.variant;
  const notes: Record<string, string> = {};
  sc.events.forEach((ev, i) => {
    if (ev.note !== undefined) notes[i] = ev.note;
  });
  if (Object.keys(notes).length) out.n = notes;
  return out;
}

/** Compressing a 10,000-event scenario takes a few ms: done once per scenario object. */
const payloads = new WeakMap<Scenario, string>();

export function scenarioPayload(sc: Scenario): string {
  let p = payloads.get(sc);
  if (p === undefined) {
    p = LZString.compressToEncodedURIComponent(JSON.stringify(toCompact(sc)));
    payloads.set(sc, p);
  }
  return p;
}

/** The fragment (without `#`) for a screen. */
export function encodeShare(screen: SharedScreen): string {
  let out = `v${SHARE_VERSION}&step=${screen.step}&variant=${encodeURIComponent(screen.variant)}`;
  out += `&view=${encodeURIComponent(screen.view)}`;
  if (screen.cpu) out += `&cpu=${screen.cpu}`;
  if (screen.embed) out += '&embed=1';
  if (screen.compare?.length) out += `&cmp=${screen.compare.map(encodeURIComponent).join(',')}`;
  for (const [k, v] of Object.entries(screen.params ?? {}))
    if (!OWN_FIELDS.has(k)) out += `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
  return `${out}&data=${scenarioPayload(screen.scenario)}`;
}

class LinkError extends Error {}
const fail = (message: string): never => {
  throw new LinkError(message);
};

function str(v: unknown, what: string): string {
  return typeof v === 'string' ? v : fail(`${what} is missing or not text`);
}

function int(v: unknown, what: string): number {
  return typeof v === 'number' && Number.isInteger(v) ? v : fail(`${what} is missing or not a whole number`);
}

function decodeEvents(text: string, taskIds: string[]): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  let i = 0;
  while (i < text.length) {
    const at = events.length;
    const op = V1_OPS[text.charCodeAt(i) - 97];
    if (op === undefined) fail(`event ${at} has an unknown op code "${text[i]}"`);
    const cpu = DIGITS.indexOf(text[i + 1] ?? '');
    if (cpu < 0 || cpu >= 10) fail(`event ${at} has no CPU`);
    i += 2;
    const ev = { cpu, op } as ScenarioEvent;
    if (op === 'schedule') {
      const t = DIGITS.indexOf(text[i] ?? '');
      if (t < 0 || t >= taskIds.length) fail(`event ${at} (schedule) names no task`);
      ev.task = taskIds[t];
      i++;
    }
    events.push(ev);
  }
  return events;
}

/** Builds the scenario object from v1 data; validation is left to the engine. */
function fromCompact(c: Record<string, unknown>): Record<string, unknown> {
  const cpus = int(c.c, 'the CPU count');
  const tasks = str(c.k, 'the task list')
    .split(',')
    .map((spec) => {
      const kthread = spec.endsWith('!');
      const [id, vcpu] = (kthread ? spec.slice(0, -1) : spec).split(':');
      return { id, ...(vcpu !== undefined ? { vcpu } : {}), ...(kthread ? { kthread: true } : {}) };
    });
  const start: Record<string, string> = {};
  str(c.s, 'the start tasks')
    .split(',')
    .forEach((id, cpu) => {
      if (id) start[String(cpu)] = id;
    });
  const events = decodeEvents(
    str(c.e, 'the event list'),
    tasks.map((t) => t.id),
  );
  if (c.n !== undefined) {
    if (typeof c.n !== 'object' || c.n === null) fail('the notes are not a list');
    for (const [k, note] of Object.entries(c.n as Record<string, unknown>)) {
      const ev = events[Number(k)];
      if (!ev) fail(`a note is attached to event ${k}, which does not exist`);
      ev.note = str(note, `the note of event ${k}`);
    }
  }
  return {
    format: 'fpsimd-scenario/1',
    title: c.t,
    ...(c.d !== undefined ? { description: c.d } : {}),
    ...(c.sv !== undefined ? { variant: c.sv } : {}),
    cpus,
    tasks,
    start,
    events,
  };
}

function whole(params: LinkParams, key: string, what: string): number {
  const v = params[key];
  if (v === undefined) return 0;
  return /^\d{1,7}$/.test(v) ? Number(v) : fail(`${what} "${v}" is not a whole number`);
}

/**
 * Migrations from link version n to n+1, applied in order to the decoded JSON. There is only v1 so far;
 * a v2 format adds `1: (v1) => v2` here and keeps every old link opening.
 */
export const MIGRATIONS: Record<
  number,
  (old: { params: LinkParams; data: Record<string, unknown> }) => {
    params: LinkParams;
    data: Record<string, unknown>;
  }
> = {};

/** Splits `v1&a=b&data=...` into its version and fields. The payload is not URI-decoded (it needs none). */
function splitFragment(text: string): { version: number; params: LinkParams } | null {
  const parts = text.split('&');
  const m = /^v(\d+)$/.exec(parts[0]);
  if (!m) return null;
  const params: LinkParams = {};
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    const raw = part.slice(eq + 1);
    try {
      params[key] = key === 'data' ? raw : decodeURIComponent(raw);
    } catch {
      params[key] = raw;
    }
  }
  return { version: Number(m[1]), params };
}

/** Reads a fragment (with or without `#`). Never throws: a bad link gives a message saying what is wrong. */
export function decodeShare(fragment: string): DecodeResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const parsed = splitFragment(text);
  if (!parsed)
    return { ok: false, message: 'The address does not hold a fpsimd-viz link (it should start with #v1&).' };
  const { version } = parsed;
  if (version > SHARE_VERSION)
    return {
      ok: false,
      message: `The link was made by a newer version of fpsimd-viz (link format v${version}; this version reads up to v${SHARE_VERSION}).`,
    };
  if (version < 1) return { ok: false, message: `The link format v${version} does not exist.` };
  const payload = parsed.params.data;
  if (!payload) return { ok: false, message: 'The link is incomplete: it has no scenario data.' };
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json)
    return { ok: false, message: 'The link is damaged or incomplete: its data could not be unpacked.' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {
      ok: false,
      message: 'The link is damaged or incomplete (it may have been cut short when copied).',
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'The link is damaged: its data is not a fpsimd-viz scenario.' };
  try {
    let link = { params: parsed.params, data: value as Record<string, unknown> };
    for (let v = version; v < SHARE_VERSION; v++) link = MIGRATIONS[v](link);
    const res = validateScenario(fromCompact(link.data));
    if (!res.ok)
      return { ok: false, message: `The link's scenario is not valid:\n${formatErrors(res.errors)}` };
    const p = link.params;
    const extra = Object.entries(p).filter(([k]) => !OWN_FIELDS.has(k));
    return {
      ok: true,
      screen: {
        scenario: res.scenario,
        variant: p.variant ?? '',
        step: whole(p, 'step', 'the step'),
        view: p.view ?? '',
        embed: p.embed === '1',
        cpu: whole(p, 'cpu', 'the CPU'),
        ...(p.cmp !== undefined ? { compare: p.cmp.split(',') } : {}),
        ...(extra.length ? { params: Object.fromEntries(extra) } : {}),
      },
    };
  } catch (e) {
    if (e instanceof LinkError) return { ok: false, message: `The link is damaged: ${e.message}.` };
    return { ok: false, message: 'The link is damaged: its data could not be read.' };
  }
}
