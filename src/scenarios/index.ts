// The example scenarios shipped with the app and the CLI (src/scenarios/*.json).
import type { Scenario } from '../engine';
import guestFirstFp from './guest-first-fp.json';

export interface ExampleScenario {
  /** File name without .json; stable, used in links. */
  id: string;
  scenario: Scenario;
}

export const EXAMPLES: readonly ExampleScenario[] = [{ id: 'guest-first-fp', scenario: guestFirstFp as Scenario }];

export const DEFAULT_EXAMPLE_ID = 'guest-first-fp';
