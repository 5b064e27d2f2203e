// check's --reduce: the names of the exact reductions, the list a user gives, and the default when
// none is given (defaultReductions: dead variables, and CPU renaming on small machines).
import { defaultReductions } from '../engine/explore/defaults';
import { UsageError } from './io';
import { esc } from './text';

export const REDUCTIONS = ['dead', 'cpus', 'classes', 'sleep'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

/** The reductions of a search given no --reduce, on a machine of `cpus` CPUs. */
export function defaultReduce(cpus: number): Set<Reduction> {
  const d = defaultReductions(cpus);
  return new Set<Reduction>(d.cpus ? ['dead', 'cpus'] : ['dead']);
}

/**
 * The --reduce list: known names, comma-separated, each at most once, or none (the plain search);
 * undefined when absent (then defaultReduce, once the machine is known).
 */
export function parseReductions(flag: string | undefined): Set<Reduction> | undefined {
  const out = new Set<Reduction>();
  if (flag === undefined) return undefined;
  if (flag.trim() === 'none') return out;
  for (const name of flag.split(',')) {
    const r = REDUCTIONS.find((x) => x === name.trim());
    if (r === undefined)
      throw new UsageError(
        `--reduce: unknown reduction "${esc(name)}" (expected none or ${REDUCTIONS.join(', ')})`,
      );
    out.add(r);
  }
  return out;
}

/** The explorer's options for a set of reductions. */
export function reduceOptions(reduce: ReadonlySet<Reduction>): {
  dead: boolean;
  sleep: boolean;
  symmetry: 'classes' | 'cpus' | 'exact';
} {
  return {
    dead: reduce.has('dead'),
    sleep: reduce.has('sleep'),
    symmetry: reduce.has('classes') ? 'classes' : reduce.has('cpus') ? 'cpus' : 'exact',
  };
}

export const reductionText = (r: Reduction): string =>
  r === 'dead'
    ? 'dead variables'
    : r === 'sleep'
      ? 'sleep sets'
      : r === 'cpus'
        ? 'every renaming of CPUs'
        : 'every renaming (a violation is reported once per kind and class of interchangeable contexts)';
