// The gallery view's state: which entry is shown (`entry=ID` in its links), and the two ways into an
// entry's bug: its example at the violating step, or the explorer's own search from the gallery machine.
import { create } from 'zustand';
import { GALLERY_DEPTH, GALLERY_MACHINE } from '../engine';
import { useExploreStore } from './exploreStore';
import { findEntry, galleryEntries, GALLERY_VIEW, type GalleryEntry } from './galleryModel';
import { registerLinkParams, type LinkParams } from './linkParams';
import { useNoticeStore } from './noticeStore';
import { useScenarioStore } from './scenarioStore';
import { guardReplace } from './unsavedGuard';
import { useViewStore } from './viewStore';
import { DEFAULT_VIEW } from './views';

export interface GalleryState {
  /** The entry shown (a historic variant's id); null shows the first. */
  entry: string | null;
  select(id: string): void;
}

export const useGalleryStore = create<GalleryState>()((set) => ({
  entry: null,
  select: (id) => set({ entry: findEntry(id) ? id : null }),
}));

/** The entry on show: the chosen one, or the first. */
export function shownEntry(id: string | null): GalleryEntry | null {
  return findEntry(id) ?? galleryEntries()[0] ?? null;
}

/** Opens the entry's example in the step-through view at its violating step (unsaved edits asked about). */
export function openAtViolation(e: GalleryEntry): Promise<boolean> {
  const { example, violatingCursor } = e;
  if (!example || violatingCursor === null) {
    useNoticeStore
      .getState()
      .push(
        'error',
        'This example cannot be opened',
        `No example "${e.exampleId}" shows a violation under ${e.id}.`,
      );
    return Promise.resolve(false);
  }
  return guardReplace(`open the example of ${e.id}`, () => {
    useViewStore.getState().setPlaying(false);
    useScenarioStore
      .getState()
      .open(example, { kind: 'example', id: e.exampleId }, { variant: e.id, step: violatingCursor });
    useViewStore.getState().setView(DEFAULT_VIEW);
  });
}

/**
 * Opens the gallery machine in the Explore view, set to the entry's variant and the gallery depth, and
 * starts the search there (the explorer's own worker and results). A search already running is left
 * alone, and the user told.
 */
export function findWithExplorer(e: GalleryEntry): Promise<boolean> {
  const status = useExploreStore.getState().status;
  if (status === 'running' || status === 'cancelling') {
    useNoticeStore
      .getState()
      .push('error', 'The explorer is busy', 'A search is running: cancel it in the Explore view first.');
    return Promise.resolve(false);
  }
  return guardReplace(`explore the gallery machine under ${e.id}`, () => {
    useViewStore.getState().setPlaying(false);
    useScenarioStore
      .getState()
      .open(
        JSON.parse(JSON.stringify(GALLERY_MACHINE)) as typeof GALLERY_MACHINE,
        { kind: 'generated' },
        { variant: e.id },
      );
    useExploreStore.setState({ variant: e.id, depth: GALLERY_DEPTH, symmetry: false });
    useViewStore.getState().setView('explore');
    useExploreStore.getState().start();
  });
}

function galleryParams(view: string): LinkParams {
  if (view !== GALLERY_VIEW) return {};
  const { entry } = useGalleryStore.getState();
  return entry ? { entry } : {};
}

function applyGalleryParams(p: LinkParams, view: string): string[] {
  if (view !== GALLERY_VIEW) return [];
  const known = findEntry(p.entry) !== null;
  useGalleryStore.setState({ entry: known ? p.entry : null });
  if (known || p.entry === undefined) return [];
  return [`entry=${p.entry.slice(0, 60)} is not an entry of the gallery; showing the first entry`];
}

registerLinkParams({
  read: galleryParams,
  apply: applyGalleryParams,
  subscribe: (listener) =>
    useGalleryStore.subscribe((s, prev) => {
      if (s.entry !== prev.entry) listener();
    }),
});
