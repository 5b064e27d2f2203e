// Said above the form when a link asked for a search too large to start by itself (exploreCost.ts):
// the settings are the link's, and the search waits for Run.
import { heldText } from '../../state/links/exploreCost';
import { useExploreStore } from '../../state/stores/exploreStore';
import { useScenarioStore } from '../../state/stores/scenarioStore';

export function ExploreHeld() {
  const held = useExploreStore((s) => s.held);
  const depth = useExploreStore((s) => s.depth);
  const scenario = useScenarioStore((s) => s.scenario);
  if (!held) return null;
  return (
    <p role="status" className="explore-held">
      {heldText(scenario, depth)}
    </p>
  );
}
