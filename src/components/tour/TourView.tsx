// The tour view (`view=tour`): the tours on offer, then the scenario on screen played one step at a
// time, its note beside the diagram. Any scenario can be played this way; the tours are examples
// whose every step carries a note.
import { useScenarioStore } from '../../state/scenarioStore';
import { tourOf } from '../../state/tourModel';
import { DiagramPanel } from '../diagram/DiagramPanel';
import { TourPicker } from './TourPicker';
import { TourStage } from './TourStage';
import { useTourKeys } from './useTourKeys';
import './tour.css';

export function TourView() {
  useTourKeys();
  const origin = useScenarioStore((s) => s.origin);
  const tour = tourOf(origin);
  return (
    <div className="tour-view">
      <TourPicker current={tour} />
      <div className="split">
        <TourStage tour={tour} />
        <div className="tour-diagram">
          <DiagramPanel chrome={false} />
        </div>
      </div>
    </div>
  );
}
