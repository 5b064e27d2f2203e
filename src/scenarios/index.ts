// The example scenarios shipped with the app (every src/scenarios/*.json, picked up by Vite's glob).
import type { Scenario } from '../engine';

export interface ExampleScenario {
  /** File name without .json; stable, used in links. */
  id: string;
  scenario: Scenario;
}

const files = import.meta.glob<Scenario>('./*.json', { eager: true, import: 'default' });

export const DEFAULT_EXAMPLE_ID = 'guest-first-fp';

/** The default first, then the situations, then the ablation demonstrations, each group by file name. */
export const EXAMPLES: readonly ExampleScenario[] = Object.entries(files)
  .map(([path, scenario]) => ({ id: path.replace(/^\.\/|\.json$/g, ''), scenario }))
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

function rank(id: string): number {
  if (id === DEFAULT_EXAMPLE_ID) return 0;
  return id.startsWith('ablation-') ? 2 : 1;
}
