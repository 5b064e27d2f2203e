// The scenario inside a link (formats v1 and v2): a compact JSON with short keys, events two or three
// characters each (op code, CPU digit, task index for `schedule` and `ptrace_setfp`). Reading is strict: anything a
// writer never produces is refused with a message saying where.
import { OP_TABLE } from '../../engine/ops';
import type { Op, Scenario, ScenarioEvent } from '../../engine/types';

/** The scenario inside a link. Short keys: the link is the whole document. */
export interface CompactV1 {
  /** title */
  t: string;
  /** description */
  d?: string;
  /** the scenario's own variant field */
  sv?: string;
  /** the variant its notes were written for (absent: the same as `sv`) */
  nv?: string;
  /** cpus */
  c: number;
  /** tasks: `id`, `id:vcpu`, `id:vcpu+` (an SVE vcpu) or `id!` (kernel thread), comma-separated */
  k: string;
  /** the scenario's `sve` field when it has one: 1 (an SVE machine) or 0; absent in older links */
  z?: 0 | 1;
  /** the scenario's `vhe` field when it has one: 1 (VHE) or 0 (nVHE) */
  h?: 0 | 1;
  /** start task per CPU, comma-separated, empty = idle */
  s: string;
  /** events */
  e: string;
  /** notes by event index */
  n?: Record<string, string>;
}

/**
 * Op codes, frozen (tests/fixtures/links/op-codes.json and the link fixtures): one letter per op, never
 * reused or moved. A new op takes the next free letter, appended here (until it has one, its op is a
 * compile error), so that old links keep their meaning whatever order the engine lists its ops in.
 */
export const LINK_CODES: Readonly<Record<Op, string>> = Object.freeze({
  schedule: 'a',
  ret_to_user: 'b',
  syscall: 'c',
  user_fp: 'd',
  kernel_neon: 'e',
  softirq_neon: 'f',
  vcpu_load: 'g',
  guest_enter: 'h',
  guest_fp: 'i',
  guest_exit: 'j',
  vcpu_put: 'k',
  // Appended with the section and lifecycle ops; codes never move, so older links decode unchanged.
  kernel_neon_begin: 'l',
  kernel_fp: 'm',
  kernel_neon_end: 'n',
  signal: 'o',
  sigreturn: 'p',
  exec: 'q',
  ptrace_setfp: 'r',
  idle: 's',
  cpu_suspend: 't',
  // Appended with SVE.
  user_sve: 'u',
  do_sve_acc: 'v',
  prctl_set_vl: 'w',
  ptrace_setsve: 'x',
  ptrace_getsve: 'y',
  guest_zcr: 'z',
} satisfies Record<Op, string>);
const OP_OF_CODE: ReadonlyMap<string, Op> = new Map(
  (Object.entries(LINK_CODES) as [Op, string][]).map(([op, code]) => [code, op]),
);
/** Task indices in `schedule` and `ptrace_setfp` events: scenarios have at most 32 tasks. */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Bad link data; the message says what and where. */
export class LinkError extends Error {}
export const fail = (message: string): never => {
  throw new LinkError(message);
};

function encodeEvents(sc: Scenario): string {
  const taskIndex = new Map(sc.tasks.map((t, i) => [t.id, i]));
  let out = '';
  for (const ev of sc.events) {
    out += LINK_CODES[ev.op] + String(ev.cpu);
    // Ops that name a task (the schedule target, the ptrace tracee) carry its index.
    if (OP_TABLE[ev.op].task) out += DIGITS[taskIndex.get(ev.task ?? '') ?? 0];
  }
  return out;
}

