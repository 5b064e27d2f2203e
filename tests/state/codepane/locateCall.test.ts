import { describe, expect, it } from 'vitest';
import { createMachine, ERAS, findVariant, recordAt, replay } from '../../../src/engine';
import { EXAMPLES } from '../../../src/scenarios';
import { stepCode } from '../../../src/state/codepane/codeView';
import { codeAt, example, executedText, sourcesOf } from './helpers';

describe('where a call is modelled', () => {
  it('picks the copy of an inline call that the event runs (v4.17 entry and exit)', () => {
    const sc = example('guest-first-fp');
    const entry = codeAt(sc, 'v4.17', 3).find((b) => b.name === '__kvm_vcpu_run_nvhe')!;
    expect(entry.inside).toBe('v4_17.guest_entry');
    const exit = codeAt(sc, 'v4.17', 5).find((b) => b.name === '__kvm_vcpu_run_nvhe')!;
    expect(exit.inside).toBe('__kvm_vcpu_run_exit');
    expect(exit.executed).toEqual(['save-guest', 'restore-host']);
    expect(executedText(exit)).toContain('memoryToRegs(k, host_cpu_context(k));');
  });
  it('finds the source of every call of every example under every era', () => {
    let calls = 0;
    for (const { scenario } of EXAMPLES)
      for (const era of ERAS) {
        const v = findVariant(era.id)!;
        const r = replay(createMachine(scenario, v), scenario.events);
        for (let i = 0; i < r.length; i++) {
          const rec = recordAt(r, i);
          for (const b of stepCode(rec.calls, era, rec.event.op, sourcesOf(v))) {
            calls++;
            expect(b.source, `${b.name} of ${era.id}`).not.toBeNull();
            expect(b.lines.length).toBeGreaterThan(0);
            // Every label the call executed is marked on some line.
            for (const s of b.executed)
              expect(
                b.lines.some((l) => l.marker?.includes(s) && l.executed),
                `${b.name}: ${s}`,
              ).toBe(true);
          }
        }
      }
    expect(calls).toBeGreaterThan(500);
  }, 30_000);
});
