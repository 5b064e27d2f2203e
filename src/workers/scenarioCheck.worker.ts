// Checks the JSON editor's text off the page's thread (src/state/scenario/scenarioCheck.ts).
import { checkScenarioText, type TextCheck } from '../state/scenario/scenarioCheck';

// The project's TypeScript library is the DOM's; a worker's scope needs only these two members.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; text: string }>) => void) | null;
  postMessage(m: { id: number; result: TextCheck }): void;
};

scope.onmessage = (e) => scope.postMessage({ id: e.data.id, result: checkScenarioText(e.data.text) });
