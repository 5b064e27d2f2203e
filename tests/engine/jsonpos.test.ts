// jsonErrorOffset agrees with JSON.parse on what is valid, and points at the first wrong character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/engine/jsonpos';

const valid = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it('points at the first wrong character, or the end for truncated text', () => {
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('[[[')).toBe(3);
    expect(jsonErrorOffset('{"a":tru}')).toBe(5);
    expect(jsonErrorOffset(' 12 x')).toBe(4);
    expect(jsonErrorOffset('{"a":[1,{"b":null}],"c":"x"}')).toBe(-1);
  });

  it('does not overflow the stack on deep nesting', () => {
    const n = 200_000;
    expect(jsonErrorOffset('['.repeat(n) + ']'.repeat(n))).toBe(-1);
    expect(jsonErrorOffset('{"a":'.repeat(n) + '1' + '}'.repeat(n - 1) + ']')).toBe(5 * n + n);
  });

  it('says valid exactly when JSON.parse does, on JSON and on JSON with one character changed', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', ':', '[', '{', 'x', '1', ' '))
      .map(([s, at, c]) => {
        const i = at % (s.length + 1);
        return s.slice(0, i) + c + s.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated), (s) => {
        expect(jsonErrorOffset(s) === -1).toBe(valid(s));
      }),
      { numRuns: 3000 },
    );
  });
});
