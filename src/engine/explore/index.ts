// The explorer's public surface (for the CLI's `check`, the app's worker, tests and the bench).
export {
  createSearch,
  explore,
  exploreAsync,
  DEFAULT_MAX_STATES,
  type Counterexample,
  type ExploreOptions,
  type ExploreProgress,
  type ExploreResult,
  type Search,
} from './search';
export { MAX_STORE_STATES } from './store';
export type { VersionMode } from './codec';
export { eventAlphabet, EXPLORER_OPS } from './alphabet';
