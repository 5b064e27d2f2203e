// `fpsimd-viz check --unlike BASE`: the differential search from the command line (its exactness is
// tested in tests/engine/explore/differential.test.ts). Small searches only.
import { describe, expect, it } from 'vitest';
import { REFERENCE_SCENARIO, runCli } from './helpers';

const files = { 'ref.json': REFERENCE_SCENARIO };

describe('fpsimd-viz check --unlike', () => {
  it('reports only what the base does not, and says what it compared with', async () => {
    const r = await runCli(
      [
        'check',
        'ref.json',
        '--variant',
        'v4.18/no-load-fp-host',
        '--unlike',
        'v4.18',
        '--first',
        '--depth',
        '8',
      ],
      files,
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('compared with v4.18 (--unlike)');
    expect(r.out).toContain('lost-update qemu after 5 events');
    expect(r.out).toContain('reductions: dead variables');
  });

  it('finds nothing against itself (exit 0), and names the base in --json', async () => {
    const r = await runCli(
      ['check', 'ref.json', '--variant', 'v4.18', '--unlike', 'v4.18', '--depth', '6', '--json'],
      files,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.unlike).toBe('v4.18');
    expect(out.violations).toEqual([]);
  });

  it('refuses an unknown base and a renaming, naming the option', async () => {
    const bad = await runCli(['check', 'ref.json', '--unlike', 'v9.9', '--depth', '3'], files);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--unlike: unknown variant "v9.9"');
    const ren = await runCli(['check', 'ref.json', '--unlike', 'v4.18', '--reduce', 'dead,cpus'], files);
    expect(ren.code).toBe(2);
    expect(ren.err).toContain('--reduce cpus: --unlike takes dead variables only');
  });
});
