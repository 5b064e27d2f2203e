// A deep copy of a machine state, written field by field: it is on the checkpoint and explorer paths,
// and a copy made by spreading would be slower and need not keep the original's object shape.
import type { Counters } from './types';
import type { CpuState, GhostState, MachineState, SveGhost, TaskState, VcpuState } from './state';

function cloneCpu(c: CpuState): CpuState {
  const n: CpuState = {
    current: c.current,
    mode: c.mode,
    irqsOff: c.irqsOff,
    fpTrap: c.fpTrap,
    lastState: c.lastState,
    neonBusy: c.neonBusy,
    x: c.x.slice(),
  };
  if (c.sve) n.sve = { zen: c.sve.zen, vl: c.sve.vl, x: c.sve.x.slice() };
  return n;
}

function cloneTask(t: TaskState): TaskState {
  const n: TaskState = {
    cpuField: t.cpuField,
    foreign: t.foreign,
    section: t.section,
    kernelFpstate: t.kernelFpstate,
    kernelCpu: t.kernelCpu,
    frames: t.frames,
  };
  if (t.sve) n.sve = { ...t.sve };
  return n;
}

function cloneVcpu(v: VcpuState): VcpuState {
  const n: VcpuState = { inRun: v.inRun, mapped: v.mapped, x: v.x.slice() };
  if (v.sve) n.sve = { zcr: v.sve.zcr, x: v.sve.x.slice() };
  return n;
}

function cloneSveGhost(g: SveGhost): SveGhost {
  return {
    regHOwner: g.regHOwner.slice(),
    regHVer: g.regHVer.slice(),
    zOwner: g.zOwner.slice(),
    zVer: g.zVer.slice(),
    hOwner: g.hOwner.slice(),
    hVer: g.hVer.slice(),
    newestH: g.newestH.slice(),
    hDead: g.hDead.slice(),
  };
}

/** A deep copy (written by hand: it is on the checkpoint and explorer paths); SVE parts when present. */
export function cloneState(s: MachineState): MachineState {
  const ghost: GhostState = {
    newest: s.ghost.newest.slice(),
    regOwner: s.ghost.regOwner.slice(),
    regVer: s.ghost.regVer.slice(),
    memOwner: s.ghost.memOwner.slice(),
    memVer: s.ghost.memVer.slice(),
  };
  if (s.ghost.sve) ghost.sve = cloneSveGhost(s.ghost.sve);
  const cpus: CpuState[] = [];
  for (const c of s.cpus) cpus.push(cloneCpu(c));
  const tasks: TaskState[] = [];
  for (const t of s.tasks) tasks.push(cloneTask(t));
  const vcpus: VcpuState[] = [];
  for (const v of s.vcpus) vcpus.push(cloneVcpu(v));
  const c = s.counters;
  const counters: Counters = {
    hostSaves: c.hostSaves,
    hostRestores: c.hostRestores,
    guestSaves: c.guestSaves,
    guestRestores: c.guestRestores,
    fpTraps: c.fpTraps,
    irqsOffSaveRestores: c.irqsOffSaveRestores,
  };
  return { cpus, tasks, vcpus, ghost, counters };
}
