// The SVE parts of the result views (fpsimd-result/1 `final`), on SVE machines only: each CPU's vector
// length, EL0 SVE enable and registers' H; each context's V and H parts; each task's TIF_SVE, fp_type
// (eras that have it), vector length, in_syscall() and pending SVE trap; each vcpu's ZCR choice. Era SVE
// fields appear under their kernel names, as the FPSIMD ones do.
import type { Machine } from './machine';
import { FP_TYPE_NAMES, VL_NAMES, type MachineState } from './state';
import { describeState, type CpuView, type ContextView, type StateView } from './describe';

/** Whether the era has thread.fp_type (since v6.2, eras named vMAJOR.MINOR). */
export function eraHasFpType(eraId: string): boolean {
  const m = /^v(\d+)\.(\d+)/.exec(eraId);
  return m !== null && (Number(m[1]) > 6 || (Number(m[1]) === 6 && Number(m[2]) >= 2));
}

/** Adds the SVE parts to describeState's views, in place (a machine without SVE is left as it is). */
export function addSveViews(m: Machine, s: MachineState, cpus: CpuView[], contexts: ContextView[]): void {
  const z = s.ghost.sve;
  if (!m.cfg.sve || !z) return;
  const { cfg } = m;
  const g = s.ghost;
  const fields = m.variant.era.fields.filter((f) => f.sve === true);
  const value = (f: (typeof fields)[number], n: number): unknown => (f.values ? f.values[n] : n !== 0);
  const name = (o: number): string | null => (o >= 0 && o < cfg.contexts.length ? cfg.contexts[o].id : null);
  s.cpus.forEach((c, i) => {
    const p = c.sve;
    if (!p) return;
    const o = z.regHOwner[i];
    const v = cpus[i];
    v.sveVl = VL_NAMES[p.vl];
    v.el0Sve = p.zen;
    v.regsH = { owner: name(o), latest: o >= 0 && z.regHVer[i] === z.newestH[o] };
    for (const f of fields) if (f.scope === 'cpu') v[f.name] = value(f, p.x[f.slot]);
  });
  const fpType = eraHasFpType(m.variant.era.id);
  cfg.contexts.forEach((ctx, i) => {
    // Kernel threads have no user FP data and never run SVE code: nothing to show.
    if (ctx.kind === 'kthread') return;
    const view = contexts[i];
    const has = g.newest[i] >= 0;
    view.v = {
      memLatest: view.memLatest,
      sveStateLatest: !has || (z.zOwner[i] === i && z.zVer[i] === g.newest[i]),
    };
    view.h = {
      dead: z.hDead[i] === 1,
      sveStateLatest: z.newestH[i] < 0 || (z.hOwner[i] === i && z.hVer[i] === z.newestH[i]),
    };
    if (ctx.kind === 'vcpu') {
      const p = s.vcpus[i - cfg.nTasks].sve;
      if (!p) return;
      view.sveVcpu = ctx.sve === true;
      if (ctx.sve) view.zcrVl = VL_NAMES[p.zcr];
      for (const f of fields) if (f.scope === 'vcpu') view[f.name] = value(f, p.x[f.slot]);
      return;
    }
    const t = s.tasks[i].sve;
    if (!t) return;
    view.TIF_SVE = t.tif;
    if (fpType) view.fp_type = FP_TYPE_NAMES[t.fpType];
    view.sveVl = VL_NAMES[t.vl];
    view.inSyscall = t.inSyscall;
    view.sveTrapPending = t.trap;
  });
}

/**
 * The state as `fpsimd-viz run --json` gives it (`final`): describeState's views with, on SVE machines,
 * the flat SVE fields of docs/formats.md added (the app draws describeState's own `sve` parts instead).
 */
export function describeResult(m: Machine, s: MachineState): StateView {
  const view = describeState(m, s);
  addSveViews(m, s, view.cpus, view.contexts);
  return view;
}
