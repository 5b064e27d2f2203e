// The era twins' diff is checked in (tests/engine/eras/golden/): a change to one twin changes the
// patch, so it shows up in the other's review (scripts/eraTwins.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGENERATE, sharedFunctions, TWINS, twinPatch, unifiedDiff } from '../../../scripts/eraTwins';

const ROOT = path.resolve(__dirname, '../../..');

describe('the era twins', () => {
  for (const t of TWINS) {
    it(`${path.basename(t.a)} and ${path.basename(t.b)} differ as ${path.basename(t.golden)} says`, () => {
      const golden = readFileSync(path.join(ROOT, t.golden), 'utf8');
      expect(
        twinPatch(ROOT, t) === golden,
        `${t.a} and ${t.b} no longer differ as ${t.golden} says: a change to one twin shows up in the other's review: update the golden patch with ${REGENERATE} and check its diff`,
      ).toBe(true);
    });
  }

  it("compares only the functions both modules define, each with its doc comment, in the first one's order", () => {
    const a = [
      'import x from "x";',
      '',
      '/** A. */',
      'function f() {',
      '  one();',
      '}',
      '',
      'function g() {}',
      '',
    ];
    const b = ['function g() {}', '', 'function h() {}', '', '// F.', 'function f() {', '  two();', '}', ''];
    expect(sharedFunctions('a.ts', a.join('\n'), 'b.ts', b.join('\n'))).toEqual([
      '/** A. */\nfunction f() {\n  one();\n}\n\nfunction g() {}\n',
      '// F.\nfunction f() {\n  two();\n}\n\nfunction g() {}\n',
    ]);
  });

  it('writes a unified diff with three lines of context', () => {
    const lines = Array.from({ length: 15 }, (_, i) => String(i + 1));
    const a = lines.join('\n');
    const b = [...lines.slice(0, 4), 'five', ...lines.slice(5), '16'].join('\n');
    // As `diff -u` writes it (the texts here end without a newline, and both alike).
    expect(unifiedDiff('a', a, 'b', b)).toBe(
      [
        '--- a',
        '+++ b',
        '@@ -2,7 +2,7 @@',
        ...[' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8'],
        '@@ -13,3 +13,4 @@',
        ...[' 13', ' 14', ' 15', '+16'],
        '',
      ].join('\n'),
    );
  });
});
