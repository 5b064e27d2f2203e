// The fixed parts of one search (or of one worker of a partitioned search): the machine, its encoding
// and packing, the event alphabet, the symmetries states are identified under, the store and the
// transition cache, all sized from the options.
import { createMachine, initialMachineState } from '../machine';
import type { Scenario } from '../types';
import type { Variant } from '../variants';
import { OPS } from '../types';
import { DEFAULT_MAX_SIGNAL_FRAMES, eventAlphabet, explorerOps, machineOps } from './alphabet';
import { makeLayout } from './codec';
import { createMemo } from './memo';
import { createSleepSets } from './sleep';
import { createDeadVariables, deadVariableGuard } from './dead';
import { cloneState } from '../state';
import { makePacking } from './pack';
import { createStore, MAX_STORE_STATES } from './store';
import { canonCacheBytes, type StateSpace } from './successors';
import { cacheBudget, defaultMaxStates, sleepBytesPerState, type MemoryShape } from './memory';
import { cpuRenamings, identity, stabilizer, symmetryGroup } from './symmetry';
import { symmetryMode, type ExploreOptions } from './searchTypes';

/** The fixed parts of a search: machine, encoding, alphabet, symmetries, store and cache. */
export function stateSpace(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start' | 'sve' | 'vhe'>,
  variant: Variant,
  opts: ExploreOptions,
): StateSpace & { memory: MemoryShape } {
  const m = createMachine(sc, variant);
  m.cfg.maxSignalFrames = opts.maxSignalFrames ?? DEFAULT_MAX_SIGNAL_FRAMES;
  const ops = explorerOps(machineOps(m.cfg, opts.ops ?? OPS));
  const alphabet = eventAlphabet(m.cfg, ops);
  const s0 = initialMachineState(m);
  // Every era field, SVE ones included: codec.ts sizes the FPSIMD `x` bytes from the fields without
  // `sve` and codecSve.ts the SVE `sve.x` bytes from those with it (filtering them out here would leave
  // the SVE fields' ranges at 2: an enumerated SVE field such as v6.x's to_save then fails checkRange).
  const L = makeLayout(m.cfg, s0, opts.versions ?? 'abstract', variant.era.fields);
  const P = makePacking(L);
  const mode = symmetryMode(opts.symmetry);
  const guard =
    opts.dead === true
      ? (before: Uint8Array, after: Uint8Array, written: (p: number) => boolean) =>
          deadVariableGuard(L, before, after, written)
      : undefined;
  const sleep = opts.cache !== false && opts.sleep === true;
  const memory: MemoryShape = {
    W: P.W,
    fixedBytes: 0,
    cacheBytes: opts.cache === false ? 0 : (opts.cacheBytes ?? cacheBudget(opts.maxBytes)),
    extraPerState: sleep ? sleepBytesPerState(alphabet.length) : 0,
  };
  const memo =
    opts.cache === false
      ? null
      : createMemo(m, L, alphabet, cloneState(s0), P, guard, {
          budgetBytes: memory.cacheBytes,
          footprints: sleep,
          ...(opts.cacheSeed && !sleep ? { seed: opts.cacheSeed } : {}),
        });
  const stabAll = mode === 'exact' || mode === 'cpus' ? stabilizer(m.cfg, L, s0) : [identity(m.cfg)];
  // A variant whose code writes the number of CPU 0 is symmetric only under renamings that keep it.
  const pin = <T extends { cpu: ArrayLike<number> }>(g: T[]): T[] =>
    variant.historic?.pinsCpu0 ? g.filter((x) => x.cpu[0] === 0) : g;
  const stab = pin(stabAll);
  const group = pin(
    mode === 'classes' ? symmetryGroup(m.cfg) : mode === 'cpus' ? cpuRenamings(m.cfg, stab) : stab,
  );
  memory.fixedBytes = canonCacheBytes(P.W, group.length);
  const limit = opts.maxStates ?? defaultMaxStates(P.W, opts.maxBytes, memory);
  return {
    memory,
    orbitGroup: mode === 'classes' ? group : stab,
    m,
    L,
    P,
    ops,
    alphabet,
    group,
    st: createStore(P.W, Math.min(limit, MAX_STORE_STATES)),
    memo,
    dead: opts.dead === true ? createDeadVariables(L, P) : null,
    sleep: memo !== null && sleep ? createSleepSets(alphabet.length) : null,
    s0,
  };
}
