// Another tab wrote the library (the browser's `storage` event): this tab reads it again, so its list
// shows that tab's saves, and says so when the scenario it has open was changed or deleted there. Nothing
// of this tab's is lost: edits not yet saved, or a scenario deleted there, are kept as a new scenario.
import { useLibraryStore, keptApart, sameItem } from '../stores/libraryStore';
import { useNoticeStore } from '../stores/noticeStore';
import { useScenarioStore } from '../stores/scenarioStore';
import { LIBRARY_KEY } from './storage';

/** Reads the library again and settles the scenario on screen with it. */
export function libraryChangedElsewhere(): void {
  const lib = useLibraryStore.getState();
  const before = lib.reload();
  if (!before) return;
  const s = useScenarioStore.getState();
  if (s.origin.kind !== 'user') return;
  const id = s.origin.id;
  const was = before.find((i) => i.id === id);
  const now = useLibraryStore.getState().items.find((i) => i.id === id);
  if (sameItem(was, now)) return;
  if (now && !s.dirty) {
    // Nothing here that is not stored: show the version saved there.
    s.open(now.scenario, { kind: 'user', id }, { variant: s.variantId, step: s.cursor });
    useNoticeStore
      .getState()
      .push(
        'info',
        `“${now.scenario.title}” was changed in another tab`,
        'This tab now shows the version saved there.',
      );
    return;
  }
  // Edits here not yet saved over a changed scenario, or a scenario deleted there: kept as a new one.
  const saved = useLibraryStore.getState().save(s.scenario);
  if (!saved) return;
  useScenarioStore.getState().markSaved({ kind: 'user', id: saved });
  keptApart(s.scenario.title, now ? 'changed' : 'deleted');
}

/** Listens for other tabs' writes to the library; returns a function that stops listening. */
export function watchLibrary(
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const onStorage = (e: StorageEvent): void => {
    // key null: the whole storage was cleared.
    if (e.key === LIBRARY_KEY || e.key === null) libraryChangedElsewhere();
  };
  win.addEventListener('storage', onStorage);
  return () => win.removeEventListener('storage', onStorage);
}
