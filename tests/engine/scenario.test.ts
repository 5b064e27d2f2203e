// The scenario file: schema errors name the place; nothing crashes; print round-trips.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SCENARIO_BYTES, parseScenario, printScenario, validateScenario } from '../../src/engine';

const good = JSON.parse(
  readFileSync(new URL('../../src/scenarios/guest-first-fp.json', import.meta.url), 'utf8'),
);
const errorsOf = (value: unknown) => {
  const r = validateScenario(value);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => `${e.where}: ${e.message}`);
};

describe('parseScenario', () => {
  it('accepts the example and prints it back to an equal scenario', () => {
    const r = parseScenario(JSON.stringify(good));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = parseScenario(printScenario(r.scenario));
    expect(again).toEqual(r);
  });

  it('reports truncated JSON with its place', () => {
    const text = JSON.stringify(good, null, 2);
    const r = parseScenario(text.slice(0, 200));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/not valid JSON/);
    const r2 = parseScenario('{\n  "format": "fpsimd-scenario/1",\n  "title": x\n}');
    if (!r2.ok) expect(r2.errors[0].where).toMatch(/line 3/);
    else throw new Error('expected a syntax error');
  });

  it('names unknown ops, wrong types and unknown keys by JSON path', () => {
    expect(errorsOf({ ...good, events: [{ cpu: 0, op: 'reboot' }] })[0]).toMatch(
      /^events\[0\]\.op: must be one of schedule/,
    );
    expect(errorsOf({ ...good, cpus: '2' })[0]).toMatch(/^cpus: /);
    expect(errorsOf({ ...good, cpus: 9 })[0]).toMatch(/^cpus: must be 1 to 8/);
    expect(errorsOf({ ...good, tasks: [{ id: 'Qemu' }] })[0]).toMatch(
      /^tasks\[0\]\.id: must be a lowercase id/,
    );
    expect(errorsOf({ ...good, extra: 1 })[0]).toMatch(/extra/);
    expect(errorsOf({ ...good, format: 'fpsimd-scenario/9' })[0]).toMatch(
      /^format: must be "fpsimd-scenario\/1"/,
    );
    expect(errorsOf({ ...good, events: [{ cpu: 0, op: 'user_fp', note: 'x'.repeat(2001) }] })[0]).toMatch(
      /^events\[0\]\.note: must be at most 2,000/,
    );
  });

  it('checks the cross-field rules: unique ids, start, CPUs and schedule targets', () => {
    const two = { ...good, cpus: 2, tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'vcpu0' }] };
    expect(errorsOf(two)[0]).toMatch(/^tasks\[1\]\.id: "vcpu0" is already used at tasks\[0\]\.vcpu/);
    expect(errorsOf({ ...good, cpus: 2, start: { '0': 'qemu', '1': 'qemu' } })[0]).toMatch(
      /^start\.1: qemu is already current on CPU 0/,
    );
    expect(errorsOf({ ...good, start: { '3': 'qemu' } })[0]).toMatch(/^start\.3: "3" is not a CPU/);
    expect(errorsOf({ ...good, start: { '0': 'ghost' } })[0]).toMatch(/^start\.0: no task "ghost"/);
    expect(errorsOf({ ...good, events: [{ cpu: 1, op: 'syscall' }] })[0]).toMatch(
      /^events\[0\]\.cpu: CPU 1 does not exist/,
    );
    expect(errorsOf({ ...good, events: [{ cpu: 0, op: 'schedule', task: 'nobody' }] })[0]).toMatch(
      /^events\[0\]\.task: no task "nobody"/,
    );
    expect(errorsOf({ ...good, tasks: [{ id: 'k', kthread: true, vcpu: 'v' }] })[0]).toMatch(
      /kernel thread cannot run a vcpu/,
    );
  });

  it('refuses __proto__, constructor and any non-numeric key in start, by place', () => {
    // JSON.parse keeps "__proto__" as an ordinary key; the schema alone would drop it silently.
    const proto = parseScenario(JSON.stringify(good).replace('"start":{', '"start":{"__proto__":"qemu",'));
    expect(proto.ok).toBe(false);
    if (!proto.ok)
      expect(proto.errors.map((e) => `${e.where}: ${e.message}`)).toEqual([
        'start.__proto__: "__proto__" is not a CPU number: the keys of start are CPU numbers (0, 1, ...)',
      ]);
    expect(errorsOf({ ...good, start: { constructor: 'qemu' } })).toEqual([
      'start.constructor: "constructor" is not a CPU number: the keys of start are CPU numbers (0, 1, ...)',
    ]);
    for (const key of ['01', '-1', '1.0', ' 0', 'a b'])
      expect(errorsOf({ ...good, start: { [key]: 'qemu' } })[0]).toContain(
        `${JSON.stringify(key)} is not a CPU number`,
      );
    expect(errorsOf({ ...good, start: { 'a b': 'qemu' } })[0]).toMatch(/^start\["a b"\]: /);
  });

  it('gives one message per problem', () => {
    expect(errorsOf({ ...good, events: [{ cpu: 1e21, op: 'syscall' }] })).toEqual([
      'events[0].cpu: must be a CPU number, 0 to 7',
    ]);
    expect(errorsOf({ ...good, cpus: 1e21 })).toEqual(['cpus: must be 1 to 8']);
    expect(errorsOf({ ...good, cpus: 2.5 })).toEqual(['cpus: must be an integer']);
    expect(errorsOf({ ...good, events: [{ cpu: -1, op: 'syscall' }] })).toEqual([
      'events[0].cpu: must be a CPU number, 0 to 7',
    ]);
  });

  it('keeps the line and column of a syntax error in JSON nested 20,000 deep', () => {
    const deep = '{"format":\n' + '['.repeat(20_000) + ']'.repeat(19_999) + 'x';
    const r = parseScenario(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].where).toBe('line 2, column 40000');
  });

  it('accepts a UTF-8 byte order mark, and names an invisible character it cannot accept', () => {
    const text = JSON.stringify(good);
    expect(parseScenario('\uFEFF' + text)).toEqual(parseScenario(text));
    const r = parseScenario(text.replace('"title"', '\u200B"title"'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].message).toMatch(/found U\+200B, an invisible character/);
      expect(r.errors[0].message).not.toMatch(/\u200B/);
    }
  });

  it('refuses files over the size limit before parsing', () => {
    const r = parseScenario(' '.repeat(MAX_SCENARIO_BYTES + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/limited to 5 MB/);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ ...good, events: [v] })),
        ),
        (text) => {
          const r = parseScenario(text);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof validateScenario(v).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  }, 30_000); // 4,000 runs: past vitest's 5 s at load 20 on 2 cores, on main as here
});
