// Structural sharing is kept per diagram: two diagrams on one page (the step view and a compare column,
// say) showing different steps in turn each reuse their own unchanged panels, cards and rows.
import { beforeEach, describe, expect, it } from 'vitest';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import {
  createDiagramMemo,
  diagramModel,
  type DiagramModel,
} from '../../../src/state/viewmodels/diagramModel';
import { randomScenario } from '../../../src/state/scenario/randomScenario';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { resetStores } from '../fixtures';

const st = () => useScenarioStore.getState();
const cvAt = (n: number) => cursorView(st().replay, n);

/** Panels, cards and rows of `next` equal to `prev`'s at the same place, and those not the same object. */
function unshared(prev: DiagramModel, next: DiagramModel): { equal: number; notSame: number } {
  let equal = 0;
  let notSame = 0;
  const count = <T>(a: T, b: T): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) return;
    equal++;
    if (a !== b) notSame++;
  };
  next.cpus.forEach((c, i) => {
    count(prev.cpus[i], c);
    c.rows.forEach((r, j) => count(prev.cpus[i]?.rows[j], r));
  });
  next.contexts.forEach((c, i) => {
    count(prev.contexts[i], c);
    c.rows.forEach((r, j) => count(prev.contexts[i]?.rows[j], r));
  });
  return { equal, notSame };
}

describe("the diagram model's sharing", () => {
  beforeEach(() => resetStores(randomScenario({ cpus: 4, events: 200, seed: 11, variant: 'v4.18' })));

  it('is kept per diagram when two diagrams show far-apart steps in turn', () => {
    const a = createDiagramMemo();
    const b = createDiagramMemo();
    let prevA = a(cvAt(20));
    let prevB = b(cvAt(150));
    let equal = 0;
    for (let k = 1; k <= 10; k++) {
      const nextA = a(cvAt(20 + k));
      const nextB = b(cvAt(150 + k));
      for (const [p, n] of [
        [prevA, nextA],
        [prevB, nextB],
      ]) {
        const u = unshared(p, n);
        expect(u.notSame).toBe(0);
        equal += u.equal;
      }
      prevA = nextA;
      prevB = nextB;
    }
    // A step changes a panel or two: most of both diagrams was reused.
    expect(equal).toBeGreaterThan(200);
  });

  it("reuses a diagram's unchanged objects, while a model built on its own shares nothing", () => {
    const memo = createDiagramMemo();
    const first = memo(cvAt(40));
    const again = memo(cvAt(41));
    const fresh = diagramModel(cvAt(41));
    expect(unshared(first, again).notSame).toBe(0);
    const apart = unshared(first, fresh);
    expect(apart.equal).toBeGreaterThan(0);
    expect(apart.notSame).toBe(apart.equal);
  });
});
