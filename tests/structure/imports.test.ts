// The import graph of src/ has no circle across folders: files that import each other, directly or
// round a loop, live in one folder (a circle inside a folder is that folder's business).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { circles, importGraph } from './importGraph';

const SRC = path.join(import.meta.dirname, '../../src');

describe('import graph of src/', () => {
  it('finds a circle (the checker itself)', () => {
    const g = new Map([
      ['/a/x.ts', ['/b/y.ts']],
      ['/b/y.ts', ['/a/x.ts']],
      ['/a/z.ts', ['/a/x.ts']],
    ]);
    expect(circles(g)).toEqual([['/a/x.ts', '/b/y.ts']]);
  });

  it('reads relative imports, re-exports and type imports of src/', () => {
    const g = importGraph(SRC);
    const from = (f: string) => (g.get(path.join(SRC, f)) ?? []).map((t) => path.relative(SRC, t));
    expect(from('App.tsx')).toContain('components/views.tsx');
    expect(from('engine/kctx.ts')).toContain('engine/era.ts');
  });

  it('has no circle spanning two folders', () => {
    const across = circles(importGraph(SRC))
      .filter((c) => new Set(c.map((f) => path.dirname(f))).size > 1)
      .map((c) => c.map((f) => path.relative(SRC, f)).join(' <-> '));
    expect(across).toEqual([]);
  });

  it('imports the view registry (components/views.tsx) from App only: the views never import it back', () => {
    const g = importGraph(SRC);
    const registry = path.join(SRC, 'components/views.tsx');
    const importers = [...g].filter(([, to]) => to.includes(registry)).map(([f]) => path.relative(SRC, f));
    expect(importers).toEqual(['App.tsx']);
  });
});
