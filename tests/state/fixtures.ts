// Small scenarios for the store and component tests (kept here so the examples can change freely).
import type { Scenario } from '../../src/engine';
import { useLibraryStore } from '../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { useViewStore } from '../../src/state/stores/viewStore';

/** One VMM thread: user FP, KVM_RUN, a trapping guest FP access, exit, put, back to user. */
export function guestScenario(): Scenario {
  const ops = [
    'ret_to_user',
    'user_fp',
    'vcpu_load',
    'guest_enter',
    'guest_fp',
    'guest_exit',
    'guest_enter',
    'guest_fp',
    'guest_exit',
    'vcpu_put',
    'ret_to_user',
    'user_fp',
  ] as const;
  return {
    format: 'fpsimd-scenario/1',
    title: 'Guest first FP',
    description: 'A VMM thread and its vcpu.',
    variant: 'v4.18',
    cpus: 1,
    tasks: [{ id: 'qemu', vcpu: 'vcpu0' }],
    start: { '0': 'qemu' },
    events: ops.map((op) => ({ cpu: 0, op })),
  };
}

/** Two CPUs, a plain task, a kernel thread, an idle CPU, notes. */
/** One SVE CPU where gdb runs and app is its stopped tracee: user space, then a syscall, then `more`. */
export function sveTraceScenario(more: Scenario['events'] = [], variant?: string): Scenario {
  return {
    format: 'fpsimd-scenario/1',
    title: 'SVE',
    ...(variant ? { variant } : {}),
    sve: true,
    cpus: 1,
    tasks: [{ id: 'app' }, { id: 'gdb' }],
    start: { '0': 'gdb' },
    events: [{ cpu: 0, op: 'ret_to_user' }, { cpu: 0, op: 'syscall' }, ...more],
  };
}

export function twoCpuScenario(): Scenario {
  return {
    format: 'fpsimd-scenario/1',
    title: 'Two CPUs',
    cpus: 2,
    tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
    start: { '0': 'qemu' },
    events: [
      { cpu: 0, op: 'ret_to_user', note: 'qemu goes to user space.' },
      { cpu: 1, op: 'schedule', task: 'editor' },
      { cpu: 1, op: 'ret_to_user' },
      { cpu: 1, op: 'user_fp', note: 'The editor uses FP.' },
      { cpu: 1, op: 'syscall' },
      { cpu: 1, op: 'kernel_neon' },
    ],
  };
}

/** Resets every store to a known state with this scenario open. */
export function resetStores(sc: Scenario = guestScenario(), variant?: string): void {
  useNoticeStore.getState().clear();
  useLibraryStore.setState({ items: [], shared: null, store: null, unkept: null });
  useViewStore.setState({
    view: 'diagram',
    embed: false,
    paletteCpu: 0,
    playing: false,
    speed: 2,
    libraryOpen: false,
  });
  useScenarioStore.getState().open(sc, { kind: 'generated' }, { variant });
}

/** An in-memory Storage for library tests. */
export function memoryStorage(init: Record<string, string> = {}): Storage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => void data.delete(k),
    setItem: (k: string, v: string) => void data.set(k, String(v)),
  };
}

/**
 * memoryStorage with a quota, counted like browsers do (characters of keys and values): a write that
 * would pass it throws QuotaExceededError and changes nothing.
 */
export function quotaStorage(
  quota: number,
  init: Record<string, string> = {},
): Storage & { data: Map<string, string> } {
  const store = memoryStorage(init);
  const used = (): number => [...store.data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  store.setItem = (k: string, v: string) => {
    const value = String(v);
    const next =
      used() - (store.data.has(k) ? k.length + store.data.get(k)!.length : 0) + k.length + value.length;
    if (next > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    store.data.set(k, value);
  };
  return store;
}
