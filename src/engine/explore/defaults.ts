// The exact reductions a search gets when the user names none (the CLI without --reduce, the app's
// Explore view for a new search): the ones that keep the answer's form (one shortest counterexample
// per kind and context) and make the search faster on that machine. docs/explorer.md, "Fast by default".

/**
 * CPU renaming pays up to this many CPUs (at most 24 renamings of CPUs): measured 2 to 3 times faster
 * on 3 and 4 CPUs; on 8 CPUs its canonical forms (up to 720 renamings a state) made the search about 4
 * times slower a state and went past the stated memory bound.
 */
export const CPU_RENAMING_MAX_CPUS = 4;

export interface DefaultReductions {
  /** Dead variables (dead.ts): always, no cost in time or memory. */
  dead: true;
  /** Every renaming of CPUs ('cpus' symmetry), on machines of at most CPU_RENAMING_MAX_CPUS CPUs. */
  cpus: boolean;
}

/**
 * The default for a machine of `cpus` CPUs. Not `classes` (renamings of interchangeable contexts that
 * move the start): it reports one violation per class of contexts, another form of answer.
 */
export function defaultReductions(cpus: number): DefaultReductions {
  return { dead: true, cpus: cpus <= CPU_RENAMING_MAX_CPUS };
}
