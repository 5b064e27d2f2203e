// The explorer on SVE machines: the SVE parts of the encoding round-trip and rename, the abstraction
// agrees with exact versions, and every reduction (cache, dead variables, sleep sets, CPU renamings,
// partitioned search) gives the plain search's answer; FPSIMD-only layouts gain nothing.
import { describe, expect, it } from 'vitest';
import { createMachine, ERAS, SVE_GALLERY_MACHINE, OPS, VARIANTS, type Variant } from '../../../src/engine';
import { initialMachineState, stepInPlace } from '../../../src/engine/machine';
import { cloneState, zeroCounters, type MachineState, type SveGhost } from '../../../src/engine/state';
import { DEFAULT_MAX_SIGNAL_FRAMES, eventAlphabet, explore } from '../../../src/engine/explore';
import { decode, encode, makeLayout, checkRange } from '../../../src/engine/explore/codec';
import { permuteEncoded } from '../../../src/engine/explore/codecPermute';
import { contextClass, invert, symmetryGroup } from '../../../src/engine/explore/symmetry';
import { explorePartitioned } from '../../../src/engine/explore/partitionLocal';
import { buildConfig } from '../../../src/engine/config';
import { classFindings, findings, REFERENCE, reproduces } from './helpers';

const SVE = SVE_GALLERY_MACHINE;
/** Two user tasks besides the vcpu thread: a symmetry between them (and the CPUs) to check renaming. */
const SVE_SYMMETRIC = {
  ...SVE,
  tasks: [...SVE.tasks.slice(0, 2), { id: 'bob' }, ...SVE.tasks.slice(2)],
};
const eraVariants: Variant[] = ERAS.map((e) => VARIANTS.find((v) => v.id === e.id) as Variant);

/** The state with versions as the abstraction writes them (newest 1, stale 0) and counters zeroed. */
function normalised(s: MachineState): MachineState {
  const t = cloneState(s);
  const g = t.ghost;
  const n = s.ghost.newest;
  const flag = (o: number, v: number, of: readonly number[]): number => (o >= 0 && v === of[o] ? 1 : 0);
  g.regVer = g.regOwner.map((o, i) => flag(o, s.ghost.regVer[i], n));
  g.memVer = g.memOwner.map((o, i) => flag(o, s.ghost.memVer[i], n));
  g.newest = n.map((x) => (x >= 0 ? 1 : -1));
  const z = s.ghost.sve as SveGhost;
  const tz = g.sve as SveGhost;
  tz.regHVer = z.regHOwner.map((o, i) => flag(o, z.regHVer[i], z.newestH));
  tz.zVer = z.zOwner.map((o, i) => flag(o, z.zVer[i], n));
  tz.hVer = z.hOwner.map((o, i) => flag(o, z.hVer[i], z.newestH));
  tz.newestH = z.newestH.map((x) => (x >= 0 ? 1 : -1));
  t.counters = zeroCounters();
  return t;
}

