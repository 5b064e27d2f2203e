// Layout carries no meaning: an engine module reformatted (lines joined or split, braces moved) is
// described the same, line numbers aside.
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { describeEngine, type SourceText } from '../../../scripts/engineCode/describe';
import { engineSources } from '../../../scripts/engineCode/plugin';
import type { EngineCode, EngineFile } from '../../../src/state/codepane/engineCode';
import { ROOT_DIR } from './describeHelpers';

const SOURCES = engineSources(ROOT_DIR);
const DESCRIBED = new Set(describeEngine(SOURCES).files.map((f) => f.path));

/** The description without its line numbers and the text they point at. */
function shape(code: EngineCode) {
  return code.files.map((f) => ({
    path: f.path,
    era: f.era,
    imports: f.imports,
    numbers: f.numbers,
    units: f.units.map((u) => ({
      name: u.name,
      method: u.method,
      hooks: u.hooks,
      kernel: u.kernel,
      enters: u.enters.map((e) => ({ name: e.name, file: e.file, case: e.case, whole: e.whole })),
      stmts: u.stmts.map((s) => s.labels),
      ons: u.ons.map((o) => o.name),
      fixed: u.fixed.map((x) => ({ commit: x.commit, negated: x.negated, then: !!x.then, else: !!x.else })),
    })),
  }));
}

/** The code each marker labels, each enter spans and each fix test guards, spaces and commas aside. */
function spans(code: EngineCode) {
  const text = (f: EngineFile, from: number, to: number): string =>
    f.text
      .split('\n')
      .slice(from - 1, to)
      .join('')
      .replace(/\/\/.*$/gm, '')
      .replace(/[\s,]/g, '');
  return code.files.map((f) =>
    f.units.map((u) => ({
      // A marker that is a branch of its own (`if (c) stmt(k, 'elide');`) labels itself.
      stmts: u.stmts.map((s) => (s.start === s.line ? 'itself' : text(f, s.start, s.end))),
      enters: u.enters.map((e) => text(f, e.line, e.end)),
      fixed: u.fixed.map((x) => [x.then && text(f, ...x.then), x.else && text(f, ...x.else)]),
    })),
  );
}

/** The described files reformatted (the others only lend their constants). */
const reformat = async (printWidth: number): Promise<SourceText[]> =>
  Promise.all(
    SOURCES.map(async (s) =>
      DESCRIBED.has(s.path)
        ? {
            path: s.path,
            text: await format(s.text, { parser: 'typescript', singleQuote: true, printWidth }),
          }
        : s,
    ),
  );

/** Every `{` ending a line moved to a line of its own, and every marker joined to the line below it. */
const bracesAndJoins = (s: SourceText): SourceText => ({
  path: s.path,
  text: s.text
    .replace(/^( *)(.*\S) \{$/gm, '$1$2\n$1{')
    .replace(/^( *)\} else$/gm, '$1}\n$1else')
    .replace(/(stmt\(k, [^;\n]*\);)\n\s*/g, '$1 '),
});

describe('the engine code description and the layout of the source', () => {
  const original = describeEngine(SOURCES);

  it.each([40, 70, 200])(
    'is the same after prettier at printWidth %i',
    async (width) => {
      const code = describeEngine(await reformat(width));
      expect(code.files.map((f) => f.text)).not.toEqual(original.files.map((f) => f.text));
      expect(shape(code)).toEqual(shape(original));
      expect(spans(code)).toEqual(spans(original));
      // Prettier over every engine module is slow on a loaded machine.
    },
    60_000,
  );

  it('is the same with braces on their own lines and markers joined to their statements', () => {
    const moved = SOURCES.map((s) => (DESCRIBED.has(s.path) ? bracesAndJoins(s) : s));
    expect(moved.map((s) => s.text.split('\n').length)).not.toEqual(
      SOURCES.map((s) => s.text.split('\n').length),
    );
    expect(shape(describeEngine(moved))).toEqual(shape(original));
  });
});
