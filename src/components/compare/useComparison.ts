// The compare view's data: the scenario store's scenario and cursor, and the compared variants' replays
// (cached by scenario and variant; the scenario store's own replay is reused when its variant is shown).
import { useMemo } from 'react';
import { compareReplays, seedReplay, type Compared } from '../../state/viewmodels/compareModel';
import { useCompareStore } from '../../state/stores/compareStore';
import { useScenarioStore } from '../../state/stores/scenarioStore';

export interface Comparison {
  items: Compared[];
  cursor: number;
}

export function useComparison(): Comparison {
  const scenario = useScenarioStore((s) => s.scenario);
  const mainReplay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const ids = useCompareStore((s) => s.variants);
  const items = useMemo(() => {
    seedReplay(scenario, mainReplay);
    return compareReplays(scenario, ids);
  }, [scenario, mainReplay, ids]);
  return { items, cursor };
}
