// The explorer's public surface (for the CLI's `check`, the app's worker, tests and the bench).
export {
  createSearch,
  explore,
  exploreAsync,
  DEFAULT_MAX_BYTES,
  defaultMaxStates,
  storeBytesPerState,
  type Counterexample,
  type ExploreOptions,
  type ExploreProgress,
  type ProgressEstimate,
  type ExploreResult,
  type Search,
  type StopReason,
  type MemoryReading,
  type MemoryReport,
} from './search';
export { boundBytes, RUNTIME_BYTES, DEFAULT_CACHE_BYTES } from './memory';
export { MAX_STORE_STATES } from './store';
export type { VersionMode } from './codec';
export { eventAlphabet, explorerOps, EXPLORER_OPS, CLASSIC_OPS, DEFAULT_MAX_SIGNAL_FRAMES } from './alphabet';
