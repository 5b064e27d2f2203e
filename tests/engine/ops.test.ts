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
    expect(OPS.filter(isLifecycleOp)).toEqual([
      'kernel_neon_begin',
      'kernel_fp',
      'kernel_neon_end',
      'signal',
      'sigreturn',
      'exec',
      'ptrace_setfp',
      'idle',
      'cpu_suspend',
    ]);
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
