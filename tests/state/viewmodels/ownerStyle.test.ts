import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/scenarios';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import {
  FAMILIES,
  SCRATCH_STYLE,
  familyOf,
  ownerStyles,
  preferredShade,
} from '../../../src/state/viewmodels/ownerStyle';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';

const contextsOf = (sc: (typeof EXAMPLES)[number]['scenario']) => {
  useScenarioStore.getState().open(sc, { kind: 'generated' });
  const s = useScenarioStore.getState();
  return cursorView(s.replay, 0).view.contexts;
};

describe('owner styles', () => {
  it('give a context the same colour and texture in every example it appears in', () => {
    const seen = new Map<string, string>();
    for (const ex of EXAMPLES) {
      const ctxs = contextsOf(ex.scenario);
      ownerStyles(ctxs).forEach((st, i) => {
        const key = `${st.colour} ${st.texture} ${st.angle}`;
        const id = `${ctxs[i].kind}:${ctxs[i].id}`;
        // Clashes inside one scenario may move a context; none of the examples has one.
        expect(seen.get(id) ?? key, `${id} in ${ex.id}`).toBe(key);
        seen.set(id, key);
      });
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it('pick the family by kind (texture and palette), including kinds added later', () => {
    for (const [kind, fam] of Object.entries(FAMILIES)) {
      const [st] = ownerStyles([{ id: 'x', kind }]);
      expect(st.texture).toBe(fam.texture);
      expect(fam.shades).toContain(st.colour);
    }
    expect(familyOf('kernel_neon').name).toBe('kernel-mode NEON');
    expect(familyOf('no-such-kind').name).toBe('other');
    expect(familyOf('no-such-kind').shades).not.toContain(SCRATCH_STYLE.colour);
    const textures = Object.values(FAMILIES).map((f) => f.texture);
    expect(new Set(textures).size).toBe(textures.length);
  });

  it('follow a trailing number, so vcpu0 and vcpu1 differ and keep their shades', () => {
    expect(preferredShade('vcpu0', 4)).toBe(0);
    expect(preferredShade('vcpu1', 4)).toBe(1);
    const [a, b] = ownerStyles([
      { id: 'vcpu1', kind: 'vcpu' },
      { id: 'vcpu0', kind: 'vcpu' },
    ]);
    expect(a.colour).toBe(FAMILIES.vcpu.shades[1]);
    expect(b.colour).toBe(FAMILIES.vcpu.shades[0]);
  });

  it('never draw two contexts of one scenario alike, even many of one kind', () => {
    const ctxs = Array.from({ length: 32 }, (_, i) => ({
      id: `t${i % 3 === 0 ? i : `x${i}`}`,
      kind: 'task',
    }));
    const keys = ownerStyles(ctxs).map((s) => `${s.colour} ${s.angle}`);
    // 4 shades x 4 angles: the first 16 of a family are all distinct.
    expect(new Set(keys.slice(0, 16)).size).toBe(16);
  });
});
