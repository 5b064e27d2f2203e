// The tour view (`view=tour`): the tours on offer, then the scenario on screen played one step at a
// time, its note beside the diagram. Any scenario can be played this way; the tours are examples
// whose every step carries a note. The stage and the diagram share the screen's height (the diagram
// is drawn whole inside its box), so a step never needs scrolling; on a phone the view is one screen
// tall and brought into view when it opens.
import { useEffect, useRef } from 'react';
import { useBeforeStore } from '../../state/stores/beforeStore';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { tourOf } from '../../state/viewmodels/tourModel';
import { DiagramPanel } from '../diagram/DiagramPanel';
import { TourPicker } from './TourPicker';
import { TourStage } from './TourStage';
import { useTourKeys } from './useTourKeys';
import './tour.css';

export function TourView() {
  useTourKeys();
  const origin = useScenarioStore((s) => s.origin);
  const tour = tourOf(origin);
  const ref = useRef<HTMLDivElement>(null);
  // A tour's violating step shows the state before it beside the state after it.
  useEffect(() => useBeforeStore.getState().setShown(true), []);
  useEffect(() => {
    if (window.matchMedia?.('(max-width: 899px)').matches) ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div className="tour-view" ref={ref}>
      <TourPicker current={tour} />
      <div className="tour-split">
        <TourStage tour={tour} />
        <div className="tour-diagram">
          <DiagramPanel chrome={false} contain />
        </div>
      </div>
    </div>
  );
}
