// The state encoding holds every field the engine keeps: decode(encode(s)) is s up to renaming version
// numbers (newest -> 1, stale -> 0) and zeroed cost counters, on states from random legal walks.
import { describe, expect, it } from 'vitest';
import { createMachine, VARIANTS, type ScenarioEvent } from '../../../src/engine';
import { initialMachineState, stepInPlace } from '../../../src/engine/machine';
import { cloneState, zeroCounters, type MachineState } from '../../../src/engine/state';
import { DEFAULT_MAX_SIGNAL_FRAMES, eventAlphabet } from '../../../src/engine/explore';
import { checkRange, decode, encode, makeLayout } from '../../../src/engine/explore/codec';
import { permuteEncoded } from '../../../src/engine/explore/codecPermute';
import { symmetryGroup } from '../../../src/engine/explore/symmetry';
import { canonicalize, compileRenamings } from '../../../src/engine/explore/canon';
import { SYMMETRIC } from './helpers';

/** The state with versions renamed as the abstraction does and counters zeroed. */
function normalised(s: MachineState): MachineState {
  const t = cloneState(s);
  const g = t.ghost;
  const flag = (o: number, v: number): number => (o >= 0 && v === s.ghost.newest[o] ? 1 : 0);
  g.regVer = g.regOwner.map((o, i) => flag(o, s.ghost.regVer[i]));
  g.memVer = g.memOwner.map((o, i) => flag(o, s.ghost.memVer[i]));
  g.newest = g.newest.map((n) => (n >= 0 ? 1 : -1));
  t.counters = zeroCounters();
  return t;
}

/** A few hundred states along seeded random legal walks. */
function walkStates(variantIndex: number): { m: ReturnType<typeof createMachine>; states: MachineState[] } {
  const m = createMachine(SYMMETRIC, VARIANTS[variantIndex]);
  m.cfg.maxSignalFrames = DEFAULT_MAX_SIGNAL_FRAMES;
  const alphabet: ScenarioEvent[] = eventAlphabet(m.cfg);
  let seed = 12345 + variantIndex;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const states: MachineState[] = [];
  for (let walk = 0; walk < 20; walk++) {
    const s = initialMachineState(m);
    for (let i = 0; i < 30; i++) {
      const ev = alphabet[rnd(alphabet.length)];
      if (stepInPlace(m, s, ev, i, []) === null) states.push(cloneState(s));
    }
  }
  return { m, states };
}

describe('state encoding', () => {
  it.each(VARIANTS.map((v, i) => [v.id, i] as const))('%s: round trip keeps every field', (_id, vi) => {
    const { m, states } = walkStates(vi);
    expect(states.length).toBeGreaterThan(100);
    const L = makeLayout(m.cfg, initialMachineState(m), 'abstract', m.variant.era.fields);
    const buf = new Uint8Array(L.size);
    const back = cloneState(initialMachineState(m));
    for (const s of states) {
      encode(L, s, buf, 0);
      checkRange(L, buf, 0);
      decode(L, buf, 0, back);
      // toStrictEqual also fails on fields the codec does not know about.
      expect(back).toStrictEqual(normalised(s));
    }
  });

  it('the walks reach the new fields: TASK.kernel data and pending signal frames', () => {
    const all = VARIANTS.flatMap((_v, i) => walkStates(i).states);
    const nCtx = createMachine(SYMMETRIC, VARIANTS[0]).cfg.contexts.length;
    expect(all.some((s) => s.ghost.newest.slice(nCtx).some((n) => n >= 0))).toBe(true);
    expect(all.some((s) => s.tasks.some((t) => t.frames > 0))).toBe(true);
    expect(all.some((s) => s.tasks.some((t) => t.kernelCpu >= 0 || t.kernelFpstate))).toBe(true);
  });

  it('exact versions round-trip unchanged', () => {
    const { m, states } = walkStates(0);
    const L = makeLayout(m.cfg, initialMachineState(m), 'exact', m.variant.era.fields);
    const buf = new Uint8Array(L.size);
    const back = cloneState(initialMachineState(m));
    for (const s of states) {
      encode(L, s, buf, 0);
      decode(L, buf, 0, back);
      expect(back).toStrictEqual({ ...cloneState(s), counters: zeroCounters() });
    }
  });

  it.each(['abstract', 'exact'] as const)(
    '%s versions: the compiled canonical form is the least of permuteEncoded over the group',
    (versions) => {
      const { m, states } = walkStates(2);
      const L = makeLayout(m.cfg, initialMachineState(m), versions, m.variant.era.fields);
      const group = symmetryGroup(m.cfg);
      expect(group.length).toBeGreaterThan(1);
      const R = compileRenamings(L, group);
      const a = new Uint8Array(L.size);
      const b = new Uint8Array(L.size);
      const least = new Uint8Array(L.size);
      const lexLess = (x: Uint8Array, y: Uint8Array): boolean => {
        const i = x.findIndex((v, k) => v !== y[k]);
        return i >= 0 && x[i] < y[i];
      };
      for (const s of states.slice(0, 60)) {
        encode(L, s, a, 0);
        let want = a.slice();
        let wantAt = 0;
        group.forEach((g, i) => {
          permuteEncoded(L, a, 0, g, b);
          if (lexLess(b, want)) [want, wantAt] = [b.slice(), i];
        });
        expect(canonicalize(R, a, least)).toBe(wantAt);
        expect(least).toEqual(want);
      }
    },
  );

  it('renaming by a symmetry and back is the identity on encodings', () => {
    const { m, states } = walkStates(1);
    const L = makeLayout(m.cfg, initialMachineState(m), 'abstract', m.variant.era.fields);
    const group = symmetryGroup(m.cfg);
    const a = new Uint8Array(L.size);
    const b = new Uint8Array(L.size);
    const c = new Uint8Array(L.size);
    for (const s of states.slice(0, 50)) {
      encode(L, s, a, 0);
      for (const g of group) {
        permuteEncoded(L, a, 0, g, b);
        checkRange(L, b, 0);
        const inv = group.find(
          (h) => h.cpu.every((x, i) => g.cpu[x] === i) && h.ctx.every((x, i) => g.ctx[x] === i),
        );
        if (!inv) throw new Error('group not closed under inverse');
        permuteEncoded(L, b, 0, inv, c);
        expect(c).toEqual(a);
      }
    }
  });
});
