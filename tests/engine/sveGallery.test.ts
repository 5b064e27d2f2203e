// Fixed bases (src/engine/fixedBase.ts) and the SVE gallery's own searches (src/engine/sveGallery.ts):
// a variant run with some of its release's own bugs fixed; each SVE historic variant's counterexample
// is its own (its base does not report it, and the fix's labelled statement is what differs); v6.15
// and v6.16 with their release bugs fixed are the eras claimed clean. The searches themselves run in
// tests/cli/gallery.test.ts (the gallery) and the bench (with the bases' proofs to the depth).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createMachine,
  findVariant,
  galleryEntries,
  ownViolation,
  replay,
  SVE_GALLERY_MACHINE,
  SVE_HOST_MACHINE,
  sveCleanEras,
  variantOrError,
  type GalleryEntry,
  type Scenario,
  type ScenarioEvent,
  type Variant,
} from '../../src/engine';
import { explore } from '../../src/engine/explore';
import { allRecords } from '../../src/engine/replay';
import type { CallNode } from '../../src/engine/trace';
import { REFERENCE_SCENARIO } from '../cli/helpers';
import { variantNamed } from './helpers';

const variant = variantNamed;
/** `cpu:op[:task]` event lists, as the gallery prints them. */
const evs = (...s: string[]): ScenarioEvent[] =>
  s.map((x) => {
    const [cpu, op, task] = x.split(':');
    return { cpu: Number(cpu), op, ...(task ? { task } : {}) } as ScenarioEvent;
  });
const last = (sc: Scenario, v: Variant, events: ScenarioEvent[]) =>
  replay(createMachine(sc, v), events).violations.filter((x) => x.step === events.length - 1);

const V616_FIXED = 'v6.16+128a7494a9f1+5cbb61bf4168';

describe('fixed bases', () => {
  it('name a variant and the release fixes applied, in the era order, and run them', () => {
    const v = variant('v6.16+5cbb61bf4168+128a7494a9f1');
    expect(v.id).toBe(V616_FIXED);
    expect(v.era.id).toBe('v6.16');
    expect(v.era.releaseBugs).toEqual([]);
    expect(variant('v6.16').era.releaseBugs?.length).toBe(2); // the era itself is untouched
    expect(findVariant(V616_FIXED)).toBe(v);
    const pre = variant('v6.13/pre-61da7c8e2a60+49ce484187f7');
    expect(pre.historic?.commit).toBe('61da7c8e2a60');
    expect(pre.era.releaseBugs?.map((b) => b.commit)).toEqual([
      '398edaa12f9c',
      'fbc7e61195e2',
      '59419f10045b',
    ]);
  });

  it('refuse a fix the model cannot apply, naming those it can', () => {
    expect(findVariant('v6.13+fbc7e61195e2')).toBeUndefined();
    expect(variantOrError('v6.13+fbc7e61195e2')).toBe(
      'variant "v6.13+fbc7e61195e2": "+fbc7e61195e2": v6.13 can be run with these of its release bugs fixed: 49ce484187f7, 398edaa12f9c',
    );
    expect(variantOrError('v4.18+49ce484187f7')).toMatch(/v4\.18 can be run with these .* fixed: none/);
    expect(typeof variantOrError('nope+49ce484187f7')).toBe('string');
  });

  it('change nothing on an FPSIMD-only machine', () => {
    const events = REFERENCE_SCENARIO.events;
    for (const [era, fixedId] of [
      ['v6.16', V616_FIXED],
      ['v6.15', 'v6.15+49ce484187f7+398edaa12f9c'],
    ]) {
      const a = replay(createMachine(REFERENCE_SCENARIO, variant(era)), events);
      const b = replay(createMachine(REFERENCE_SCENARIO, variant(fixedId)), events);
      expect(b.violations).toEqual(a.violations);
      expect(Array.from(b.counters)).toEqual(Array.from(a.counters));
    }
  });

  // Hand sequences: each release bug's shortest counterexample, gone once its fix is applied.
  it('fix v6.16 ptrace_setsve bugs (128a7494a9f1, 5cbb61bf4168): the 5-event counterexample', () => {
    const e = evs(
      '0:schedule:kworker',
      '1:ret_to_user',
      '1:syscall',
      '1:kernel_neon',
      '1:ptrace_setsve:qemu',
    );
    expect(last(SVE_GALLERY_MACHINE, variant('v6.16'), e).map((x) => `${x.kind} ${x.context}`)).toContain(
      'lost-update app',
    );
    expect(last(SVE_GALLERY_MACHINE, variant(V616_FIXED), e)).toEqual([]);
  });

  it("fix v6.15's prctl(PR_SVE_SET_VL) lost update with either 49ce484187f7 or 398edaa12f9c", () => {
    // The save inside the syscall writes V only (398edaa12f9c's bug), then vec_set_vector_length()
    // converts the stale sve_state back over it (49ce484187f7's).
    const e = evs(
      '0:ret_to_user',
      '0:user_sve',
      '0:do_sve_acc',
      '0:ret_to_user',
      '0:syscall',
      '0:kernel_neon',
    );
    const prctl = [...e, ...evs('0:prctl_set_vl')];
    expect(last(SVE_GALLERY_MACHINE, variant('v6.15'), prctl).map((x) => x.kind)).toContain('lost-update');
    for (const id of ['v6.15+49ce484187f7', 'v6.15+398edaa12f9c'])
      expect(last(SVE_GALLERY_MACHINE, variant(id), prctl), id).toEqual([]);
  });
});

