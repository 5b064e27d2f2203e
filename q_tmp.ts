import { VARIANTS } from './src/engine';
import { explore } from './src/engine/explore';
const REF = { cpus: 2, tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }], start: { '0': 'qemu', '1': 'editor' } };
const SYM = { cpus: 2, tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'alice' }, { id: 'bob' }, { id: 'kworker', kthread: true }], start: { '0': 'qemu', '1': 'alice' } };
const TWO = { cpus: 2, tasks: [{ id: 'alice' }, { id: 'bob' }], start: {} };
const v = (id: string) => VARIANTS.find((x) => x.id === id)!;
const t = (name: string, f: () => { states: number; seconds: number; exhausted: boolean; exploredDepth: number }) => {
  const r = f(); console.log(name, r.states, r.seconds.toFixed(2), r.exhausted, r.exploredDepth);
};
for (const id of ['v4.18', 'mainline']) {
  t(id + ' ref d7 exact nocache', () => explore(REF, v(id), { depth: 7, versions: 'exact', cache: false }));
  t(id + ' ref d8 exact nocache', () => explore(REF, v(id), { depth: 8, versions: 'exact', cache: false }));
  t(id + ' sym d7 off', () => explore(SYM, v(id), { depth: 7, symmetry: 'off' }));
  t(id + ' two exhaust off', () => explore(TWO, v(id), { depth: 100, symmetry: 'off', maxStates: 3e6 }));
}
