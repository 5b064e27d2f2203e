// The dead-variable reduction's guard: a step that points a CPU at a task's state without writing
// that state's CPU field is refused (the reduction's claim would not hold for it).
import { describe, expect, it } from 'vitest';
import { createMachine, initialMachineState, VARIANTS } from '../../../src/engine';
import { makeLayout, TASK_STRIDE } from '../../../src/engine/explore/codec';
import { deadVariableGuard } from '../../../src/engine/explore/dead';
import { REFERENCE } from './helpers';

describe('deadVariableGuard', () => {
  const m = createMachine(REFERENCE, VARIANTS[0]);
  const L = makeLayout(m.cfg, initialMachineState(m), 'abstract', m.variant.era.fields);
  const before = new Uint8Array(L.size);
  const editor = 1; // REFERENCE's tasks: qemu, editor, kworker
  const pointed = (): Uint8Array => {
    const after = before.slice();
    after[1 * L.cpuStride + 4] = editor + 1; // CPU 1's fpsimd_last_state: editor's user state
    return after;
  };

  it('accepts a step that writes the CPU field with the pointer', () => {
    const field = L.taskBase + editor * TASK_STRIDE;
    expect(deadVariableGuard(L, before, pointed(), (p) => p === field)).toBeNull();
  });

  it('refuses a step that does not, naming the CPU and task', () => {
    expect(deadVariableGuard(L, before, pointed(), () => false)).toMatch(
      /CPU 1's fpsimd_last_state .* task 1/,
    );
  });

  it('ignores a pointer that did not move', () => {
    const same = pointed();
    expect(deadVariableGuard(L, same, same, () => false)).toBeNull();
  });
});
