// Replay with checkpoints: any step's state equals a linear replay, and illegal events stop it.
import { describe, expect, it } from 'vitest';
import {
  allRecords,
  countersAt,
  createMachine,
  findVariant,
  randomScenario,
  recordAt,
  replay,
  stateAt,
  stepWithRecord,
  initialMachineState,
} from '../../src/engine';

const sc = randomScenario({ cpus: 3, vcpuThreads: 2, tasks: 2, kthreads: 1 }, 10_000, 7);
const m = createMachine(sc, findVariant('v4.18')!);

describe('replay', () => {
  const r = replay(m, sc.events, { every: 64 });

  it('applies a 10,000-event scenario and keeps a checkpoint every 64 events', () => {
    expect(r.length).toBe(10_000);
    expect(r.illegal).toBeNull();
    expect(r.checkpoints).toHaveLength(Math.floor(10_000 / 64) + 1);
  });

  it('gives, at any step, the same state as a linear replay', () => {
    let s = initialMachineState(m);
    const probes = new Set([0, 1, 63, 64, 65, 1000, 4097, 9999, 10_000]);
    for (let i = 0; i <= sc.events.length; i++) {
      if (probes.has(i)) expect(stateAt(r, i)).toEqual(s);
      if (i === sc.events.length) break;
      const res = stepWithRecord(m, s, sc.events[i], i);
      if (!res.ok) throw new Error(res.reason);
      s = res.state;
    }
    expect(r.final).toEqual(s);
  });

  it('keeps cumulative counters and register owners per step', () => {
    expect(countersAt(r, 0)).toEqual(initialMachineState(m).counters);
    expect(countersAt(r, 5000)).toEqual(stateAt(r, 5000).counters);
    expect(countersAt(r, 10_000)).toEqual(r.final.counters);
    const s = stateAt(r, 777);
    expect(Array.from(r.owners.subarray(777 * 3, 778 * 3))).toEqual(s.ghost.regOwner);
  });

  it('gives the record of any step, equal to the one of a linear pass', () => {
    const linear = allRecords(m, sc.events.slice(0, 301));
    expect(recordAt(r, 300)).toEqual(linear.records[300]);
  });

  it('stops at the first illegal event and says why', () => {
    const events = [...sc.events.slice(0, 10), { cpu: 0, op: 'guest_exit' as const }, ...sc.events.slice(10)];
    const bad = replay(m, events);
    if (bad.illegal) {
      expect(bad.illegal.index).toBe(10);
      expect(bad.length).toBe(10);
      expect(bad.illegal.reason).toMatch(/not in a guest|/);
    } else {
      // The random prefix happened to leave CPU0 in a guest: then the inserted exit is legal.
      expect(stateAt(replay(m, sc.events.slice(0, 10)), 10).cpus[0].mode).toBe('guest');
    }
  });
});
