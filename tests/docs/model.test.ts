// docs/model.md cannot drift: every engine symbol it names exists, and every kernel function the
// engine models (any era, including era renames) has a row.
// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERAS } from '../../src/engine';
import { newTaskState } from '../../src/engine/state';

const root = new URL('../../', import.meta.url).pathname;
const engine = join(root, 'src/engine');
const doc = readFileSync(join(root, 'docs/model.md'), 'utf8');

function tableRows(heading: string): string[][] {
  const section = doc.split(`## ${heading}\n`)[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| kernel name'))
    .map((l) =>
      l
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.trim()),
    );
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

/** Names the engine gives to modelled kernel functions in traces: enter(k, 'name', ...) and renames. */
function modelledNames(): Set<string> {
  const names = new Set<string>();
  for (const f of files(engine))
    for (const m of readFileSync(f, 'utf8').matchAll(/enter\(k, '([A-Za-z_0-9]+)'/g)) names.add(m[1]);
  for (const era of ERAS) for (const n of Object.values(era.renamed ?? {})) names.add(n);
  return names;
}

describe('docs/model.md', () => {
  const rows = [...tableRows('State'), ...tableRows('Kernel functions')];
  const eraIds = new Set(ERAS.map((e) => e.id));

  it('has rows', () => expect(rows.length).toBeGreaterThan(40));

  it.each(rows.map((r) => [r[0], r]))('%s names an engine symbol that exists and known eras', (_name, r) => {
    const [file, symbol] = (r[3] as string).split(': ');
    const text = readFileSync(join(engine, file), 'utf8');
    expect(text, `${file} should contain ${symbol}`).toMatch(
      new RegExp(`\\b${symbol.replace(/\\/g, '')}\\b`),
    );
    for (const era of (r[2] as string).split(', ')) expect(eraIds.has(era), `era ${era}`).toBe(true);
  });

  it('has a State row for every per-task field', () => {
    const symbols = tableRows('State').map((r) => r[3]);
    for (const field of Object.keys(newTaskState())) expect(symbols).toContain(`state.ts: ${field}`);
  });

  it('has a row for every modelled kernel function of every era', () => {
    const documented = tableRows('Kernel functions')
      .map((r) => r[0])
      .join(' ');
    const missing = [...modelledNames()].filter((n) => !documented.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });
});
