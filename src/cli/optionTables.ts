// Every command's options in one place: one table per command (long name and type), read by
// parseOptions (options.ts), which adds --help and --output to each. To add an option, add a row here.
import type { OptionTable } from './options';

const string = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

export const RUN_OPTIONS = { variant: string, json: flag } as const satisfies OptionTable;

export const CHECK_OPTIONS = {
  variant: string,
  depth: string,
  first: flag,
  'time-limit': string,
  ops: string,
  reduce: string,
  workers: string,
  'max-states': string,
  unlike: string,
  json: flag,
} as const satisfies OptionTable;

export const VARIANTS_OPTIONS = { json: flag } as const satisfies OptionTable;

export const EXPORT_OPTIONS = {
  promela: flag,
  variant: string,
  depth: string,
  ops: string,
  multicore: flag,
} as const satisfies OptionTable;

export const GALLERY_OPTIONS = {
  variant: string,
  machine: flag,
  'sve-machine': flag,
  json: flag,
} as const satisfies OptionTable;

export const IMPORT_TRAIL_OPTIONS = {
  trail: string,
  'spin-output': string,
  link: string,
} as const satisfies OptionTable;

export const SPIN_OPTIONS = {
  variant: string,
  depth: string,
  ops: string,
  cores: string,
  swarm: string,
  memory: string,
  cflags: string,
  dir: string,
  link: string,
  json: flag,
} as const satisfies OptionTable;
