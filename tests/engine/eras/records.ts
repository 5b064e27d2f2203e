// Helpers for the per-function era tests: one CPU with a VMM thread and a kernel thread, events by op,
// and look-ups into a step's record (nested calls, statements, field changes).
import { expect } from 'vitest';
import {
  allRecords,
  createMachine,
  findVariant,
  flattenCalls,
  type CallNode,
  type Scenario,
  type ScenarioEvent,
  type StepRecord,
} from '../../../src/engine';

export const ONE = {
  cpus: 1,
  tasks: [
    { id: 'qemu', vcpu: 'vcpu0' },
    { id: 'kworker', kthread: true },
  ],
  start: { '0': 'qemu' },
};
export const SC: Scenario = { format: 'fpsimd-scenario/1', title: 't', ...ONE, events: [] };

/** Events on CPU0, an op or [op, task]. */
export const ev = (...ops: (ScenarioEvent['op'] | [ScenarioEvent['op'], string])[]): ScenarioEvent[] =>
  ops.map((o) => (Array.isArray(o) ? { cpu: 0, op: o[0], task: o[1] } : { cpu: 0, op: o }));

/** A VMM thread's FP use, KVM_RUN, and one guest entry with FP and its exit. */
export const GUEST_RUN = ev('ret_to_user', 'user_fp', 'vcpu_load', 'guest_enter', 'guest_fp', 'guest_exit');

export function records(variant: string, events: ScenarioEvent[]): StepRecord[] {
  const out = allRecords(createMachine(ONE, findVariant(variant)!), events);
  expect(out.illegal).toBeNull();
  return out.records;
}
export const names = (r: StepRecord): string[] => flattenCalls(r.calls);
export function find(calls: CallNode[], name: string): CallNode | undefined {
  for (const c of calls) {
    if (c.name === name) return c;
    const inner = find(c.children, name);
    if (inner) return inner;
  }
  return undefined;
}
export const change = (r: StepRecord, path: string) => r.changes.find((c) => c.path === path);
