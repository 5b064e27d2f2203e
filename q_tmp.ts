import { findVariant } from './src/engine';
import { CLASSIC_OPS, explore } from './src/engine/explore';
const REF = { cpus: 2, tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }], start: { '0': 'qemu', '1': 'editor' } };
const v = findVariant('v4.18')!;
for (const [name, ops, depth] of [['all', undefined, 11], ['all', undefined, 12], ['classic', CLASSIC_OPS, 14]] as const) {
  const c0 = process.cpuUsage();
  const r = explore(REF, v, { depth, ops });
  const c = process.cpuUsage(c0);
  console.log(name, depth, r.states, r.transitions, r.seconds.toFixed(2), 'cpu', ((c.user + c.system) / 1e6).toFixed(2), Math.round(r.states / r.seconds), 'states/s', JSON.stringify(r.cache));
}
