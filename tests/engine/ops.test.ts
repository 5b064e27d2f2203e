// The engine's op table (src/engine/ops.ts): one row per op, read by the drivers, the link codec and
// the Promela writer.
import { describe, expect, it } from 'vitest';
import { OPS, TASK_OPS } from '../../src/engine';
import { isLifecycleOp, OP_TABLE } from '../../src/engine/ops';
import { EVENTS_PML, PROMELA_OPS } from '../../src/engine/promela/events.pml';

describe('the op table', () => {
  it('has one row per op, in the order of OPS', () => {
    expect(Object.keys(OP_TABLE)).toEqual([...OPS]);
  });

  it('names a task exactly for the ops the scenario format gives a task', () => {
    expect(OPS.filter((op) => OP_TABLE[op].task)).toEqual([...TASK_OPS]);
  });

  it('sends the section and lifecycle ops to lifecycle.ts', () => {
    // The ops appended with them, from kernel_neon_begin to cpu_suspend.
    const from = OPS.indexOf('kernel_neon_begin');
    expect(OPS.filter(isLifecycleOp)).toEqual(OPS.slice(from, OPS.indexOf('cpu_suspend') + 1));
    expect(from).toBeGreaterThan(0);
  });

  it('gives each op with a Promela name its guard and body in the model', () => {
    for (const op of OPS) {
      const name = OP_TABLE[op].promela;
      if (name === null) {
        expect(PROMELA_OPS[op]).toBeNull();
        continue;
      }
      expect(PROMELA_OPS[op]).toEqual({ guard: `CAN_${name}`, body: `op_${name}` });
      expect(EVENTS_PML).toMatch(new RegExp(`#define CAN_${name}\\(`));
      expect(EVENTS_PML).toMatch(new RegExp(`inline op_${name}\\(`));
    }
  });
});
