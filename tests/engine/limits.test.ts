// One set of limits: the importer counts a file's size in UTF-8 bytes, as the CLI reads it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, parseScenario, printScenario, utf8Bytes, type Scenario } from '../../src/engine';

describe('utf8Bytes', () => {
  it('is the length of the UTF-8 encoding, lone surrogates included', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (a) => {
        expect(utf8Bytes(a)).toBe(new TextEncoder().encode(a).length);
      }),
      { seed: 5, numRuns: 200 },
    );
    expect(utf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Bytes('\ud800')).toBe(3);
    expect(utf8Bytes('a\udc00b')).toBe(5);
  });
});

describe('the scenario file limit', () => {
  it('counts bytes: a file of fewer characters than the limit but more bytes is refused', () => {
    const sc: Scenario = {
      format: 'fpsimd-scenario/1',
      title: 'Cyrillic notes',
      cpus: 1,
      tasks: [{ id: 'a' }],
      start: { '0': 'a' },
      events: Array.from({ length: 1300 }, (_, i) => ({
        cpu: 0,
        op: i % 2 ? 'syscall' : 'ret_to_user',
        note: 'ж'.repeat(2000),
      })),
    };
    const text = printScenario(sc);
    expect(text.length).toBeLessThan(MAX_SCENARIO_BYTES);
    expect(utf8Bytes(text)).toBeGreaterThan(MAX_SCENARIO_BYTES);
    const res = parseScenario(text);
    expect(res).toEqual({
      ok: false,
      errors: [{ where: '', message: 'file is 5.3 MB; scenarios are limited to 5 MB' }],
    });
  });
});
