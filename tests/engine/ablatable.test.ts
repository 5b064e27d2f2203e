// Ablatable statement names are checked data: ABLATABLE_NAMES (era.ts) is exactly the union of the eras'
// lists, and every name stands in an `on(k, name)` site of the engine (the type already refuses a name
// that is not in the list).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERAS } from '../../src/engine';
import { ABLATABLE_NAMES } from '../../src/engine/era';

const ENGINE = path.join(import.meta.dirname, '../../src/engine');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : n.endsWith('.ts') ? [readFileSync(p, 'utf8')] : [];
  });

describe('ablatable names', () => {
  it('ABLATABLE_NAMES is the union of the eras’ ablatable lists, each once per era', () => {
    for (const e of ERAS) expect(new Set(e.ablatable.map((a) => a.name)).size).toBe(e.ablatable.length);
    const named = new Set(ERAS.flatMap((e) => e.ablatable.map((a) => a.name)));
    expect([...named].sort()).toEqual([...ABLATABLE_NAMES].sort());
  });

  it('every name has an on(k, name) site in the engine', () => {
    const text = sources(ENGINE).join('\n');
    const sites = new Set([...text.matchAll(/\bon\(k, '([^']+)'\)/g)].map((m) => m[1]));
    expect([...ABLATABLE_NAMES].filter((n) => !sites.has(n))).toEqual([]);
  });
});
