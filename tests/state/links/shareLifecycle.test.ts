// Links carry the section and lifecycle ops: their codes follow the first eleven, which never move.
import { describe, expect, it } from 'vitest';
import { OPS, type Scenario } from '../../../src/engine';
import { toCompact } from '../../../src/state/links/linkCompact';
import { decodeShare, encodeShare } from '../../../src/state/links/share';

const lifecycle: Scenario = {
  format: 'fpsimd-scenario/1',
  title: 'Every new op',
  cpus: 2,
  tasks: [{ id: 'app' }, { id: 'gdb' }],
  start: { '0': 'app', '1': 'gdb' },
  events: [
    { cpu: 0, op: 'kernel_neon_begin' },
    { cpu: 0, op: 'kernel_fp' },
    { cpu: 0, op: 'kernel_neon_end' },
    { cpu: 0, op: 'signal' },
    { cpu: 0, op: 'sigreturn' },
    { cpu: 0, op: 'exec' },
    { cpu: 0, op: 'idle' },
    { cpu: 1, op: 'ptrace_setfp', task: 'app' },
    { cpu: 0, op: 'cpu_suspend' },
  ],
};

describe('shared links with the section and lifecycle ops', () => {
  it('keep the first eleven codes a..k and append the nine new ones as l..t', () => {
    const sc: Scenario = {
      ...lifecycle,
      events: OPS.slice(0, 20).map((op) =>
        op === 'schedule' || op === 'ptrace_setfp' ? { cpu: 1, op, task: 'app' } : { cpu: 1, op },
      ),
    };
    // Op codes in OPS order; schedule and ptrace_setfp carry the task index (app = 0).
    expect(toCompact(sc).e).toBe('a10b1c1d1e1f1g1h1i1j1k1l1m1n1o1p1q1r10s1t1');
  });

  it('append the six SVE ops as u..z, the ptrace ones with their tracee', () => {
    const sc: Scenario = {
      ...lifecycle,
      sve: true,
      events: OPS.slice(20).map((op) =>
        op === 'ptrace_setsve' || op === 'ptrace_getsve' ? { cpu: 1, op, task: 'app' } : { cpu: 1, op },
      ),
    };
    expect(toCompact(sc).e).toBe('u1v1w1x10y10z1');
  });

  it('round-trip every new op, the tracee included', () => {
    const screen = {
      scenario: lifecycle,
      variant: 'mainline',
      step: 4,
      view: 'diagram' as const,
      embed: false,
      cpu: 0,
    };
    const res = decodeShare(`#${encodeShare(screen)}`);
    expect(res.ok && res.screen.scenario).toEqual(lifecycle);
  });
});
