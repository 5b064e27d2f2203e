// The guided tours: every step of every tour has a note written for the variant it plays under, and
// the tour replays legally there; the historic tour shows its bug, the signal tour runs clean.
import { describe, expect, it } from 'vitest';
import { createMachine, findVariant, replay } from '../../src/engine';
import { TOURS } from '../../src/scenarios/tours';
import { tourScenario } from '../../src/state/viewmodels/tourModel';
import { notesVariantOf } from '../../src/state/viewmodels/noteVariant';

const played = TOURS.map((t) => {
  const sc = tourScenario(t);
  if (!sc) throw new Error(`tour ${t.scenarioId}: no example`);
  const variant = findVariant(sc.variant ?? '');
  if (!variant) throw new Error(`tour ${t.scenarioId}: no variant ${sc.variant}`);
  return { t, sc, run: replay(createMachine(sc, variant), sc.events) };
});

describe('guided tours', () => {
  it.each(played.map((p) => [p.t.scenarioId, p] as const))(
    '%s: a note on every step, for the variant it plays, and a legal replay',
    (_id, { sc, run }) => {
      expect(sc.events.length).toBeGreaterThan(0);
      for (const e of sc.events) expect(e.note?.trim().length ?? 0).toBeGreaterThan(10);
      expect(notesVariantOf(sc)).toBe(sc.variant);
      expect(run.illegal).toBeNull();
      expect(run.length).toBe(sc.events.length);
    },
  );

  it('walks through v6.15/pre-e92bee9f861b to its stale read on the last step', () => {
    const p = played.find((x) => x.sc.variant === 'v6.15/pre-e92bee9f861b');
    expect(p).toBeDefined();
    const v = p!.run.violations;
    expect(v.map((x) => x.kind)).toEqual(['stale-read']);
    expect(v[0].step).toBe(p!.sc.events.length - 1);
  });

  it('walks through a signal delivery and its return, clean', () => {
    const p = played.find((x) => x.sc.events.some((e) => e.op === 'signal'));
    expect(p).toBeDefined();
    const ops = p!.sc.events.map((e) => e.op);
    const signal = ops.indexOf('signal');
    expect(ops[signal + 1]).toBe('ret_to_user'); // the handler runs in user space
    expect(ops.indexOf('sigreturn')).toBeGreaterThan(signal + 1);
    expect(['v4.18', 'v6.15', 'v6.16']).toContain(p!.sc.variant);
    expect(p!.run.violations).toEqual([]);
  });
});

describe('the tour “SVE in one page”', () => {
  const p = played.find((x) => x.t.scenarioId === 'sve-in-one-page')!;

  it('plays on an SVE machine under v6.13: SVE used, a syscall, KVM_RUN, and the upper bits lost last', () => {
    expect(p.sc.sve).toBe(true);
    expect(p.sc.variant).toBe('v6.13');
    const ops = p.sc.events.map((e) => e.op);
    expect(ops).toContain('user_sve');
    expect(ops.indexOf('syscall')).toBeLessThan(ops.indexOf('vcpu_load'));
    // v6.13's fpsimd_kvm_prepare() cleared TIF_SVE and left EL0 SVE on: the last save kept V only.
    expect(p.run.violations.map((v) => [v.kind, v.step])).toEqual([['lost-update', p.sc.events.length - 1]]);
    expect(p.run.violations[0].message).toMatch(/upper bits are gone/);
  });

  it('runs clean under v6.15, which has the fix fbc7e61195e2', () => {
    const fixed = replay(createMachine(p.sc, findVariant('v6.15')!), p.sc.events);
    expect(fixed.illegal).toBeNull();
    expect(fixed.violations).toEqual([]);
  });
});
