// `check --unlike BASE`: the differential search (engine explore/differential.ts) in place of the
// explorer's, with what it takes: dead variables only (a renaming would act on both variants at once),
// one thread, the same depth, --first, --time-limit and --max-states.
import { sveProblem, variantOrError, type Scenario, type Variant } from '../engine';
import type { Op } from '../engine/types';
import { exploreUnlike, type UnlikeResult } from '../engine/explore/differential';
import { UsageError } from './io';
import type { Reduction } from './reduce';
import { esc } from './text';

/** The --unlike variant, checked as --variant is. */
export function unlikeOption(id: string, sc: Scenario, file: string): Variant {
  const v = variantOrError(id);
  if (typeof v === 'string') throw new UsageError(`--unlike: ${esc(v)}`);
  const sve = sveProblem(sc, v);
  if (sve !== null) throw new UsageError(`${file}: --unlike ${esc(v.id)}: ${esc(sve)}`);
  return v;
}

/** The reductions the differential search takes: dead variables, or none; anything else is refused. */
export function unlikeReductions(given: ReadonlySet<Reduction> | undefined): Set<Reduction> {
  if (given === undefined) return new Set<Reduction>(['dead']);
  const other = [...given].filter((r) => r !== 'dead');
  if (other.length)
    throw new UsageError(
      `--reduce ${other.join(',')}: --unlike takes dead variables only (a renaming would have to act on both variants at once)`,
    );
  return new Set(given);
}

export interface UnlikeRun {
  depth: number;
  ops: readonly Op[];
  maxStates: number | undefined;
  dead: boolean;
  first: boolean;
  timeLimitMs: number | undefined;
  shouldStop: () => boolean;
}

/** Runs the differential search of `variant` against `base` on `sc`'s machine. */
export const runUnlike = (sc: Scenario, variant: Variant, base: Variant, o: UnlikeRun): UnlikeResult =>
  exploreUnlike(sc, variant, base, {
    depth: o.depth,
    ops: o.ops,
    maxStates: o.maxStates,
    dead: o.dead,
    stopAtViolation: o.first ? 'depth' : false,
    timeLimitMs: o.timeLimitMs,
    shouldStop: o.shouldStop,
  });
