// Whether a scenario is already in My scenarios: an imported file identical to a saved scenario (as
// files print them) is the same scenario, not a new one to add.
import { printScenario, type Scenario } from '../../engine';
import type { SavedScenario } from './storage';

/** The saved scenario identical to `scenario`, or null. */
export function savedCopyOf(items: readonly SavedScenario[], scenario: Scenario): SavedScenario | null {
  const text = printScenario(scenario);
  return items.find((it) => printScenario(it.scenario) === text) ?? null;
}
