// The Promela export: the model of a configuration and variant for the Spin model checker.
export {
  promelaModel,
  promelaGaps,
  PROMELA_ERAS,
  eraHooks,
  ablationMacro,
  type PromelaOptions,
} from './model';
export { PROMELA_OPS } from './events.pml';
export type { PromelaEra } from './era';