export function toCompact(sc: Scenario): CompactV1 {
  const out: CompactV1 = {
    t: sc.title,
    c: sc.cpus,
    k: sc.tasks
      .map((t) => t.id + (t.vcpu ? `:${t.vcpu}` : '') + (t.vcpuSve ? '+' : '') + (t.kthread ? '!' : ''))
      .join(','),
    s: Array.from({ length: sc.cpus }, (_, c) => sc.start[String(c)] ?? '').join(','),
    e: encodeEvents(sc),
  };
  if (sc.sve !== undefined) out.z = sc.sve ? 1 : 0;
  if (sc.vhe !== undefined) out.h = sc.vhe ? 1 : 0;
  if (sc.description !== undefined) out.d = sc.description;
  if (sc.variant !== undefined) out.sv = sc.variant;
  if (sc.notesVariant !== undefined) out.nv = sc.notesVariant;
  const notes: Record<string, string> = {};
  sc.events.forEach((ev, i) => {
    if (ev.note !== undefined) notes[i] = ev.note;
  });
  if (Object.keys(notes).length) out.n = notes;
  return out;
}

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
    const op = OP_OF_CODE.get(text[i]) ?? fail(`event ${at} has an unknown op code "${text[i]}"`);
    const cpu = i + 1 < text.length ? DIGITS.indexOf(text[i + 1]) : -1;
    if (cpu < 0 || cpu >= 10) fail(`event ${at} (${op}) has no CPU`);
    i += 2;
    const ev = { cpu, op } as ScenarioEvent;
    if (OP_TABLE[op].task) {
      const t = i < text.length ? DIGITS.indexOf(text[i]) : -1;
      if (t < 0 || t >= taskIds.length) fail(`event ${at} (${op}) names no task`);
      ev.task = taskIds[t];
      i++;
    }
    events.push(ev);
  }
  return events;
}

/** `id`, `id:vcpu`, `id:vcpu+` or `id!`: the ids themselves are checked by the engine (no `+` in ids). */
const TASK_SPEC = /^([^:!,+]+)(?::([^:!,+]+)(\+)?)?(!)?$/;

function decodeTasks(text: string): Record<string, unknown>[] {
  return text.split(',').map((spec, i) => {
    const m = TASK_SPEC.exec(spec);
    if (!m)
      fail(
        `task ${i} of the task list ("${spec.slice(0, 60)}") is not "id", "id:vcpu", "id:vcpu+" (an SVE vcpu) or "id!" (a kernel thread)`,
      );
    const [, id, vcpu, sve, kthread] = m as RegExpExecArray;
    return {
      id,
      ...(vcpu !== undefined ? { vcpu } : {}),
      ...(sve ? { vcpuSve: true } : {}),
      ...(kthread ? { kthread: true } : {}),
    };
  });
}

/** Builds the scenario object from the compact data; the scenario itself is validated by the engine. */
export function fromCompact(c: Record<string, unknown>): Record<string, unknown> {
  const cpus = int(c.c, 'the CPU count');
  if (c.z !== undefined && c.z !== 0 && c.z !== 1) fail('the SVE flag ("z") is not 0 or 1');
  if (c.h !== undefined && c.h !== 0 && c.h !== 1) fail('the VHE flag ("h") is not 0 or 1');
  const tasks = decodeTasks(str(c.k, 'the task list'));
  const start: Record<string, string> = {};
  str(c.s, 'the start tasks')
    .split(',')
    .forEach((id, cpu) => {
      if (id) start[String(cpu)] = id;
    });
  const events = decodeEvents(
    str(c.e, 'the event list'),
    tasks.map((t) => t.id as string),
  );
  if (c.n !== undefined) {
    if (typeof c.n !== 'object' || c.n === null || Array.isArray(c.n)) fail('the notes are not a list');
    for (const [k, note] of Object.entries(c.n as Record<string, unknown>)) {
      const ev = /^(0|[1-9][0-9]{0,6})$/.test(k) ? events[Number(k)] : undefined;
      if (!ev) fail(`a note is attached to event "${k.slice(0, 20)}", which does not exist`);
      (ev as ScenarioEvent).note = str(note, `the note of event ${k}`);
    }
  }
  return {
    format: 'fpsimd-scenario/1',
    title: c.t,
    ...(c.d !== undefined ? { description: c.d } : {}),
    ...(c.sv !== undefined ? { variant: c.sv } : {}),
    ...(c.nv !== undefined ? { notesVariant: c.nv } : {}),
    cpus,
    ...(c.z !== undefined ? { sve: c.z === 1 } : {}),
    ...(c.h !== undefined ? { vhe: c.h === 1 } : {}),
    tasks,
    start,
    events,
  };
}
