// The Promela model's coverage of the engine: every variant (era, ablation, historic variant), era
// hook, era field and op of the explorer's alphabet has a Promela counterpart, and a missing one is
// named, not skipped. The lists come from the engine (VARIANTS, ERAS, EXPLORER_OPS).
import { describe, expect, it } from 'vitest';
import { ERAS, VARIANTS } from '../../../src/engine';
import { buildConfig } from '../../../src/engine/config';
import type { AblatableName } from '../../../src/engine/era';
import { CLASSIC_OPS, eventAlphabet, EXPLORER_OPS } from '../../../src/engine/explore';
import { OPS, SVE_OPS } from '../../../src/engine/types';
import {
  ablationMacro,
  ablationNumber,
  eraHooks,
  opsMask,
  PROMELA_ALPHABET,
  PROMELA_ERAS,
  PROMELA_OPS,
  promelaGaps,
  promelaModel,
  promelaOwners,
  RUNTIME_ENV,
  PROMELA_SVE_HOOKS,
  promelaCovers,
} from '../../../src/engine/promela';
import { REFERENCE } from '../explore/helpers';

const cfg = buildConfig(REFERENCE);

describe('Promela model coverage', () => {
  it.each(VARIANTS.filter(promelaCovers).map((v) => [v.id, v] as const))(
    '%s has a Promela counterpart',
    (_id, variant) => {
      expect(promelaGaps(cfg, variant)).toEqual([]);
      expect(() => promelaModel(REFERENCE, variant, { depth: 3 })).not.toThrow();
    },
  );

  it('leaves out exactly SVE: the SVE historic variants are named as gaps, SVE hooks and fields skipped', () => {
    for (const v of VARIANTS.filter((x) => !promelaCovers(x))) {
      expect(v.historic?.sve).toBe(true);
      expect(promelaGaps(cfg, v).join(' ')).toMatch(/leaves out SVE/);
    }
    // The hooks left out are exactly the Era hooks the SVE core added (era.ts, "SVE").
    expect([...PROMELA_SVE_HOOKS].sort()).toEqual(
      [
        'do_sve_acc',
        'setup_sigframe_fp',
        'sve_get_common',
        'sve_set_common',
        'sve_set_current_vl',
        'sve_sync_from_fpsimd_zeropad',
        'sve_sync_to_fpsimd',
        'syscall_entry',
        'syscall_exit',
      ].sort(),
    );
    const v616 = VARIANTS.find((v) => v.id === 'v6.16') as (typeof VARIANTS)[number];
    const withSve = {
      ...v616,
      era: {
        ...v616.era,
        do_sve_acc: () => undefined,
        fields: [
          ...v616.era.fields,
          {
            scope: 'cpu' as const,
            name: 'sve_only_field',
            slot: 0,
            initial: 0,
            file: 'x',
            sve: true as const,
          },
        ],
      },
    };
    expect(promelaGaps(cfg, withSve)).toEqual([]);
    expect(promelaModel(REFERENCE, withSve, { depth: 3 })).not.toContain('sve_only_field');
  });

  it('models every op the explorer explores on an FPSIMD machine; the SVE ops are left out', () => {
    expect(PROMELA_ALPHABET).toEqual(EXPLORER_OPS);
    // SVE machines have no Promela model yet: export refuses them (tests/cli/export.test.ts).
    expect(OPS.filter((op) => !PROMELA_OPS[op])).toEqual([...SVE_OPS]);
  });

  it('numbers every ablation and historic fix apart, and none as 0', () => {
    const numbers = VARIANTS.map(ablationNumber);
    for (const [i, v] of VARIANTS.entries()) expect(numbers[i] === 0).toBe(v.ablation === null);
    const ablated = VARIANTS.filter((v) => v.ablation !== null);
    expect(new Set(ablated.map(ablationNumber)).size).toBe(new Set(ablated.map((v) => v.ablation)).size);
  });

  it('names the owners of FP data as the engine does: contexts, then TASK.kernel', () => {
    expect(promelaOwners(cfg)).toEqual([
      'qemu',
      'editor',
      'kworker',
      'vcpu0',
      'qemu.kernel',
      'editor.kernel',
      'kworker.kernel',
    ]);
  });

  it('bounds pending signal frames as the explorer does, and reads variant and depth at run time if asked', () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18') as (typeof VARIANTS)[number];
    expect(promelaModel(REFERENCE, v, { depth: 5 })).toMatch(/#define MAX_SIGNAL_FRAMES 1\n/);
    expect(promelaModel(REFERENCE, v, { depth: 5, maxSignalFrames: 2 })).toMatch(
      /#define MAX_SIGNAL_FRAMES 2\n/,
    );
    const runtime = promelaModel(REFERENCE, v, { depth: 5, runtime: true });
    expect(runtime).toMatch(/#define ABLATION ablation_v\n/);
    expect(runtime).toContain(`getenv("${RUNTIME_ENV.depth}")`);
    // Every event's guard asks whether its op is tried (bit i of FPSIMD_OPS for OPS[i]).
    expect(runtime.match(/:: d_step \{ steps < DEPTH && OP_ON\(\d+\) &&/g)?.length).toBe(
      eventAlphabet(cfg, EXPLORER_OPS).length,
    );
    expect(opsMask(CLASSIC_OPS)).toBe((1 << CLASSIC_OPS.length) - 1);
    expect(runtime).not.toMatch(/#define DEPTH 5/);
  });

  it('has one module per engine era, and no module without an era', () => {
    expect(PROMELA_ERAS.map((p) => p.id).sort()).toEqual(ERAS.map((e) => e.id).sort());
  });

  it('writes the first eleven ops only when asked', () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18') as (typeof VARIANTS)[number];
    const text = promelaModel(REFERENCE, v, { depth: 5, ops: CLASSIC_OPS });
    expect(text.match(/:: d_step \{ steps < DEPTH/g)?.length).toBe(eventAlphabet(cfg, CLASSIC_OPS).length);
    expect(text).not.toMatch(/CAN_signal\(0\)/);
  });

  it('names what is missing when an era, a hook, an ablation or an op has no counterpart', () => {
    const v418 = VARIANTS.find((v) => v.id === 'v4.18');
    if (!v418) throw new Error('missing v4.18');
    const newEra = { ...v418.era, id: 'v9.99' };
    expect(promelaGaps(cfg, { ...v418, id: 'v9.99', era: newEra })).toEqual([
      'era v9.99 has no Promela module (src/engine/promela/, PROMELA_ERAS)',
    ]);
    const moreHooks = { ...v418.era, cpu_resume: () => undefined };
    // A name not yet in ABLATABLE_NAMES: what a later era's new statement looks like before its Promela.
    const abl = { name: 'new-statement' as AblatableName, description: 'a statement added later' };
    const fix = { ...(v418.era.historic ?? [])[0], commit: '0123456789ab' };
    const more = { ...moreHooks, ablatable: [...v418.era.ablatable, abl], historic: [fix] };
    expect(promelaGaps(cfg, { ...v418, era: more })).toEqual([
      "era v4.18's Promela module has no era_cpu_resume",
      `era v4.18's Promela module has no ON(${ablationMacro('new-statement')}) (ablation new-statement)`,
      "era v4.18's Promela module has no FIXED(PRE_0123456789AB) (historic fix 0123456789ab)",
    ]);
    expect(() => promelaModel(REFERENCE, { ...v418, era: more }, { depth: 3 })).toThrow(
      /cannot write a Promela model of v4\.18: .*cpu_resume/,
    );
    const saved = PROMELA_OPS.user_fp;
    PROMELA_OPS.user_fp = null;
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
    expect(text.match(/:: d_step \{ steps < DEPTH/g)?.length).toBe(eventAlphabet(cfg, EXPLORER_OPS).length);
  });
});
