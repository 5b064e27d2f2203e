// The Promela export: the model of a configuration and variant for the Spin model checker.
export {
  promelaModel,
  promelaGaps,
  PROMELA_ERAS,
  eraHooks,
  PROMELA_SVE_HOOKS,
  promelaCovers,
  PROMELA_ALPHABET,
  type PromelaOptions,
} from './model';
export { ablationMacro, ablationNumber, opsMask, promelaOwners, RUNTIME_ENV } from './declare';
export { PROMELA_OPS } from './events.pml';
export type { PromelaEra } from './era';
