// The compare view's SVE rows: per variant at the cursor, marked where they differ; none without SVE.
import { describe, expect, it } from 'vitest';
import { findVariant, type Scenario } from '../../../src/engine';
import { replayFor, type Compared } from '../../../src/state/viewmodels/compareModel';
import { sveRowsAt } from '../../../src/state/viewmodels/compareSve';
import { guestScenario, sveTraceScenario } from '../fixtures';

const sve: Scenario = sveTraceScenario([{ cpu: 0, op: 'ptrace_setsve', task: 'app' }]);

const compared = (sc: Scenario, ids: string[]): Compared[] =>
  ids.map((id) => {
    const variant = findVariant(id)!;
    return { variant, replay: replayFor(sc, variant) };
  });

describe('SVE rows of the compare view', () => {
  it('has none on an FPSIMD-only machine', () => {
    expect(sveRowsAt(compared(guestScenario(), ['v4.18', 'v6.13']), 3)).toEqual([]);
  });

  it('gives each CPU’s H, EL0 SVE and VL and each task’s H and TIF_SVE per variant', () => {
    const rows = sveRowsAt(compared(sve, ['v6.13', 'v6.15']), 3);
    expect(rows.map((r) => r.label)).toEqual([
      "CPU0 registers' H",
      'CPU0 EL0 SVE',
      'CPU0 vector length',
      "app's H",
      'app TIF_SVE',
      "gdb's H",
      'gdb TIF_SVE',
    ]);
    const app = rows.find((r) => r.label === "app's H")!;
    // The tracer wrote app's SVE registers: live H in its sve_state under both eras.
    expect(app.values).toEqual(['live: sve_state', 'live: sve_state']);
    expect(app.differs).toBe(false);
    expect(sveRowsAt(compared(sve, ['v6.13']), 0).find((r) => r.label === "app's H")!.values).toEqual([
      'dead (ABI)',
    ]);
  });
});