describe('SVE encoding', () => {
  it('adds nothing to an FPSIMD-only machine', () => {
    const m = createMachine(REFERENCE, eraVariants[0]);
    const L = makeLayout(m.cfg, initialMachineState(m), 'abstract', m.variant.era.fields);
    expect(L.sve).toBeNull();
    expect(L.hCopies.length).toBe(0);
  });

  it.each(eraVariants.map((v) => [v.id, v] as const))(
    '%s: decode(encode(s)) is s with abstract versions; a renaming and its inverse give it back',
    (_id, v) => {
      const m = createMachine(SVE_SYMMETRIC, v);
      m.cfg.maxSignalFrames = DEFAULT_MAX_SIGNAL_FRAMES;
      const alphabet = eventAlphabet(m.cfg, OPS);
      expect(alphabet.some((e) => e.op === 'user_sve')).toBe(true);
      const s0 = initialMachineState(m);
      const L = makeLayout(m.cfg, s0, 'abstract', v.era.fields);
      expect(L.sve).not.toBeNull();
      const group = symmetryGroup(m.cfg);
      expect(group.length).toBe(4); // 2 CPUs x the two user tasks
      let seed = 99;
      const rnd = (n: number): number => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return (seed >>> 8) % n;
      };
      const a = new Uint8Array(L.size);
      const b = new Uint8Array(L.size);
      const c = new Uint8Array(L.size);
      const back = cloneState(s0);
      let checked = 0;
      for (let walk = 0; walk < 12; walk++) {
        const s = initialMachineState(m);
        for (let i = 0; i < 20; i++) {
          const legal = alphabet.filter((e) => stepInPlace(m, cloneState(s), e, 0, []) === null);
          if (!legal.length) break;
          stepInPlace(m, s, legal[rnd(legal.length)], 0, []);
          encode(L, s, a, 0);
          checkRange(L, a, 0);
          decode(L, a, 0, back);
          expect(back).toEqual(normalised(s));
          const g = group[1 + rnd(group.length - 1)];
          permuteEncoded(L, a, 0, g, b);
          checkRange(L, b, 0);
          permuteEncoded(L, b, 0, invert(g), c);
          expect(Array.from(c)).toEqual(Array.from(a));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    },
    60_000,
  );

  it('sizes an enumerated SVE era field by its values (makeLayout gets every field)', () => {
    const v = eraVariants[eraVariants.length - 1];
    const field = {
      scope: 'cpu' as const,
      name: 'three_valued',
      slot: v.era.fields.filter((f) => f.sve && f.scope === 'cpu').length,
      values: ['A', 'B', 'C'],
      initial: 2,
      file: 'test',
      sve: true as const,
    };
    const wide = { ...v, era: { ...v.era, fields: [...v.era.fields, field] } };
    const m = createMachine(SVE, wide);
    const s0 = initialMachineState(m);
    const L = makeLayout(m.cfg, s0, 'abstract', wide.era.fields);
    const S = L.sve as NonNullable<typeof L.sve>;
    expect(L.range[S.cpuBase + 4 + field.slot]).toBe(3);
    const a = new Uint8Array(L.size);
    encode(L, s0, a, 0);
    expect(() => checkRange(L, a, 0)).not.toThrow();
    expect(explore(SVE, wide, { depth: 2 }).complete).toBe(true);
  });

  it('keeps SVE vcpu threads apart from plain ones in the symmetry', () => {
    const cfg = buildConfig({
      cpus: 2,
      sve: true,
      tasks: [
        { id: 'q0', vcpu: 'v0', vcpuSve: true },
        { id: 'q1', vcpu: 'v1' },
      ],
      start: {},
    });
    expect(contextClass(cfg, 0)).not.toBe(contextClass(cfg, 1));
    expect(contextClass(cfg, 2)).not.toBe(contextClass(cfg, 3));
    expect(symmetryGroup(cfg).length).toBe(2); // CPUs only
  });
});

describe('SVE search', { timeout: 120_000 }, () => {
  it.each(eraVariants.map((v) => [v.id, v] as const))(
    '%s: the abstraction finds what exact versions find (SVE machine, every op, depth 5)',
    (_id, v) => {
      const abstract = explore(SVE, v, { depth: 5 });
      const exact = explore(SVE, v, { depth: 5, versions: 'exact', cache: false });
      expect(abstract.complete && exact.complete).toBe(true);
      expect(findings(abstract)).toEqual(findings(exact));
      expect(exact.states).toBeGreaterThanOrEqual(abstract.states);
      for (const c of abstract.violations) expect(reproduces(SVE, v, c)).toBe(true);
    },
  );

  it.each(eraVariants.map((v) => [v.id, v] as const))(
    '%s: cache, dead variables, sleep sets and CPU renamings keep the plain answer (depth 5)',
    (_id, v) => {
      const plain = explore(SVE, v, { depth: 5, cache: false });
      const cached = explore(SVE, v, { depth: 5 });
      expect([cached.states, cached.transitions]).toEqual([plain.states, plain.transitions]);
      expect(cached.violations).toEqual(plain.violations);
      const reduced = explore(SVE, v, { depth: 5, dead: true, sleep: true, symmetry: 'cpus' });
      expect(findings(reduced)).toEqual(findings(plain));
      expect(reduced.states).toBeLessThanOrEqual(plain.states);
    },
  );

  it('two SVE tasks, every renaming: the same shortest lengths as without symmetry (v6.16, depth 5)', () => {
    const v = VARIANTS.find((x) => x.id === 'v6.16') as Variant;
    const none = explore(SVE_SYMMETRIC, v, { depth: 5, symmetry: 'exact' });
    const classes = explore(SVE_SYMMETRIC, v, { depth: 5, symmetry: 'classes' });
    expect(classes.states).toBeLessThan(none.states);
    expect(classFindings(SVE_SYMMETRIC, classes)).toEqual(classFindings(SVE_SYMMETRIC, none));
  });

  it('the partitioned search gives the single-core answer on the SVE gallery machine', async () => {
    const v = VARIANTS.find((x) => x.id === 'v6.16') as Variant;
    const opts = { depth: 5, dead: true };
    const single = explore(SVE, v, opts);
    const two = await explorePartitioned(SVE, v, { ...opts, workers: 2, sliceMs: 0.2 });
    expect([two.states, two.transitions]).toEqual([single.states, single.transitions]);
    expect(findings(two)).toEqual(findings(single));
  });

  it('the SVE gallery machine has more states than the FPSIMD one of the same shape', () => {
    const v = VARIANTS.find((x) => x.id === 'v6.16') as Variant;
    const sve = explore(SVE, v, { depth: 4 });
    const fpsimd = explore(REFERENCE, v, { depth: 4 });
    expect(sve.states).toBeGreaterThan(fpsimd.states);
  });
});
