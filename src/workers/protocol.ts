// Messages between the app and the explorer's worker. One search at a time per worker; a search is
// named by the id the app gave it, so late messages of an earlier search are told apart.
import type { Scenario } from '../engine';
import type { Counterexample, ExploreProgress, ExploreResult } from '../engine/explore';

/**
 * The part of a scenario the search starts from (its events are not used): the machine, with its SVE
 * fields when it has them (an SVE machine searched without them would be an FPSIMD-only one).
 */
export type ExploreConfig = Pick<Scenario, 'cpus' | 'tasks' | 'start' | 'sve' | 'vhe'>;

export interface StartMessage {
  type: 'start';
  id: number;
  config: ExploreConfig;
  variant: string;
  depth: number;
  symmetry: boolean;
  /** Dead-variable reduction (the explorer's `dead` option; docs/explorer.md). */
  dead: boolean;
  /**
   * Every renaming of CPUs (symmetry 'cpus', exact per context) when symmetry is off; absent in a
   * message of an earlier build: only the renamings fixing the start.
   */
  cpus?: boolean;
  /** Stop (incomplete) at this many distinct states: keeps the tab's memory bounded. */
  maxStates: number;
  /** Stop once the first depth with a violation is finished (the explorer's stopAtViolation 'depth'). */
  first?: boolean;
  /** Stop (incomplete, stopped 'time-limit') after this many seconds. */
  timeLimitSeconds?: number;
  /** Web Workers searching together (1: the explorer's worker alone); absent: one per core. */
  workers?: number;
}

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToExplorer = StartMessage | CancelMessage;

export interface ProgressMessage {
  type: 'progress';
  id: number;
  progress: ExploreProgress;
  /** The violations found so far, when they changed (sent at most about once a second). */
  found?: Counterexample[];
}

export interface DoneMessage {
  type: 'done';
  id: number;
  result: ExploreResult;
  /** Wall time of the whole search in the worker, setup included (the bench compares it with Node). */
  elapsedMs: number;
}

export interface ErrorMessage {
  type: 'error';
  id: number;
  message: string;
}

export type FromExplorer = ProgressMessage | DoneMessage | ErrorMessage;
