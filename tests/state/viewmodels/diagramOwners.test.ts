// The diagram's owners are those of the whole replay: a context keeps its colour, texture and legend
// entry at every step, whether or not a kernel-mode NEON owner comes or goes beside it.
import { beforeEach, describe, expect, it } from 'vitest';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import { diagramModel } from '../../../src/state/viewmodels/diagramModel';
import { randomScenario } from '../../../src/state/scenario/randomScenario';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { resetStores } from '../fixtures';

const st = () => useScenarioStore.getState();
const modelAt = (n: number) => diagramModel(cursorView(st().replay, n));

describe("the diagram's owners", () => {
  beforeEach(() => resetStores(randomScenario({ cpus: 4, events: 600, seed: 7, variant: 'mainline' })));

  it('lists every owner the replay shows, kernel-mode NEON owners included, once per replay', () => {
    const first = modelAt(0);
    const seen = new Set<string>();
    let kernelCards = 0;
    for (let n = 0; n <= st().replay.length; n += 1) {
      const m = modelAt(n);
      expect(m.owners).toBe(first.owners);
      expect(m.styles).toBe(first.styles);
      for (const c of m.contexts) {
        seen.add(c.id);
        if (c.kind === 'kernel_neon') kernelCards++;
        // Index, colour and texture come from the replay's list, the same at every step.
        expect(first.owners[c.index]).toEqual({ id: c.id, kind: c.kind });
        expect(c.style).toStrictEqual(first.styles[c.index]);
      }
    }
    expect(kernelCards).toBeGreaterThan(0);
    expect(new Set(first.owners.map((o) => o.id))).toEqual(seen);
  });

  it('draws a CPU register tile in its owner colour from the same list', () => {
    for (let n = 0; n <= st().replay.length; n += 25)
      for (const cpu of modelAt(n).cpus)
        if (cpu.regs.ownerIndex >= 0) {
          expect(modelAt(n).owners[cpu.regs.ownerIndex].id).toBe(cpu.regs.owner);
          expect(cpu.regs.style).toStrictEqual(modelAt(n).styles[cpu.regs.ownerIndex]);
        }
  });
});
