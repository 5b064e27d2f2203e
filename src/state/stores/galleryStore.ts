// The gallery view's state: which entry is shown (`entry=ID` in its links), and the two ways into an
// entry's bug: its example at the violating step, or the explorer's own search from the gallery machine.
import { create } from 'zustand';
import type { Scenario, ViolationKind } from '../../engine';
import { useBeforeStore } from './beforeStore';
import { useExploreStore } from './exploreStore';
import {
  findEntry,
  galleryEntries,
  galleryMachineFor,
  GALLERY_VIEW,
  type GalleryEntry,
} from '../viewmodels/galleryModel';
import type { LinkParamProvider, LinkParams } from '../links/linkTypes';
import { useNoticeStore } from './noticeStore';
import { useScenarioStore } from './scenarioStore';
import { guardReplace } from './unsavedGuard';
import { useViewStore } from './viewStore';
import { DEFAULT_VIEW } from './views';

/** The violation an entry's story is about, as the explorer's results are marked with it. */
export interface GalleryStory {
  variant: string;
  kind: ViolationKind;
  context: string | null;
}

export interface GalleryState {
  /** The entry shown (a historic variant's id); null shows the first. */
  entry: string | null;
  /** The entry whose search found the explorer busy: it offers to stop that search and start its own. */
  busyFor: string | null;
  /** The story of the entry whose search was last started from the gallery. */
  story: GalleryStory | null;
  select(id: string): void;
}

export const useGalleryStore = create<GalleryState>()((set) => ({
  entry: null,
  busyFor: null,
  story: null,
  select: (id) => set({ entry: findEntry(id)?.id ?? null, busyFor: null }),
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
      .open(example, { kind: 'example', id: e.exampleId }, { variant: e.variant.id, step: violatingCursor });
    // At its violating step, the example shows the state before the step with the lost data marked.
    useBeforeStore.getState().setShown(true);
    useViewStore.getState().setView(DEFAULT_VIEW);
  });
}

const busy = (): boolean => {
  const { status } = useExploreStore.getState();
  return status === 'running' || status === 'cancelling';
};

/** Stops the explorer's search, resolved once it has stopped. */
function stopSearch(): Promise<void> {
  return new Promise((resolve) => {
    if (!busy()) return resolve();
    const unsubscribe = useExploreStore.subscribe(() => {
      if (busy()) return;
      unsubscribe();
      resolve();
    });
    useExploreStore.getState().cancel();
  });
}

/**
 * Opens the entry's machine in the Explore view, set to the variant and depth its gallery search states
 * (an SVE entry: its fixed base, machine and depth, with dead variables, stopping at the first violating
 * depth), and starts the search there (the explorer's own worker and results). A search already running
 * is left alone, and the entry offers to stop it and start this one (`stopRunning`). The Explore view
 * has no differential search: an entry searched against its base (`unlike`) says so in the gallery.
 */
export async function findWithExplorer(
  e: GalleryEntry,
  opts: { stopRunning?: boolean } = {},
): Promise<boolean> {
  if (busy()) {
    if (!opts.stopRunning) {
      useGalleryStore.setState({ busyFor: e.id });
      return false;
    }
    await stopSearch();
  }
  useGalleryStore.setState({ busyFor: null });
  return guardReplace(`explore the gallery machine under ${e.id}`, () => {
    useGalleryStore.setState({
      story: e.violation
        ? { variant: e.search.variant, kind: e.violation.kind, context: e.violation.context }
        : null,
    });
    useViewStore.getState().setPlaying(false);
    useScenarioStore
      .getState()
      .open(
        JSON.parse(JSON.stringify(galleryMachineFor(e))) as Scenario,
        { kind: 'generated' },
        { variant: e.search.variant },
      );
    // The gallery's search as the gallery states it: none of the form's early stops left over.
    useExploreStore.setState({
      variant: e.search.variant,
      depth: e.search.depth,
      symmetry: false,
      first: e.search.sve,
      ...(e.search.sve ? { dead: true } : {}),
      timeLimit: null,
    });
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
  const found = findEntry(p.entry);
  const known = found !== null;
  useGalleryStore.setState({ entry: found?.id ?? null });
  if (known || p.entry === undefined) return [];
  return [`entry=${p.entry.slice(0, 60)} is not an entry of the gallery; showing the first entry`];
}

/** `entry=ID` in links to the gallery (linkRegistry.ts). */
export const galleryLinkParams: LinkParamProvider = {
  read: galleryParams,
  apply: applyGalleryParams,
  subscribe: (listener) =>
    useGalleryStore.subscribe((s, prev) => {
      if (s.entry !== prev.entry) listener();
    }),
};
