import { describe, expect, it } from 'vitest';
import { createMachine, findVariant, replay, validateScenario } from '../../../src/engine';
import { randomScenario } from '../../../src/state/scenario/randomScenario';

describe('randomScenario', () => {
  it('makes valid scenarios whose every event is legal', () => {
    const sc = randomScenario({ cpus: 4, events: 500, seed: 5 });
    expect(validateScenario(sc).ok).toBe(true);
    const r = replay(createMachine(sc, findVariant('v4.18')!), sc.events);
    expect(r.illegal).toBeNull();
    expect(r.length).toBe(500);
  });

  it('is deterministic for a seed', () => {
    const a = randomScenario({ cpus: 2, events: 50, seed: 9 });
    const b = randomScenario({ cpus: 2, events: 50, seed: 9 });
    const c = randomScenario({ cpus: 2, events: 50, seed: 10 });
    expect(a).toEqual(b);
    expect(a.events).not.toEqual(c.events);
  });
});
