// `check` keeps its memory under the bound it states, measured from outside the engine: the built CLI
// on the largest machine a scenario may describe (8 CPUs, 32 tasks), whose transition cache used to
// grow without bound (about 3 KB a state), reports its peak resident set size under the bound.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIGGEST } from '../engine/explore/helpers';

const BIN = new URL('../../bin/fpsimd-viz.mjs', import.meta.url).pathname;

const BIG = { format: 'fpsimd-scenario/1', title: '8 CPUs, 32 tasks', ...BIGGEST, events: [] };

describe('check memory', () => {
  it(
    'stays under its stated bound on 8 CPUs with 32 tasks, and reports its resident size',
    { timeout: 120_000 },
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'fpsimd-mem-test-'));
      try {
        const file = path.join(dir, 'big.json');
        writeFileSync(file, JSON.stringify(BIG));
        const r = spawnSync(
          process.execPath,
          // One thread: the bound below is the one-thread search's (each worker thread adds its own).
          [BIN, 'check', file, '--depth', '100', '--max-states', '60000', '--json', '--workers', '1'],
          { encoding: 'utf8' },
        );
        expect(r.status).toBe(0);
        const j = JSON.parse(r.stdout) as {
          states: number;
          complete: boolean;
          memory: {
            source: string;
            bytes: number;
            peakBytes: number;
            startBytes: number;
            boundBytes: number;
          };
        };
        expect(j.states).toBe(60000);
        expect(j.complete).toBe(false);
        expect(j.memory.source).toBe('resident');
        expect(j.memory.startBytes).toBeGreaterThan(10e6);
        expect(j.memory.peakBytes).toBeGreaterThanOrEqual(j.memory.bytes);
        expect(j.memory.peakBytes).toBeLessThan(j.memory.boundBytes);
        // The stated bound: 128 MB for the runtime, the cache's 32 MB, fixed tables, and the states.
        expect(j.memory.boundBytes).toBeLessThan(200 * 1024 ** 2);
        expect(r.stderr).toMatch(/stopped at 60,000 states/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
