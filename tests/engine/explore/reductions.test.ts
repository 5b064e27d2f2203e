// Exact reductions against the plain search, on machines small enough to exhaust both ways: the same
// (kind, context) violations with the same shortest lengths, and the same exhaustion verdict.
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../src/engine';
import { CLASSIC_OPS, EXPLORER_OPS, explore, type ExploreResult } from '../../../src/engine/explore';
import { findings, REFERENCE, reproduces, type Config } from './helpers';

/** Two idle CPUs and two idle user tasks: the initial state is fixed by all four renamings. */
const TWO_TASKS: Config = { cpus: 2, tasks: [{ id: 'alice' }, { id: 'bob' }], start: {} };
/** Two idle CPUs, a vcpu thread and a user task: the two CPUs can be swapped. */
const GUEST: Config = { cpus: 2, tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'alice' }], start: {} };

const verdict = (r: ExploreResult) => ({
  exhausted: r.exhausted,
  complete: r.complete,
  findings: findings(r),
});

describe('symmetry fixing the initial state (the default)', () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))('%s: same answer as the plain search', (_id, v) => {
    const plain = explore(TWO_TASKS, v, { depth: 100, ops: CLASSIC_OPS, symmetry: 'off' });
    const reduced = explore(TWO_TASKS, v, { depth: 100, ops: CLASSIC_OPS });
    expect(plain.exhausted).toBe(true);
    // v4.17/pre-674c242c9323 writes CPU number 0: only the task swap is a symmetry there.
    const pinned = v.historic?.pinsCpu0 === true;
    expect(reduced.symmetries).toBe(pinned ? 2 : 4);
    expect(reduced.states).toBeLessThan(plain.states / (pinned ? 1.5 : 3));
    expect(verdict(reduced)).toEqual(verdict(plain));
    for (const c of reduced.violations) expect(reproduces(TWO_TASKS, v, c)).toBe(true);
  });

  it.each(
    ['v4.18', 'v4.18/no-put-save', 'v4.18/no-neon-save', 'v4.18/no-ctxsync-clear-foreign'].map((id) => [id]),
  )('%s with a guest: same answer, half the states', (id) => {
    const v = VARIANTS.find((x) => x.id === id);
    if (!v) throw new Error(`missing ${id}`);
    const plain = explore(GUEST, v, { depth: 100, ops: CLASSIC_OPS, symmetry: false });
    const reduced = explore(GUEST, v, { depth: 100, ops: CLASSIC_OPS, symmetry: 'exact' });
    expect(plain.exhausted).toBe(true);
    expect(reduced.symmetries).toBe(2);
    expect(reduced.states).toBeLessThan(plain.states * 0.6);
    expect(verdict(reduced)).toEqual(verdict(plain));
  });

  // Every op: the spaces are too large to exhaust in a test (the preemptible sections of v6.8 and later), so the
  // comparison is to depth 8; TASK.kernel data and its CPU are renamed with their task.
  it.each(VARIANTS.map((v) => [v.id, v] as const))('%s, all ops: same answer to depth 8', (_id, v) => {
    const plain = explore(TWO_TASKS, v, { depth: 8, ops: EXPLORER_OPS, symmetry: 'off' });
    const reduced = explore(TWO_TASKS, v, { depth: 8, ops: EXPLORER_OPS });
    expect(plain.complete).toBe(true);
    // v4.17/pre-674c242c9323 writes CPU number 0: only the task swap is a symmetry there.
    const pinned = v.historic?.pinsCpu0 === true;
    expect(reduced.symmetries).toBe(pinned ? 2 : 4);
    expect(reduced.states).toBeLessThan(plain.states / (pinned ? 1.5 : 2));
    expect(verdict(reduced)).toEqual(verdict(plain));
    for (const c of reduced.violations) expect(reproduces(TWO_TASKS, v, c)).toBe(true);
  });

  it('finds nothing to rename when the initial state is not symmetric', () => {
    const r = explore({ cpus: 2, tasks: [{ id: 'a' }, { id: 'b' }], start: { '0': 'a' } }, VARIANTS[0], {
      depth: 3,
    });
    expect(r.symmetries).toBe(1);
  });
});

// Sleep sets keep every state: the state count itself must be equal, not only the verdict.
describe('sleep sets', () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))(
    '%s: same states, violations and lengths as without, fewer transitions',
    (_id, v) => {
      for (const [cfg, depth, ops] of [
        [GUEST, 100, CLASSIC_OPS],
        [TWO_TASKS, 7, EXPLORER_OPS],
      ] as const) {
        const plain = explore(cfg, v, { depth, ops, symmetry: 'off' });
        const slept = explore(cfg, v, { depth, ops, symmetry: 'off', sleep: true });
        expect(slept.states).toBe(plain.states);
        expect(verdict(slept)).toEqual(verdict(plain));
        expect(slept.transitions).toBeLessThan(plain.transitions);
        for (const c of slept.violations) expect(reproduces(cfg, v, c)).toBe(true);
        // With dead variables too (the CLI's --reduce dead,sleep): the states of dead variables alone.
        const dead = explore(cfg, v, { depth, ops, symmetry: 'off', dead: true });
        const both = explore(cfg, v, { depth, ops, symmetry: 'off', dead: true, sleep: true });
        expect(both.states).toBe(dead.states);
        expect(verdict(both)).toEqual(verdict(plain));
      }
    },
  );

  it.each(['v4.18', 'v4.18/no-put-save', 'v6.15/pre-e92bee9f861b'].map((id) => [id]))(
    '%s: with symmetry too (sleep sets renamed with their state)',
    (id) => {
      const v = VARIANTS.find((x) => x.id === id);
      if (!v) throw new Error(`missing ${id}`);
      for (const symmetry of ['exact', 'classes'] as const) {
        const a = explore(TWO_TASKS, v, { depth: 7, ops: EXPLORER_OPS, symmetry });
        const b = explore(TWO_TASKS, v, { depth: 7, ops: EXPLORER_OPS, symmetry, sleep: true });
        expect(a.symmetries).toBeGreaterThan(1);
        expect(b.states).toBe(a.states);
        expect(verdict(b)).toEqual(verdict(a));
        expect(b.transitions).toBeLessThan(a.transitions);
      }
    },
  );
});

// Dead variables: fewer states, the same answer; on the reference machine every space is exhausted
// both ways with the first eleven ops, and compared to depth 8 with every op.
describe('dead-variable reduction', () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))(
    '%s: same answer as the plain search',
    (_id, v) => {
      for (const [depth, ops] of [
        [100, CLASSIC_OPS],
        [8, EXPLORER_OPS],
      ] as const) {
        const plain = explore(REFERENCE, v, { depth, ops });
        const reduced = explore(REFERENCE, v, { depth, ops, dead: true });
        expect(reduced.states).toBeLessThan(plain.states * 0.7);
        expect(verdict(reduced)).toEqual(verdict(plain));
        if (ops === CLASSIC_OPS) expect(plain.exhausted).toBe(true);
        for (const c of reduced.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
      }
    },
    30_000,
  ); // no-flush-sets-foreign's space is 1.15 million states

  it('with every renaming too: the same verdict', () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18/no-put-flush');
    if (!v) throw new Error('missing v4.18/no-put-flush');
    const a = explore(GUEST, v, { depth: 100, ops: CLASSIC_OPS, symmetry: 'classes' });
    const b = explore(GUEST, v, { depth: 100, ops: CLASSIC_OPS, symmetry: 'classes', dead: true });
    expect(b.states).toBeLessThan(a.states);
    expect(verdict(b)).toEqual(verdict(a));
  });
});
