// The messages of the partitioned (multi-core) search between its coordinator and its workers
// (partitionCoordinator.ts, partition.ts), and how the coordinator merges the workers' findings. Plain
// data and typed arrays only, so that any transport carries them: worker_threads in Node, Web Workers
// in the browser, a queue in one thread (tests).
import type { Scenario, Op, ViolationKind } from '../types';
import type { VersionMode } from './codec';
import type { Counterexample } from './findings';
import type { MemoryReading } from './memory';
import type { MemoSnapshot } from './memoSeed';
import type { ExploreProgress, SymmetryMode } from './searchTypes';

/** The search every worker runs its part of (ExploreOptions without the callbacks). */
export interface PartitionOptions {
  depth: number;
  symmetry: SymmetryMode;
  ops: readonly Op[];
  maxSignalFrames?: number;
  versions?: VersionMode;
  cache?: boolean;
  dead?: boolean;
  /** Most distinct states, over all workers together (default: as many as fit in maxBytes). */
  maxStates?: number;
  maxBytes?: number;
  stopAtViolation?: boolean;
}

export interface PartitionSpec {
  config: Pick<Scenario, 'cpus' | 'tasks' | 'start'>;
  /** A variant id (variants.ts). */
  variant: string;
  options: PartitionOptions;
  /** Number of workers, and this worker's index (states whose hash falls in its share are its own). */
  workers: number;
  index: number;
  /** What a one-thread trial of the same search learned: every worker's cache starts from it. */
  cache?: MemoSnapshot;
}

/** Where a worker stands: its store, its level (an id range) and how far it has expanded it. */
export interface PartitionStats {
  count: number;
  levelStart: number;
  levelEnd: number;
  cursor: number;
  transitions: number;
  bytes: number;
  /** Its store refused a state (the state limit). */
  full: boolean;
  /** It stopped expanding on a cancel. */
  cancelled: boolean;
  found: number;
  /** Packed words per state, and the state limit of the whole search. */
  W: number;
  limit: number;
  cache: { misses: number; outcomes: number; treeWords: number } | null;
}

/** A finding, with its parent as a global id (local id × workers + worker) and the level it was found at. */
export interface PartitionFound {
  parent: number;
  event: number;
  kind: ViolationKind;
  ctx: number;
  key: string;
  level: number;
}

export type ToPartition =
  | { type: 'init'; spec: PartitionSpec }
  /** Expand every state of the next level (the states stored since the last level began). */
  | { type: 'level'; level: number }
  /**
   * Successors this worker owns, found by another: records of W words, hash, parent (global id),
   * event | sym << 16.
   */
  | { type: 'states'; batch: Int32Array<ArrayBuffer> }
  /** Every batch of the level has been delivered before this: report the new level's size. */
  | { type: 'barrier' }
  | { type: 'cancel' }
  | { type: 'report' }
  /** How these states (global ids it owns) were reached, and their ancestors as far as it owns them. */
  | { type: 'chains'; ids: number[] };

export type FromPartition =
  | { type: 'states'; to: number; batch: Int32Array<ArrayBuffer> }
  | { type: 'progress'; stats: PartitionStats }
  /** Its share of the level is expanded (or it stopped), and every batch it found has been sent. */
  | { type: 'expanded'; stats: PartitionStats }
  | { type: 'leveled'; stats: PartitionStats }
  | { type: 'report'; stats: PartitionStats; found: PartitionFound[] }
  /** Triples: global id, parent's global id (-1: the root), event | sym << 16. */
  | { type: 'chains'; entries: Int32Array<ArrayBuffer> }
  | { type: 'error'; message: string };

/** What the coordinator tells its caller while the search runs, and its time limit. */
export interface CoordinatorHooks {
  onProgress?: (p: ExploreProgress) => void;
  progressEveryMs?: number;
  timeLimitMs?: number;
  /** The violations found so far, at the end of a level that found more (at most every foundEveryMs). */
  onFound?: (found: Counterexample[]) => void;
  /** The memory the process holds (as ExploreOptions.memoryUsage): all its threads. */
  memoryUsage?: () => MemoryReading | null;
  foundEveryMs?: number;
  /** Sent to every worker with the search (PartitionSpec.cache). */
  cacheSeed?: MemoSnapshot;
}

const byRank = (a: number[], b: number[]): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Every worker's findings merged: per key the one of least depth (then worker, then order), by depth. */
export function mergeFindings(reports: { found: PartitionFound[] }[]): PartitionFound[] {
  const best = new Map<string, { f: PartitionFound; rank: number[] }>();
  reports.forEach((r, w) =>
    r.found.forEach((f, i) => {
      const rank = [f.level, w, i];
      const b = best.get(f.key);
      if (!b || byRank(rank, b.rank) < 0) best.set(f.key, { f, rank });
    }),
  );
  return [...best.values()].sort((a, b) => byRank(a.rank, b.rank)).map((b) => b.f);
}
