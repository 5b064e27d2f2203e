// View id (src/state/stores/views.ts) -> component. New views register here; every id must have one.
import type { ComponentType } from 'react';
import type { ViewId } from '../state/stores/views';
import { lazyPart } from './boundary/ViewBoundary';
import { StepView } from './StepView';

// The compare, explore, tour and gallery views are loaded on first use: it keeps the first load's JavaScript
// small. Each has its own error boundary (a failed chunk says so in place, with a retry).
const CompareView = lazyPart(
  () => import('./compare/CompareView').then((m) => ({ default: m.CompareView })),
  'the compare view',
  'Loading the compare view…',
);
const ExploreView = lazyPart(
  () => import('./explore/ExploreView').then((m) => ({ default: m.ExploreView })),
  'the explorer',
  'Loading the explorer…',
);
const TourView = lazyPart(
  () => import('./tour/TourView').then((m) => ({ default: m.TourView })),
  'the guided tours',
  'Loading the tours…',
);

const GalleryView = lazyPart(
  () => import('./gallery/GalleryView').then((m) => ({ default: m.GalleryView })),
  'the bug gallery',
  'Loading the bug gallery…',
);

export const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  diagram: StepView,
  compare: CompareView,
  explore: ExploreView,
  tour: TourView,
  gallery: GalleryView,
};

/** What each view is called in an error message. */
export const VIEW_NAMES: Record<ViewId, string> = {
  diagram: 'the step-through view',
  compare: 'the compare view',
  explore: 'the explorer',
  tour: 'the guided tours',
  gallery: 'the bug gallery',
};