/** Every statement label a replay executed. */
function labels(sc: Scenario, v: Variant, events: ScenarioEvent[]): Set<string> {
  const out = new Set<string>();
  const walk = (calls: readonly CallNode[]): void => {
    for (const c of calls) {
      c.stmts.forEach((s) => out.add(s));
      walk(c.children);
    }
  };
  for (const r of allRecords(createMachine(sc, v), events).records) walk(r.calls);
  return out;
}

/**
 * Each SVE historic variant's own counterexample, as its gallery search finds it (tests/cli/gallery.test.ts
 * checks the search finds one of this length; this one is hand-checked against the kernel lines below).
 */
const OWN: Record<string, { events: ScenarioEvent[]; kind: string }> = {
  // The SVE trap taken on CPU1 while qemu's registers were last live on CPU0; back on CPU0 the stale
  // binding is trusted (sve_init_regs() without fpsimd_flush_task_state(): statement flush-task-trap).
  '751ecf6afd65': {
    kind: 'kernel-warning',
    events: evs(
      '0:ret_to_user',
      '0:user_sve',
      '0:schedule:kworker',
      '1:schedule:qemu',
      '1:do_sve_acc',
      '1:schedule:app',
      '0:schedule:qemu',
      '0:ret_to_user',
      '0:user_sve',
      '0:do_sve_acc',
    ),
  },
  // In a syscall kernel-mode NEON saves V only; the signal frame trusts TIF_SVE and copies the stale
  // sve_state (statement signal-sve-to-fpsimd runs in the variant only).
  '61da7c8e2a60': {
    kind: 'lost-update',
    events: evs(
      '0:ret_to_user',
      '0:user_sve',
      '0:do_sve_acc',
      '0:ret_to_user',
      '0:syscall',
      '0:kernel_neon',
      '0:signal',
    ),
  },
  // app, stopped in a syscall after saving V only, is read by qemu with NT_ARM_SVE: TIF_SVE picks the
  // SVE layout from the stale sve_state (the fixed getsve-layout test reads fp_type).
  b017a0cea627: {
    kind: 'stale-read',
    events: evs(
      '0:ret_to_user',
      '0:syscall',
      '1:ret_to_user',
      '1:user_sve',
      '1:do_sve_acc',
      '1:ret_to_user',
      '1:syscall',
      '1:schedule:kworker',
      '0:ptrace_getsve:app',
    ),
  },
};

