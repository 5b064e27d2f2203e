// Types of ensure-system-deps.mjs, for its tests.
export interface SystemDep {
  pkg: string;
  command: string;
  why: string;
}
export interface Probe {
  env: Record<string, string | undefined>;
  uid: number;
  exists(file: string): boolean;
  onPath(command: string): boolean;
}
export type Plan =
  | { action: 'none' }
  | { action: 'install'; packages: string[]; manual: string; commands: string[][] }
  | { action: 'error'; message: string };
export const DEFAULT_CHROMIUM: string;
export const SYSTEM_DEPS: readonly SystemDep[];
export function planSystemDeps(probe: Probe, deps?: readonly SystemDep[]): Plan;
export function machineProbe(env?: Record<string, string | undefined>): Probe;
export function ensureSystemDeps(probe?: Probe): number;
