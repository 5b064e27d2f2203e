// View id (src/state/stores/views.ts) -> component. New views register here; every id must have one.
// Only App imports this registry; the views never import it back (no import circle through it).
import type { ComponentType } from 'react';
import type { ViewId } from '../state/stores/views';
import { lazyPart } from './boundary/ViewBoundary';
import { StepView } from './StepView';

/** What each view is called in an error message. */
export const VIEW_NAMES: Record<ViewId, string> = {
  diagram: 'the step-through view',
  compare: 'the compare view',
  explore: 'the explorer',
  tour: 'the guided tours',
  gallery: 'the bug gallery',
};

// The compare, explore, tour and gallery views are loaded on first use: it keeps the first load's JavaScript
// small. Each has its own error boundary (a failed chunk says so in place, with a retry).
const lazyView = (id: ViewId, load: () => Promise<ComponentType>): ComponentType =>
  lazyPart(() => load().then((c) => ({ default: c })), VIEW_NAMES[id], `Loading ${VIEW_NAMES[id]}…`);

export const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  diagram: StepView,
  compare: lazyView('compare', () => import('./compare/CompareView').then((m) => m.CompareView)),
  explore: lazyView('explore', () => import('./explore/ExploreView').then((m) => m.ExploreView)),
  tour: lazyView('tour', () => import('./tour/TourView').then((m) => m.TourView)),
  gallery: lazyView('gallery', () => import('./gallery/GalleryView').then((m) => m.GalleryView)),
};
