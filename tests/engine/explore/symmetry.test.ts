// Symmetry reduction: the same violation kinds, and per kind and class of interchangeable contexts the
// same shortest length, as the full search; fewer states; counterexamples still replay.
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../src/engine';
import { buildConfig } from '../../../src/engine/config';
import { CLASSIC_OPS, explore } from '../../../src/engine/explore';
import { compose, identity, invert, mapEvent, symmetryGroup } from '../../../src/engine/explore/symmetry';
import { classFindings, OP_SETS, REFERENCE, reproduces, SYMMETRIC } from './helpers';

const DEPTH = 9;

describe('symmetry group', () => {
  it('renames CPUs freely and contexts within their class, vcpus with their threads', () => {
    const cfg = buildConfig({
      cpus: 2,
      tasks: [
        { id: 'q1', vcpu: 'v1' },
        { id: 'q2', vcpu: 'v2' },
        { id: 'a' },
        { id: 'b' },
        { id: 'k', kthread: true },
      ],
      start: {},
    });
    const group = symmetryGroup(cfg);
    expect(group.length).toBe(2 * 2 * 2);
    expect(Array.from(group[0].cpu)).toEqual([0, 1]);
    expect(Array.from(group[0].ctx)).toEqual(Array.from(identity(cfg).ctx));
    for (const g of group) {
      for (let x = 0; x < cfg.contexts.length; x++) {
        const y = g.ctx[x];
        expect(cfg.contexts[y].kind).toBe(cfg.contexts[x].kind);
        if (cfg.contexts[x].partner >= 0)
          expect(g.ctx[cfg.contexts[x].partner]).toBe(cfg.contexts[y].partner);
      }
      const back = compose(invert(g), g);
      expect(Array.from(back.ctx)).toEqual(Array.from(identity(cfg).ctx));
      expect(mapEvent(cfg, invert(g), mapEvent(cfg, g, { cpu: 1, op: 'schedule', task: 'a' }))).toEqual({
        cpu: 1,
        op: 'schedule',
        task: 'a',
      });
    }
  });

  it('is cut short, identity first, above its limit', () => {
    const cfg = buildConfig({ cpus: 4, tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], start: {} });
    const group = symmetryGroup(cfg, 10);
    expect(group.length).toBe(10);
    expect(Array.from(group[0].cpu)).toEqual([0, 1, 2, 3]);
  });
});

describe('symmetry reduction', () => {
  const cases = OP_SETS.flatMap((o) => VARIANTS.map((v) => [v.id, o.name, v, o] as const));
  it.each(cases)('%s, %s: same findings up to renaming', (_id, _ops, v, o) => {
    const opts = { depth: DEPTH - o.shallower, ops: o.ops };
    const full = explore(SYMMETRIC, v, opts);
    const reduced = explore(SYMMETRIC, v, { ...opts, symmetry: true });
    // A variant that writes the number of CPU 0 keeps CPU 0 fixed: only the renamings that do.
    const pinned = v.historic?.pinsCpu0 === true;
    expect(reduced.symmetries).toBe(pinned ? 2 : 4);
    if (pinned) expect(reduced.states).toBeLessThanOrEqual(full.states);
    else expect(reduced.states).toBeLessThan(full.states);
    expect(classFindings(SYMMETRIC, reduced)).toEqual(classFindings(SYMMETRIC, full));
    const kinds = (r: typeof full): string[] => [...new Set(r.violations.map((c) => c.kind))].sort();
    expect(kinds(reduced)).toEqual(kinds(full));
    for (const c of reduced.violations) expect(reproduces(SYMMETRIC, v, c)).toBe(true);
  });

  it('swaps CPUs even when the start is not symmetric', () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18/no-put-flush');
    if (!v) throw new Error('missing variant');
    const full = explore(REFERENCE, v, { depth: 11, ops: CLASSIC_OPS });
    const reduced = explore(REFERENCE, v, { depth: 11, ops: CLASSIC_OPS, symmetry: true });
    expect(reduced.symmetries).toBe(2);
    expect(reduced.states).toBeLessThan(full.states);
    expect(classFindings(REFERENCE, reduced)).toEqual(classFindings(REFERENCE, full));
  });
});
