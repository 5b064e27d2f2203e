// README.md and docs/*.md cannot name what is not there: every repository path they name exists (a glob
// or an `ERA/pre-COMMIT12`-style placeholder matches at least one file), every variant id they name is
// one the engine's own lookup accepts, and the README names every era. A rename in the code then fails
// here until the docs follow.
// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERAS, findVariant } from '../../src/engine';

const root = new URL('../../', import.meta.url).pathname;

const DOCS = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Top-level folders whose paths the docs name; build outputs (dist/, dist-cli/) are not in the tree. */
const TOP = ['src', 'docs', 'tests', 'e2e', 'bench', 'scripts', 'bin'];
const SKIP = new Set(['node_modules', '.git']);

/** Every file and folder under the top-level folders, relative to the root, with `/` separators. */
function tree(): Set<string> {
  const out = new Set<string>();
  const walk = (rel: string): void => {
    out.add(rel);
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      if (SKIP.has(e.name)) continue;
      if (e.isDirectory()) walk(`${rel}/${e.name}`);
      else out.add(`${rel}/${e.name}`);
    }
  };
  for (const top of TOP) walk(top);
  return out;
}

/** A repository path as docs write it: `src/engine/gallery.ts`, `src/engine/`, `src/scenarios/ablation-no-*.json`. */
const PATH = new RegExp(`(?<![\\w./@-])((?:${TOP.join('|')})/[\\w.*/-]*[\\w*/])`, 'g');
/** Placeholders in paths: `history-COMMIT12.json`, `bench/groups/NAME.ts`. */
const PLACEHOLDER = /[A-Z][A-Z0-9_]+/g;

function globRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

/** The named paths of `text` that match nothing in `files`. */
function missingPaths(text: string, files: ReadonlySet<string>): string[] {
  const missing = new Set<string>();
  for (const m of text.matchAll(PATH)) {
    const path = m[1].replace(/\/+$/, '');
    if (files.has(path)) continue;
    const glob = path.replace(PLACEHOLDER, '*');
    if (!glob.includes('*')) {
      missing.add(path);
      continue;
    }
    const re = globRegExp(glob);
    if (![...files].some((f) => re.test(f))) missing.add(path);
  }
  return [...missing];
}

/** A variant id as docs write it: `ERA/no-STATEMENT` or `ERA/pre-COMMIT12`, anywhere in the text. */
const SLASH_ID = /(?<![\w.-])((?:v\d+\.\d+|mainline)\/(?:no-[a-z0-9-]+|pre-[0-9a-f]{12}))(?![\w-])/g;
/** An era id in code: `v4.18`, `mainline`. */
const BARE_ID = /`(v\d+\.\d+|mainline)`/g;
/** `--variant ID` on a command line, `"variant": "ID"` in JSON. */
const OPTION_ID = /(?:--variant[ =]|"(?:variant|notesVariant)":\s*")([\w./-]+)/g;

/** The variant ids `text` names that the engine does not know; placeholders (all capitals) are skipped. */
function unknownVariants(text: string, known: (id: string) => boolean): string[] {
  const ids = new Set<string>();
  for (const re of [SLASH_ID, BARE_ID, OPTION_ID]) for (const m of text.matchAll(re)) ids.add(m[1]);
  return [...ids].filter((id) => !/^[A-Z_]+$/.test(id) && !known(id));
}

const files = tree();
const known = (id: string): boolean => findVariant(id) !== undefined;

describe('README.md and docs/*.md', () => {
  it('are found, and name paths and variant ids this test reads', () => {
    expect(DOCS).toContain('README.md');
    expect(DOCS).toContain('docs/formats.md');
    const all = DOCS.map((d) => readFileSync(join(root, d), 'utf8')).join('\n');
    expect([...all.matchAll(PATH)].length).toBeGreaterThan(50);
    expect([...all.matchAll(SLASH_ID)].length).toBeGreaterThan(10);
  });

  it.each(DOCS)('%s names only repository paths that exist', (doc) => {
    expect(missingPaths(readFileSync(join(root, doc), 'utf8'), files)).toEqual([]);
  });

  it.each(DOCS)('%s names only variant ids the engine knows', (doc) => {
    expect(unknownVariants(readFileSync(join(root, doc), 'utf8'), known)).toEqual([]);
  });

  it('README.md names every era the engine has', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const missing = ERAS.map((e) => e.id).filter(
      (id) => !new RegExp(`(?<![\\w.])${id.replace(/\./g, '\\.')}(?![\\w.])`).test(readme),
    );
    expect(missing).toEqual([]);
  });

  it('catches a missing path, a glob that matches nothing and an unknown variant', () => {
    const text = [
      'See `src/engine/no-such-file.ts`, `src/scenarios/ablation-no-*.json`,',
      '`src/scenarios/nothing-*.json` and `src/scenarios/history-COMMIT12.json`.',
      'Run `--variant v4.18/no-such-statement` or `v9.99`; `ERA/pre-COMMIT12` is a placeholder.',
    ].join('\n');
    expect(missingPaths(text, files)).toEqual(['src/engine/no-such-file.ts', 'src/scenarios/nothing-*.json']);
    expect(unknownVariants(text, known)).toEqual(['v4.18/no-such-statement', 'v9.99']);
  });
});
