// The Promela export: the model of a configuration and variant for the Spin model checker.
export {
  promelaModel,
  promelaGaps,
  PROMELA_ERAS,
  eraHooks,
  ablationMacro,
  PROMELA_ALPHABET,
  LIFECYCLE_HOOKS,
  LIFECYCLE_ABLATIONS,
  type PromelaOptions,
} from './model';
export { PROMELA_OPS } from './events.pml';
export type { PromelaEra } from './era';
