// The machine a scenario describes, resolved to indices once so the hot path never looks up strings.
import type { Scenario } from './types';

export type ContextKind = 'task' | 'kthread' | 'vcpu';

export interface ContextInfo {
  id: string;
  kind: ContextKind;
  /** For a task: index of its vcpu context (or -1). For a vcpu: index of its host thread. */
  partner: number;
}

export interface MachineConfig {
  cpus: number;
  /** Host tasks first (indices 0..nTasks-1), then vcpus (nTasks..). Index = storage index. */
  contexts: ContextInfo[];
  nTasks: number;
  /** Initial current task per CPU (-1: idle). */
  start: number[];
  /** Storage slots beyond the contexts' own (v4.17's per-CPU host context): nContexts + cpu. */
  nStorages: number;
  byId: Map<string, number>;
}

/** Builds the resolved machine; the scenario must already be validated. */
export function buildConfig(sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>): MachineConfig {
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
    contexts.push({ id: t.vcpu, kind: 'vcpu', partner: i });
    contexts[i].partner = v;
  });
  const start: number[] = [];
  for (let c = 0; c < sc.cpus; c++) {
    const id = sc.start[String(c)];
    start.push(id === undefined ? -1 : (byId.get(id) ?? -1));
  }
  return { cpus: sc.cpus, contexts, nTasks, start, nStorages: contexts.length + sc.cpus, byId };
}

/** Display name of a storage slot (a context's FP state, or a per-CPU host context). */
export function storageName(cfg: MachineConfig, s: number): string {
  if (s < 0) return 'NULL';
  if (s < cfg.contexts.length) return cfg.contexts[s].id;
  return `host_cpu_context[${s - cfg.contexts.length}]`;
}
