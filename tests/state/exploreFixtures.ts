// Shared by the explorer's store and component tests: a configuration too big to finish quickly, and
// waits on the explore store.
import type { Scenario } from '../../src/engine';
import { useExploreStore } from '../../src/state/stores/exploreStore';

/** Three CPUs, two vcpu threads, a user task and a kernel thread: millions of states at depth 30. */
export function bigScenario(): Scenario {
  return {
    format: 'fpsimd-scenario/1',
    title: 'Big',
    cpus: 3,
    tasks: [
      { id: 'qemu', vcpu: 'vcpu0' },
      { id: 'qemu2', vcpu: 'vcpu1' },
      { id: 'editor' },
      { id: 'kworker', kthread: true },
    ],
    start: { '0': 'qemu', '1': 'editor' },
    events: [],
  };
}

/** Resolves once the explore store's state satisfies pred. */
export function until(pred: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (pred()) return resolve();
    const unsub = useExploreStore.subscribe(() => {
      if (pred()) {
        unsub();
        resolve();
      }
    });
  });
}

/** Resolves once the search has ended (finished or failed). */
export function ended(): Promise<void> {
  return until(() => ['finished', 'failed'].includes(useExploreStore.getState().status));
}
