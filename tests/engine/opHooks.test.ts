import { describe, expect, it } from 'vitest';
import {
  createMachine,
  ERAS,
  findVariant,
  initialMachineState,
  OP_HOOKS,
  OPS,
  stepInPlace,
  type Era,
  type Op,
} from '../../src/engine';
import { EXAMPLES } from '../../src/scenarios';

describe('op to era hook table', () => {
  it('names, for every op, functions every era provides (an optional hook: the eras that have it)', () => {
    expect(Object.keys(OP_HOOKS).sort()).toEqual([...OPS].sort());
    // restore_sigframe is optional: v6.16 saves and flushes there (the driver skips it where absent).
    // The SVE hooks run on SVE machines only, each era with the ones its release has (era.ts).
    const optional = new Set<string>([
      'restore_sigframe',
      'syscall_entry',
      'syscall_exit',
      'do_sve_acc',
      'sve_set_current_vl',
      'sve_set_common',
      'sve_get_common',
      'setup_sigframe_fp',
      'sve_sync_to_fpsimd',
      'sve_sync_from_fpsimd_zeropad',
    ]);
    for (const era of ERAS)
      for (const hooks of Object.values(OP_HOOKS))
        for (const h of hooks)
          if (!optional.has(h) || era[h] !== undefined)
            expect(typeof era[h], `${era.id}.${h}`).toBe('function');
    // v4.17 and v4.18 have it for SVE machines only (restore_sve_fpsimd_context()): a no-op elsewhere.
    expect(ERAS.filter((e) => e.restore_sigframe).map((e) => e.id)).toEqual(['v4.17', 'v4.18', 'v6.16']);
  });

  it('lists every hook the drivers call for an op, in every example and era', () => {
    const called = new Set<string>();
    for (const base of ERAS) {
      // Watch the era's hooks while the examples replay: each call must be listed for its event's op.
      let op: Op | null = null;
      const watched = new Proxy(base, {
        get(target, key: string) {
          const value = (target as unknown as Record<string, unknown>)[key];
          if (typeof value === 'function' && op !== null) {
            expect(OP_HOOKS[op] as readonly string[], `${base.id}: ${op} calls ${key}`).toContain(key);
            called.add(`${op}.${key}`);
          }
          return value;
        },
      }) as Era;
      const v = { ...findVariant(base.id)!, era: watched };
      for (const { scenario } of EXAMPLES) {
        const m = createMachine(scenario, v);
        const s = initialMachineState(m);
        scenario.events.forEach((ev, i) => {
          op = ev.op;
          stepInPlace(m, s, ev, i, []);
        });
      }
    }
    // The examples reach most of the table (a hook listed but never reached is not an error).
    expect(called.size).toBeGreaterThan(10);
  });
});
