// The Promela model's coverage of the engine: every variant, era hook, era field, ablation and op of
// the explorer's alphabet has a Promela counterpart, and a missing one is named, not skipped.
import { describe, expect, it } from 'vitest';
import { ERAS, VARIANTS } from '../../../src/engine';
import { buildConfig } from '../../../src/engine/config';
import { CLASSIC_OPS, eventAlphabet } from '../../../src/engine/explore';
import {
  ablationMacro,
  eraHooks,
  LIFECYCLE_ABLATIONS,
  LIFECYCLE_HOOKS,
  PROMELA_ALPHABET,
  PROMELA_ERAS,
  PROMELA_OPS,
  promelaGaps,
  promelaModel,
} from '../../../src/engine/promela';
import { REFERENCE } from '../explore/helpers';

const cfg = buildConfig(REFERENCE);

describe('Promela model coverage', () => {
  const modelled = VARIANTS.filter((v) => v.historic === null);
  it.each(modelled.map((v) => [v.id, v] as const))('%s has a Promela counterpart', (_id, variant) => {
    expect(promelaGaps(cfg, variant)).toEqual([]);
  });

  it('says that historic variants are not modelled', () => {
    const historic = VARIANTS.filter((v) => v.historic !== null);
    expect(historic.length).toBeGreaterThan(0);
    for (const v of historic)
      expect(promelaGaps(cfg, v)).toEqual([
        `historic variant ${v.id} is not modelled in Promela (excluded from the Spin agreement)`,
      ]);
  });

  it('lists only real lifecycle hooks and ablations as not needed', () => {
    for (const era of ERAS) expect(eraHooks(era)).toEqual(expect.arrayContaining([...LIFECYCLE_HOOKS]));
    const names = ERAS.flatMap((e) => e.ablatable.map((a) => a.name));
    expect(names).toEqual(expect.arrayContaining([...LIFECYCLE_ABLATIONS]));
  });

  it('has one module per engine era, and no module without an era', () => {
    expect(PROMELA_ERAS.map((p) => p.id).sort()).toEqual(ERAS.map((e) => e.id).sort());
  });

  it('has every op of its alphabet (the first eleven) on the reference configuration', () => {
    const ops = [...new Set(eventAlphabet(cfg, PROMELA_ALPHABET).map((e) => e.op))];
    expect(ops).toEqual(CLASSIC_OPS);
    expect(ops.filter((op) => !PROMELA_OPS[op])).toEqual([]);
  });

  it('names what is missing when an era, a hook, an ablation or an op has no counterpart', () => {
    const v418 = VARIANTS.find((v) => v.id === 'v4.18');
    if (!v418) throw new Error('missing v4.18');
    const newEra = { ...v418.era, id: 'v9.99' };
    expect(promelaGaps(cfg, { ...v418, id: 'v9.99', era: newEra })).toEqual([
      'era v9.99 has no Promela module (src/engine/promela/, PROMELA_ERAS)',
    ]);
    const moreHooks = { ...v418.era, cpu_suspend: () => undefined };
    const abl = { name: 'new-statement', description: 'a statement added later' };
    const more = { ...moreHooks, ablatable: [...v418.era.ablatable, abl] };
    expect(promelaGaps(cfg, { ...v418, era: more })).toEqual([
      'era hook cpu_suspend is called by no Promela event body and is not in LIFECYCLE_HOOKS',
      `era v4.18's Promela module has no ON(${ablationMacro('new-statement')}) (ablation new-statement)`,
    ]);
    expect(() => promelaModel(REFERENCE, { ...v418, era: more }, { depth: 3 })).toThrow(
      /cannot write a Promela model of v4\.18: .*cpu_suspend/,
    );
    const saved = PROMELA_OPS.user_fp;
    delete PROMELA_OPS.user_fp;
    try {
      expect(promelaGaps(cfg, v418)).toEqual(['op user_fp has no Promela counterpart (events.pml.ts)']);
    } finally {
      PROMELA_OPS.user_fp = saved;
    }
  });

  it('lists every era hook of the engine', () => {
    for (const era of ERAS)
      expect(eraHooks(era)).toEqual(expect.arrayContaining(['sched_out', 'guest_fp_trap', 'kvm_run_exit']));
  });

  it('bounds the model by the depth asked for, and writes the variant and the machine', () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18/no-put-save');
    if (!v) throw new Error('missing variant');
    const text = promelaModel(REFERENCE, v, { depth: 7 });
    expect(text).toMatch(/#define DEPTH 7\n/);
    expect(text).toMatch(/#define NCPU 2\n/);
    expect(text).toMatch(/#define ABLATION ABL_PUT_SAVE\n/);
    expect(text).toMatch(/ 3 vcpu0 \(vcpu, partner 0\)/);
    // One guarded step per event of the explorer's alphabet.
    expect(text.match(/:: d_step \{ steps < DEPTH/g)?.length).toBe(
      eventAlphabet(cfg, PROMELA_ALPHABET).length,
    );
  });
});