const searched = galleryEntries().filter(
  (e): e is GalleryEntry & { base: Variant } => e.sve && !e.releaseBug,
);

describe('the SVE gallery searches each historic variant for its own bug', () => {
  it('searches v6.13\u2019s host-side variants with fixed bases on the host machine, d52d165d67c5 and v4.18\u2019s on one CPU', () => {
    expect(searched.map((e) => [e.variant.id, e.base.id, e.depth])).toEqual([
      ['v4.18/pre-2955bcc8c309', 'v4.18', 12],
      ['v4.18/pre-b3eb56b629d1', 'v4.18', 15],
      ['v6.13/pre-751ecf6afd65+49ce484187f7+398edaa12f9c', 'v6.13+49ce484187f7+398edaa12f9c', 10],
      ['v6.13/pre-61da7c8e2a60+49ce484187f7', 'v6.13+49ce484187f7', 7],
      ['v6.13/pre-b017a0cea627+49ce484187f7', 'v6.13+49ce484187f7', 9],
      ['v6.13/pre-d52d165d67c5', 'v6.13', 13],
    ]);
    for (const e of searched)
      expect(e.machine.tasks.some((t) => t.vcpu)).toBe(e.search?.machine !== SVE_HOST_MACHINE);
  });

  it.each(Object.keys(OWN))(
    '%s: the counterexample is the variant\u2019s own, and the fix\u2019s statement is what differs',
    (commit) => {
      const e = searched.find((x) => x.fix.commit === commit);
      if (!e) throw new Error(`no entry for ${commit}`);
      const own = OWN[commit];
      expect(own.events.length).toBe(e.depth);
      const bad = last(e.machine, e.variant, own.events);
      expect(bad.map((x) => x.kind)).toContain(own.kind);
      expect(last(e.machine, e.base, own.events)).toEqual([]);
      const cex = { ...bad.find((x) => x.kind === own.kind)!, events: own.events };
      expect(ownViolation(e, [cex as never])).toBeDefined();
      // The fix's labelled statement runs in exactly one of the two.
      const a = labels(e.machine, e.variant, own.events);
      const b = labels(e.machine, e.base, own.events);
      expect(
        e.fix.statements.some((s) => a.has(s) !== b.has(s)),
        e.fix.statements.join(),
      ).toBe(true);
    },
  );

  it('61da7c8e2a60 and b017a0cea627 need the in-syscall FPSIMD-only save: their examples run clean on v6.13+398edaa12f9c', () => {
    for (const commit of ['61da7c8e2a60', 'b017a0cea627']) {
      const sc = JSON.parse(
        readFileSync(new URL(`../../src/scenarios/history-${commit}.json`, import.meta.url), 'utf8'),
      ) as Scenario;
      const pre = variant(`v6.13/pre-${commit}`);
      expect(replay(createMachine(sc, pre), sc.events).violations.length, commit).toBeGreaterThan(0);
      const fixedPre = variant(`v6.13/pre-${commit}+398edaa12f9c`);
      expect(replay(createMachine(sc, fixedPre), sc.events).violations, commit).toEqual([]);
    }
  });

  it('finds 61da7c8e2a60 at 7 events as its own, on a base clean to 7 (the cheapest search, run here)', () => {
    const e = searched.find((x) => x.fix.commit === '61da7c8e2a60')!;
    const r = explore(e.machine, e.variant, e.options);
    expect(r.violations[0]?.events.length).toBe(7);
    expect(ownViolation(e, r.violations)).toBeDefined();
    expect(explore(e.machine, e.base, { ...e.options, stopAtViolation: false }).violations).toEqual([]);
  }, 60_000);

  it('claims clean v4.17, v4.18, and v6.15 and v6.16 with their release bugs fixed', () => {
    expect(sveCleanEras().map((v) => v.id)).toEqual([
      'v4.17',
      'v4.18',
      'v6.15+49ce484187f7+398edaa12f9c',
      V616_FIXED,
    ]);
  });
});
