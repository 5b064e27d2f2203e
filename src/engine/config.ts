// The machine a scenario describes, resolved to indices once so the hot path never looks up strings.
import type { Scenario } from './types';

export type ContextKind = 'task' | 'kthread' | 'vcpu';

export interface ContextInfo {
  id: string;
  kind: ContextKind;
  /** For a task: index of its vcpu context (or -1). For a vcpu: index of its host thread. */
  partner: number;
  /** A vcpu with SVE (`vcpuSve` on its thread); absent otherwise. */
  sve?: true;
}

export interface MachineConfig {
  cpus: number;
  /** Host tasks first (indices 0..nTasks-1), then vcpus (nTasks..). Index = storage index. */
  contexts: ContextInfo[];
  nTasks: number;
  /** Initial current task per CPU (-1: idle). */
  start: number[];
  /**
   * Storage slots beyond the contexts' own: v4.17's per-CPU host context (nContexts + cpu), then each
   * host task's kernel-mode NEON state, thread.kernel_fpsimd_state (nContexts + cpus + task).
   */
  nStorages: number;
  byId: Map<string, number>;
  /** The explorer's bound on pending signal frames per task (absent: none). */
  maxSignalFrames?: number;
  /** system_supports_sve(): the state carries SVE parts (MachineState's `sve` members exist). */
  sve: boolean;
  /** has_vhe(): the host kernel runs at EL2 (false: nVHE, the kernel at EL1 and hyp apart). */
  vhe: boolean;
}

/** Builds the resolved machine; the scenario must already be validated. */
export function buildConfig(sc: Pick<Scenario, 'cpus' | 'tasks' | 'start' | 'sve' | 'vhe'>): MachineConfig {
  const contexts: ContextInfo[] = [];
  const byId = new Map<string, number>();
  for (const t of sc.tasks) {
    byId.set(t.id, contexts.length);
    contexts.push({ id: t.id, kind: t.kthread ? 'kthread' : 'task', partner: -1 });
  }
  const nTasks = contexts.length;
  sc.tasks.forEach((t, i) => {
    if (!t.vcpu) return;
    const v = contexts.length;
    byId.set(t.vcpu, v);
    // One object shape for every context (a spread here gave vcpus a second one, read at every step).
    const vc: ContextInfo = { id: t.vcpu, kind: 'vcpu', partner: i };
    if (t.vcpuSve && sc.sve) vc.sve = true;
    contexts.push(vc);
    contexts[i].partner = v;
  });
  const start: number[] = [];
  for (let c = 0; c < sc.cpus; c++) {
    const id = sc.start[String(c)];
    start.push(id === undefined ? -1 : (byId.get(id) ?? -1));
  }
  return {
    cpus: sc.cpus,
    contexts,
    nTasks,
    start,
    nStorages: contexts.length + sc.cpus + nTasks,
    byId,
    sve: sc.sve === true,
    vhe: sc.vhe !== false,
  };
}

/** The last contextIndex answer: an event's check and its run look the same id up in turn. */
let lastCfg: MachineConfig | null = null;
let lastId = '';
let lastIndex: number | undefined;

/** cfg.byId.get(id): the index of the context named id, or undefined (remembers the last lookup). */
export function contextIndex(cfg: MachineConfig, id: string): number | undefined {
  if (id === lastId && cfg === lastCfg) return lastIndex;
  lastCfg = cfg;
  lastId = id;
  return (lastIndex = cfg.byId.get(id));
}

/**
 * Ghost owner id of task t's kernel-mode NEON data (the context `TASK.kernel`): owners past the
 * contexts' own indices. Its storage slot is kernelStorage(cfg, t).
 */
export const kernelOwner = (cfg: MachineConfig, t: number): number => cfg.contexts.length + t;

/** Storage slot of task t's kernel-mode FP state (thread.kernel_fpsimd_state). */
export const kernelStorage = (cfg: MachineConfig, t: number): number => cfg.contexts.length + cfg.cpus + t;

/** The task whose kernel-mode state a storage slot is, or -1. */
export const kernelStorageTask = (cfg: MachineConfig, s: number): number =>
  s >= cfg.contexts.length + cfg.cpus ? s - cfg.contexts.length - cfg.cpus : -1;

/** Display name of a ghost owner: a context id, or `TASK.kernel` for kernel-mode NEON data. */
export function ownerName(cfg: MachineConfig, o: number): string {
  if (o < cfg.contexts.length) return cfg.contexts[o].id;
  return `${cfg.contexts[o - cfg.contexts.length].id}.kernel`;
}

/** Display name of a storage slot (a context's FP state, a per-CPU host context, a kernel-mode state). */
export function storageName(cfg: MachineConfig, s: number): string {
  if (s < 0) return 'NULL';
  if (s < cfg.contexts.length) return cfg.contexts[s].id;
  const kt = kernelStorageTask(cfg, s);
  if (kt >= 0) return `${cfg.contexts[kt].id}.kernel`;
  return `host_cpu_context[${s - cfg.contexts.length}]`;
}
