// Every v4.18 ablation has an example scenario (src/scenarios/ablation-<name>.json) in which the
// ablated variant reports the violation the removed statement prevents, at the step where it happens,
// while v4.18 runs the same events clean. Why each one happens is in the scenario's description.
import { describe, expect, it } from 'vitest';
import { createMachine, VARIANTS } from '../../../src/engine';
import { ownerName } from '../../../src/engine/config';
import { loadExample, runUnder } from './helpers';

interface Broken {
  kind: 'lost-update' | 'stale-read' | 'leak' | 'kernel-warning';
  context: string;
  step: number;
}

const EXPECTED: Record<string, Broken> = {
  // softirq NEON after the exit: fpsimd_save() follows the unbound pointer into qemu's storage.
  'no-ctxsync-bind': { kind: 'lost-update', context: 'qemu', step: 6 },
  // TIF stays set after the exit: the next entry traps and reloads vcpu0 over its live newest data.
  'no-ctxsync-clear-foreign': { kind: 'lost-update', context: 'vcpu0', step: 8 },
  // hyp keeps FP_ENABLED after softirq NEON clobbered the registers: the guest reads scratch.
  'no-hyp-foreign-check': { kind: 'stale-read', context: 'vcpu0', step: 8 },
  // put flushes without saving: qemu's reload overwrites the guest's only copy.
  'no-put-save': { kind: 'lost-update', context: 'vcpu0', step: 7 },
  // put saves without flushing: qemu returns to user on the guest's registers.
  'no-put-flush': { kind: 'leak', context: 'qemu', step: 8 },
  // no FP_HOST: the first trap loads the guest over qemu's unsaved registers.
  'no-load-fp-host': { kind: 'lost-update', context: 'qemu', step: 4 },
  // put's flush leaves TIF clear: qemu returns to user on the guest's registers.
  'no-flush-sets-foreign': { kind: 'leak', context: 'qemu', step: 8 },
  // migration back to a CPU whose fpsimd_last_state still names app: app runs on its old copy.
  'no-thread-switch-cpu-check': { kind: 'stale-read', context: 'app', step: 9 },
  // softirq NEON clobbers the bound guest registers without saving them.
  'no-neon-save': { kind: 'lost-update', context: 'vcpu0', step: 6 },
  // Lifecycle ablations: each flush or bind a lifecycle event relies on.
  // exec: fpsimd_cpu stays 0 beside fpsimd_last_state = app, so the switch back clears the flag and
  // the new program reads the old registers (app v1 in the registers, v2 = zeroed state in memory).
  'no-exec-flush': { kind: 'stale-read', context: 'app', step: 7 },
  // sigreturn clears the flag with fpsimd_last_state NULL (kernel_neon at step 7): the switch's
  // fpsimd_save() dereferences NULL.
  'no-sigreturn-bind': { kind: 'kernel-warning', context: 'app', step: 11 },
  // ptrace wrote app v2 to memory while CPU1 still pairs with app's v1 registers.
  'no-ptrace-flush': { kind: 'stale-read', context: 'app', step: 7 },
  // CPU0 lost its registers (nothing known) but still names app in fpsimd_last_state.
  'no-pm-flush': { kind: 'stale-read', context: 'app', step: 7 },
  // app v1 only in the registers; the frame is copied from memory (v0).
  'no-signal-save': { kind: 'stale-read', context: 'app', step: 3 },
};

const ablations = VARIANTS.filter(
  (v) => v.era.id === 'v4.18' && v.ablation !== null && v.historic === null,
).map((v) => v.id.slice('v4.18/'.length));

describe('v4.18 ablations', () => {
  it('are exactly the nine the issue names and the five lifecycle ones', () => {
    expect(ablations.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    '%s: its example breaks where it should, v4.18 runs it clean',
    (name, b) => {
      const sc = loadExample(`ablation-${name}`);
      expect(sc.variant).toBe(`v4.18/${name}`);
      expect(sc.description).toContain('v4.18 without');

      const ablated = runUnder(sc, `v4.18/${name}`);
      expect(ablated.violations.length).toBeGreaterThan(0);
      expect(ablated.violations[0]).toMatchObject(b);
      // Everything it reports happens at that step, to that context: one cause, one place.
      for (const v of ablated.violations) expect([v.step, v.context]).toEqual([b.step, b.context]);
      // The engine keeps the owner's index; the name is that index's, for display.
      const { cfg } = createMachine(
        sc,
        VARIANTS.find((v) => v.id === `v4.18/${name}`)!,
      );
      for (const v of ablated.violations) expect(ownerName(cfg, v.owner)).toBe(v.context);
      expect(b.step).toBe(sc.events.length - 1);

      expect(runUnder(sc, 'v4.18').violations).toEqual([]);
    },
  );

  it('no-ctxsync-clear-foreign also makes the guest read its reloaded old data', () => {
    const r = runUnder(loadExample('ablation-no-ctxsync-clear-foreign'), 'v4.18/no-ctxsync-clear-foreign');
    expect(r.violations.map((v) => v.kind)).toEqual(['lost-update', 'stale-read']);
  });
});
