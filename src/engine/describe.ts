// Plain views of a machine state for the JSON output (fpsimd-result/1 `final`) and the UI.
import { storageName } from './config';
import type { Machine } from './machine';
import { NOTHING, SCRATCH, type MachineState } from './state';
import type { Mode } from './types';

export interface CpuView {
  id: number;
  current: string | null;
  mode: Mode;
  regs: { owner: string | null; latest: boolean };
  lastState: string | null;
  irqsDisabled: boolean;
  [kernelName: string]: unknown;
}

export interface ContextView {
  id: string;
  kind: 'task' | 'kthread' | 'vcpu';
  cpuField?: number | null;
  foreignFpstate?: boolean;
  memLatest: boolean;
  /** vcpus: inside KVM_RUN (loaded on some CPU or preempted while loaded). */
  inRun?: boolean;
  [kernelName: string]: unknown;
}

export interface StateView {
  cpus: CpuView[];
  contexts: ContextView[];
}

export function describeState(m: Machine, s: MachineState): StateView {
  const { cfg } = m;
  const g = s.ghost;
  const name = (i: number): string | null => (i >= 0 && i < cfg.contexts.length ? cfg.contexts[i].id : null);
  const fieldValue = (f: (typeof m.variant.era.fields)[number], n: number): unknown =>
    f.values ? f.values[n] : n !== 0;
  const cpus = s.cpus.map((c, i): CpuView => {
    const o = g.regOwner[i];
    const v: CpuView = {
      id: i,
      current: name(c.current),
      mode: c.mode,
      regs: {
        owner: o === SCRATCH ? 'kernel-neon' : o === NOTHING ? null : name(o),
        latest: o >= 0 && g.regVer[i] === g.newest[o],
      },
      // A pointer past the contexts names a per-CPU storage (v4.17's host context), not nothing.
      lastState: c.lastState < 0 ? null : storageName(cfg, c.lastState),
      irqsDisabled: c.irqsOff,
    };
    for (const f of m.variant.era.fields) if (f.scope === 'cpu') v[f.name] = fieldValue(f, c.x[f.slot]);
    return v;
  });
  const contexts = cfg.contexts.map((ctx, i): ContextView => {
    const memLatest = g.newest[i] < 0 || (g.memOwner[i] === i && g.memVer[i] === g.newest[i]);
    if (ctx.kind !== 'vcpu') {
      const t = s.tasks[i];
      return {
        id: ctx.id,
        kind: ctx.kind,
        cpuField: t.cpuField < 0 ? null : t.cpuField,
        foreignFpstate: t.foreign,
        memLatest,
      };
    }
    const vs = s.vcpus[i - cfg.nTasks];
    const v: ContextView = { id: ctx.id, kind: 'vcpu', memLatest, inRun: vs.inRun };
    for (const f of m.variant.era.fields) if (f.scope === 'vcpu') v[f.name] = fieldValue(f, vs.x[f.slot]);
    return v;
  });
  return { cpus, contexts };
}
