// The diagram is sized for its whole replay: cards, arrows and legend hold still while stepping, and
// every step's panels and cards fit the frame.
import { beforeEach, describe, expect, it } from 'vitest';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import { diagramModel } from '../../../src/state/viewmodels/diagramModel';
import { randomScenario } from '../../../src/state/scenario/randomScenario';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { resetStores } from '../fixtures';

const st = () => useScenarioStore.getState();
const modelAt = (n: number) => diagramModel(cursorView(st().replay, n));

describe("the diagram's frame", () => {
  beforeEach(() => resetStores(randomScenario({ cpus: 4, events: 600, seed: 7, variant: 'mainline' })));

  it('is one object per replay that every step fits, and as small as the steps allow', () => {
    const { frame } = modelAt(0);
    const most = { cpuRows: 0, ctxRows: 0, contexts: 0 };
    for (let n = 0; n <= st().replay.length; n++) {
      const m = modelAt(n);
      expect(m.frame).toBe(frame);
      most.contexts = Math.max(most.contexts, m.contexts.length);
      for (const c of m.contexts) most.ctxRows = Math.max(most.ctxRows, c.rows.length);
      for (const c of m.cpus) most.cpuRows = Math.max(most.cpuRows, c.rows.length);
    }
    expect(st().replay.events.some((e) => e.op === 'cpu_suspend')).toBe(true);
    // The number of cards and the CPU rows are reached; a card's rows may not be (a task's optional
    // fields may never show together), but never fall short.
    expect(most.contexts).toBe(frame.contexts);
    expect(most.cpuRows).toBe(frame.cpuRows);
    expect(most.ctxRows).toBeLessThanOrEqual(frame.ctxRows);
    expect(frame.contexts).toBeGreaterThan(modelAt(0).contexts.length);
  });

  it('is recomputed when an edit changes the replay', () => {
    const before = modelAt(0).frame;
    st().deleteEvent(0);
    expect(modelAt(0).frame).not.toBe(before);
  });
});
