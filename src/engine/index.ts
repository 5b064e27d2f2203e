// The engine's public surface: everything the CLI, the stores, the worker and the tests import.
export * from './types';
export * from './scenario';
export * from './textin';
export * from './limits';
export * from './variants';
export * from './history/types';
export * from './gallery';
export * from './sveCheck';
export * from './machine';
export * from './replay';
export * from './describe';
export type { MachineState } from './state';
export type { StepRecord, CallNode, FieldChange, Target } from './trace';
export { flattenCalls } from './trace';
export type { Era, EraField, Ablatable } from './era';
export { whyIllegal } from './events';
export * from './random';
export * from './opHooks';
