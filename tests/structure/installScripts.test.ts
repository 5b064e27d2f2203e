// `npm ci` stays quiet: every locked package with an install script has an `allowScripts` entry in
// package.json (npm 11.16+ warns about each one that has none), and none of them runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
const json = (f: string) => JSON.parse(readFileSync(path.join(ROOT, f), 'utf8'));

describe('install scripts', () => {
  it('each locked package with an install script is denied in allowScripts', () => {
    const lock = json('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
    const allow = (json('package.json') as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const withScript = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScript).toContain('esbuild');
    expect(withScript.filter((name) => allow[name] !== false)).toEqual([]);
  });
});
