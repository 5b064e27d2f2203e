import { describe, expect, it } from 'vitest';
import { blockEnd, markerSpan, parseSource } from '../../../src/state/code/engineSource';
import { read } from './helpers';

describe('engine source parser', () => {
  it('parses the hooks of an Era object and the functions assigned to them', () => {
    const p = parseSource(read('src/engine/eras/v4_17.ts'));
    expect(p.functions.get('__kvm_vcpu_run_exit')?.tags).toContain('guest_exit');
    expect(p.units.some((u) => u.name === 'v4_17.kvm_run_enter')).toBe(true);
  });
});

describe('engine source parser on a small text', () => {
  const src = {
    path: 'x.ts',
    text: [
      '/** kernel/a.c: doc. */',
      'export function a(k: K): void {',
      "  enter(k, 'a', FILE);",
      '  if (x) {',
      "    stmt(k, 'one');",
      '    y(k);',
      '    z(k);',
      '  }',
      "  stmt(k, 'two');",
      '  w(k);',
      '  leave(k);',
      '}',
    ].join('\n'),
  };

  it('finds a function with its doc comment', () => {
    const p = parseSource(src);
    const a = p.functions.get('a')!;
    expect([a.start, a.head, a.end]).toEqual([0, 1, 11]);
  });

  it('gives a marker opening a block the whole block and a bare marker its next statement', () => {
    const { lines } = parseSource(src);
    expect(markerSpan(lines, 4, 11)).toEqual({ start: 5, end: 6 });
    expect(markerSpan(lines, 8, 11)).toEqual({ start: 9, end: 9 });
    expect(blockEnd(lines, 2, 11)).toBe(10);
  });
});
