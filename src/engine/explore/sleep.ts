// Sleep sets (partial-order reduction that keeps every state): an event that commutes with the event
// that led to a state, and was already tried from its parent (or was asleep there), is not tried again
// from the state: both orders reach the same state, and one of them was explored.
//
// Independence is decided per state from what the two steps read and write (footprint.ts): t and u
// are independent at s when neither changes a byte the other's path or legality read (their paths,
// hence their patches, violations and legality, are the same in either order) and they write no byte
// in common. Breadth-first, a state's sleep set is the intersection over every arrival at its own
// (shortest) depth, which all happen before it is expanded; later, longer arrivals are ignored. Every
// state is still visited at its shortest depth, and a violation a slept event would report at a state
// is reported by the same event one step earlier (see docs/explorer.md): states, violations and
// shortest lengths are those of the plain search; only transitions are saved.
import type { MachineConfig } from '../config';
import type { ScenarioEvent } from '../types';
import { eventIndex } from './alphabet';
import { mapEvent, type Perm } from './symmetry';

export interface SleepSets {
  /** Words per set (one bit per alphabet event). */
  readonly words: number;
  /** Copies the sleep set of state id (in the level being expanded) into out. */
  load(id: number, out: Int32Array): void;
  /** The sleep set of a new state of the next level. */
  set(id: number, z: Int32Array): void;
  /** Another arrival at a state of the next level: keeps only what both arrivals put to sleep. */
  meet(id: number, z: Int32Array): void;
  /** First id of the next level (the states the expansion of this level finds). */
  readonly nextStart: number;
  /** The next level becomes the one expanded; its states end at `end` (exclusive). */
  nextLevel(end: number): void;
  /** Bytes held. */
  bytes(): number;
}

function ensure(a: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (length <= a.length) return a;
  const b = new Int32Array(Math.max(length, a.length * 2));
  b.set(a);
  return b;
}

/** Sleep sets of two breadth-first levels: the one being expanded and the next. */
export function createSleepSets(alphabetSize: number): SleepSets {
  const words = Math.max(1, Math.ceil(alphabetSize / 32));
  let cur = new Int32Array(words); // level 0: the root, nothing asleep
  let curStart = 0;
  let next = new Int32Array(1024 * words);
  let nextStart = 1;
  return {
    words,
    get nextStart() {
      return nextStart;
    },
    load(id, out) {
      const at = (id - curStart) * words;
      for (let i = 0; i < words; i++) out[i] = cur[at + i];
    },
    set(id, z) {
      const at = (id - nextStart) * words;
      next = ensure(next, at + words);
      for (let i = 0; i < words; i++) next[at + i] = z[i];
    },
    meet(id, z) {
      const at = (id - nextStart) * words;
      for (let i = 0; i < words; i++) next[at + i] &= z[i];
    },
    nextLevel(end) {
      [cur, next] = [next, cur];
      curStart = nextStart;
      nextStart = end;
      next.fill(0);
    },
    bytes: () => (cur.length + next.length) * 4,
  };
}

/** Per renaming of the group, the index each alphabet event is renamed to. */
export function renamedEvents(
  cfg: MachineConfig,
  alphabet: readonly ScenarioEvent[],
  group: readonly Perm[],
): Int32Array[] {
  return group.map((g) =>
    Int32Array.from(alphabet, (ev) => {
      const i = eventIndex(alphabet, mapEvent(cfg, g, ev));
      if (i < 0) throw new Error(`explorer: renamed event ${ev.op} is outside the alphabet`);
      return i;
    }),
  );
}

/** z renamed event by event through `to` (a renamedEvents entry) into out. */
export function renameSet(z: Int32Array, to: Int32Array, out: Int32Array): void {
  out.fill(0);
  for (let w = 0; w < z.length; w++)
    for (let bits = z[w]; bits !== 0; bits &= bits - 1) {
      const e = w * 32 + (31 - Math.clz32(bits & -bits));
      const r = to[e];
      out[r >>> 5] |= 1 << (r & 31);
    }
}
