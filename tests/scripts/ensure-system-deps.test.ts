// The decision of scripts/ensure-system-deps.mjs (what `npm test` installs first), on fake machines:
// no apt-get is ever run here.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHROMIUM,
  planSystemDeps,
  SYSTEM_DEPS,
  type Probe,
} from '../../scripts/ensure-system-deps.mjs';

const PACKAGES = SYSTEM_DEPS.map((d) => d.pkg);

/** A machine with the given commands on PATH (chromium counts as the file at Debian's place). */
function machine(have: readonly string[], opts: { uid?: number; env?: Probe['env'] } = {}): Probe {
  const env = opts.env ?? {};
  return {
    env,
    uid: opts.uid ?? 0,
    exists: (file) => (file === DEFAULT_CHROMIUM ? have.includes('chromium') : have.includes(file)),
    onPath: (cmd) => have.includes(cmd),
  };
}

describe('planSystemDeps', () => {
  it('does nothing when every package is present', () => {
    expect(planSystemDeps(machine([...PACKAGES, 'apt-get']))).toEqual({ action: 'none' });
  });

  it('installs only what is missing, as root with apt-get update first', () => {
    for (const pkg of PACKAGES) {
      const plan = planSystemDeps(machine([...PACKAGES.filter((p) => p !== pkg), 'apt-get']));
      expect(plan).toMatchObject({
        action: 'install',
        packages: [pkg],
        commands: [
          ['apt-get', 'update', '-qq'],
          ['apt-get', 'install', '-y', '-qq', pkg],
        ],
      });
    }
  });

  it('installs chromium and spin together on a machine with nothing but node', () => {
    const plan = planSystemDeps(machine(['apt-get']));
    expect(plan.action === 'install' && plan.packages).toEqual(PACKAGES);
    expect(PACKAGES).toEqual(expect.arrayContaining(['chromium', 'spin']));
  });

  it('goes through sudo when not root', () => {
    const plan = planSystemDeps(machine(['apt-get', 'sudo', 'gcc', 'chromium'], { uid: 1000 }));
    expect(plan).toMatchObject({
      action: 'install',
      packages: ['spin'],
      commands: [
        ['sudo', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
        ['sudo', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', 'spin'],
      ],
    });
  });

  it('says what to install when it cannot: no sudo, or no apt-get', () => {
    const noSudo = planSystemDeps(machine(['apt-get', 'gcc', 'spin'], { uid: 1000 }));
    expect(noSudo.action).toBe('error');
    expect(noSudo.action === 'error' && noSudo.message).toMatch(
      /not root and no sudo.*chromium \(the browser tests.*apt-get install -y chromium\b/,
    );
    const noApt = planSystemDeps(machine(['chromium', 'gcc']));
    expect(noApt.action === 'error' && noApt.message).toMatch(/no apt-get.*spin \(the cross-check/);
  });

  it('uses a Chromium given by CHROMIUM_PATH, and never installs over one that is missing', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome' };
    const others = ['gcc', 'spin', 'apt-get'];
    expect(planSystemDeps(machine([...others, '/opt/chrome/chrome'], { env }))).toEqual({ action: 'none' });
    const plan = planSystemDeps(machine(others, { env }));
    expect(plan.action === 'error' && plan.message).toMatch(/CHROMIUM_PATH is \/opt\/chrome\/chrome/);
  });
});
