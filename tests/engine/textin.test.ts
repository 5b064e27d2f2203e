// Readers say what they met: UTF-16 and invalid UTF-8 named (decodeUtf8), a JSON key given twice found
// with its path and place (jsonDuplicateKey, parseScenario).
import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Offset, parseScenario } from '../../src/engine';
import { jsonDuplicateKey } from '../../src/engine/jsonpos';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
  it('decodes UTF-8, keeping a byte order mark for the scenario reader to drop', () => {
    expect(decodeUtf8(enc('{"t":"é€😀"}'))).toEqual({ ok: true, text: '{"t":"é€😀"}' });
    expect(decodeUtf8(enc('\ufeff{}'))).toEqual({ ok: true, text: '\ufeff{}' });
    expect(decodeUtf8(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it('names UTF-16 and UTF-32, with or without a byte order mark', () => {
    const le = new Uint8Array(Buffer.from('{"format": "x"}', 'utf16le'));
    const be = new Uint8Array(Buffer.from('{"format": "x"}', 'utf16le').swap16());
    const msg = (b: Uint8Array) => (decodeUtf8(b) as { message: string }).message;
    expect(msg(le)).toBe('UTF-16 text (little-endian); save it as UTF-8');
    expect(msg(be)).toBe('UTF-16 text (big-endian); save it as UTF-8');
    expect(msg(Uint8Array.from([0xff, 0xfe, ...le]))).toMatch(
      /^UTF-16 text \(little-endian, with a byte order mark\)/,
    );
    expect(msg(Uint8Array.from([0xfe, 0xff, ...be]))).toMatch(
      /^UTF-16 text \(big-endian, with a byte order mark\)/,
    );
    expect(msg(Uint8Array.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]))).toMatch(/^UTF-32 text/);
  });

  it('names invalid UTF-8 with the offset of its first bad byte', () => {
    const cases: [number[], number][] = [
      [[0x7b, 0xff, 0x7d], 1], // never in UTF-8
      [[0x41, 0xc3, 0x28], 1], // a lead byte without its continuation
      [[0x41, 0x42, 0xc0, 0xaf], 2], // overlong '/'
      [[0xed, 0xa0, 0x80], 0], // a surrogate
      [[0x41, 0xe2, 0x82], 1], // cut short at the end
      [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    ];
    for (const [bytes, at] of cases) {
      expect(invalidUtf8Offset(Uint8Array.from(bytes)), bytes.join(' ')).toBe(at);
      const r = decodeUtf8(Uint8Array.from(bytes));
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.message).toBe(
          `not UTF-8 text: byte 0x${bytes[at].toString(16)} at offset ${at} is not part of a UTF-8 character; save it as UTF-8`,
        );
    }
    expect(invalidUtf8Offset(enc('é€😀'))).toBe(-1);
  });
});

describe('keys given twice', () => {
  it('finds the first repeated key with its JSON path and both offsets, at any nesting', () => {
    expect(jsonDuplicateKey('{"a": 1, "b": {"c": [1, {"d": 1, "d": 2}]}}')).toEqual({
      path: ['b', 'c', 1, 'd'],
      offset: 33,
      firstOffset: 25,
    });
    // Equal after escapes are read: "\u0061" is "a".
    expect(jsonDuplicateKey('{"a": 1, "\\u0061": 2}')?.path).toEqual(['a']);
    // The same key in different objects, keys equal to values, quotes inside strings: no repeat.
    expect(jsonDuplicateKey('[{"a": "a"}, {"a": "\\"a\\""}, {"b": {"a": 1}, "a": 2}]')).toBeNull();
    // Past the short list of keys, and an object of 300,000 keys in linear time (no quadratic search).
    const many = (n: number, last: string) =>
      `{${Array.from({ length: n }, (_, k) => `"k${k}": 0`).join(', ')}, "${last}": 1}`;
    expect(jsonDuplicateKey(many(20, 'k3'))?.path).toEqual(['k3']);
    expect(jsonDuplicateKey(many(300_000, 'k299999'))?.path).toEqual(['k299999']);
    expect(jsonDuplicateKey(many(20, 'k20'))).toBeNull();
    const deep = `${'['.repeat(20_000)}{"x": 1, "x": 2}${']'.repeat(20_000)}`;
    expect(jsonDuplicateKey(deep)?.path.length).toBe(20_001);
  });

  it('parseScenario refuses one, naming the path and both lines', () => {
    const text =
      '{\n  "format": "fpsimd-scenario/1",\n  "title": "a",\n  "tasks": [{"id": "a", "id": "b"}]\n}';
    const r = parseScenario(text);
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          where: 'tasks[0].id',
          message:
            'key "id" given twice in one object, at line 4, column 25 and first at line 4, column 14: keep one of them',
        },
      ],
    });
  });
});
