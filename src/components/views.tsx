// View id (src/state/views.ts) -> component. New views register here; every id must have one.
import { lazy, Suspense, type ComponentType } from 'react';
import type { ViewId } from '../state/views';
import { StepView } from './StepView';

// The compare view is loaded on first use: it keeps the first load's JavaScript small.
const LazyCompareView = lazy(() => import('./compare/CompareView').then((m) => ({ default: m.CompareView })));

function CompareView() {
  return (
    <Suspense fallback={<p className="hint">Loading the compare view…</p>}>
      <LazyCompareView />
    </Suspense>
  );
}

// The explore view and its worker are loaded on first use too.
const LazyExploreView = lazy(() => import('./explore/ExploreView').then((m) => ({ default: m.ExploreView })));

function ExploreView() {
  return (
    <Suspense fallback={<p className="hint">Loading the explorer…</p>}>
      <LazyExploreView />
    </Suspense>
  );
}

// The guided tours are loaded on first use as well.
const LazyTourView = lazy(() => import('./tour/TourView').then((m) => ({ default: m.TourView })));

function TourView() {
  return (
    <Suspense fallback={<p className="hint">Loading the tours…</p>}>
      <LazyTourView />
    </Suspense>
  );
}

export const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  diagram: StepView,
  compare: CompareView,
  explore: ExploreView,
  tour: TourView,
};
