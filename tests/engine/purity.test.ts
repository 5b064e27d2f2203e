// src/engine stays pure: no React, DOM, browser globals or imports from outside src/engine, so it runs
// unchanged in Node, the browser and a Web Worker.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../src/engine');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('src/engine purity', () => {
  const all = files(root);
  it('has source files', () => expect(all.length).toBeGreaterThan(10));
  it.each(all.map((f) => relative(root, f)))('%s imports only engine modules and zod', (name) => {
    const text = readFileSync(join(root, name), 'utf8');
    for (const m of text.matchAll(/from '([^']+)'/g)) {
      const spec = m[1];
      if (spec.startsWith('.'))
        expect(resolve(join(root, name, '..'), spec).startsWith(root), spec).toBe(true);
      else expect(['zod', 'zod/mini'], `${name} imports ${spec}`).toContain(spec);
    }
    expect(text).not.toMatch(/\b(window|document|localStorage|navigator)\./);
  });
});
