// The user's own scenarios save themselves: an edit to one is written back shortly after.
import { useLibraryStore } from '../stores/libraryStore';
import { useScenarioStore } from '../stores/scenarioStore';

export function startAutosave(delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    const s = useScenarioStore.getState();
    if (s.origin.kind !== 'user' || !s.dirty) return;
    const id = useLibraryStore.getState().save(s.scenario, s.origin.id);
    if (id) s.markSaved({ kind: 'user', id });
  };
  const unsub = useScenarioStore.subscribe((s, prev) => {
    if (s.scenario === prev.scenario || s.origin.kind !== 'user' || !s.dirty) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    flush();
    unsub();
  };
}
