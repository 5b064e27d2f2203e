// Every historic variant (ERA/pre-COMMIT12, a real kernel fix undone) has an example scenario,
// src/scenarios/history-COMMIT12.json, in which the pre-fix code reports the violation the fix
// prevents, at the asserted step, while the era as fixed runs the same events clean.
import { describe, expect, it } from 'vitest';
import { VARIANTS, type ViolationKind } from '../../../src/engine';
import { loadExample, runUnder } from './helpers';

interface Broken {
  kind: ViolationKind;
  context: string | null;
  step: number;
}

const EXPECTED: Record<string, Broken> = {
  // CPU_PM_ENTER leaves fpsimd_last_state naming app; the power-down destroys the registers; app is
  // switched back in, its flag cleared from the stale binding, and its FP code reads garbage.
  'v4.17/pre-7c68a9cc0402': { kind: 'stale-read', context: 'app', step: 7 },
  // exec zeroes app's memory but leaves it bound; a switch away and back clears the flag; the new
  // program reads the old program's registers.
  'v4.17/pre-674c242c9323': { kind: 'stale-read', context: 'app', step: 7 },
  // The preempt notifier's vcpu_put runs with IRQs off: local_bh_enable() warns at the schedule.
  'v4.18/pre-b045e4d0f392': { kind: 'kernel-warning', context: 'qemu', step: 6 },
  // shell's section migrates to CPU0 and is loaded there without a flush; app's binding survives,
  // its reload is elided and it reads shell's kernel-mode NEON data.
  'v6.15/pre-e92bee9f861b': { kind: 'stale-read', context: 'app', step: 10 },
  // The debugger writes app's saved state; without the flush app's old registers stay bound and
  // are trusted when it resumes on CPU0.
  'v6.15/pre-751ecf6afd65': { kind: 'stale-read', context: 'app', step: 6 },
};

const historic = VARIANTS.filter((v) => v.historic !== null);

describe('historic variants', () => {
  it('each has an expectation here, and each names its commit, date and what it changed', () => {
    expect(historic.map((v) => v.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const v of historic) {
      const h = v.historic!;
      expect(v.id).toBe(`${v.era.id}/pre-${h.commit}`);
      expect(h.commit).toMatch(/^[0-9a-f]{12}$/);
      expect(h.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(h.statements.length).toBeGreaterThan(0);
      for (const s of [h.subject, h.affected, h.story, h.before, h.fix, h.source])
        expect(s.length).toBeGreaterThan(10);
    }
  });

  it.each(historic.map((v) => [v.id, v] as const))(
    '%s: its example breaks where it should; the era as fixed runs it clean',
    (id, v) => {
      const b = EXPECTED[id];
      const sc = loadExample(`history-${v.historic!.commit}`);
      expect(sc.variant).toBe(id);
      const broken = runUnder(sc, id);
      expect(broken.violations[0]).toMatchObject(b);
      for (const x of broken.violations) expect(x.step).toBe(b.step);
      expect(runUnder(sc, v.era.id).violations).toEqual([]);
    },
  );
});
