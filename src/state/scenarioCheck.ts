// Checks scenario file text for the JSON editor off the page's thread: parsing and validating a 5 MB
// scenario takes about a second, which on the page's thread froze typing (issue 22). One worker, kept
// while the editor is open; without workers (tests, or one that fails to start) the text is checked here.
// Text over the size limit is refused by its length alone, here, without parsing.
import { formatErrors, MAX_SCENARIO_BYTES, parseScenario, type Scenario } from '../engine';

export type TextCheck = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** The check itself, the same wherever it runs: the import's own messages. */
export function checkScenarioText(text: string): TextCheck {
  const res = parseScenario(text);
  return res.ok ? { ok: true, scenario: res.scenario } : { ok: false, message: formatErrors(res.errors) };
}

/** The refusal of text too long to be a scenario file, found without parsing it; null otherwise. */
export function overLimit(text: string): TextCheck | null {
  // A character is at least one byte: only text longer than the limit is refused unparsed here.
  return text.length > MAX_SCENARIO_BYTES ? checkScenarioText(text) : null;
}

export interface ScenarioChecker {
  check(text: string): Promise<TextCheck>;
  dispose(): void;
}

const newWorker = (): Worker =>
  new Worker(new URL('../workers/scenarioCheck.worker.ts', import.meta.url), {
    type: 'module',
    name: 'scenario-check',
  });

export function scenarioChecker(
  make: (() => Worker) | null = typeof Worker === 'undefined' ? null : newWorker,
): ScenarioChecker {
  let worker: Worker | null = null;
  let failed = make === null;
  let next = 1;
  const waiting = new Map<number, { resolve: (r: TextCheck) => void; text: string }>();
  const here = (text: string): Promise<TextCheck> =>
    new Promise((resolve) => setTimeout(() => resolve(checkScenarioText(text)), 0));
  const start = (): Worker | null => {
    if (worker || failed || !make) return worker;
    try {
      worker = make();
    } catch {
      failed = true;
      return null;
    }
    worker.onmessage = (e: MessageEvent<{ id: number; result: TextCheck }>) => {
      waiting.get(e.data.id)?.resolve(e.data.result);
      waiting.delete(e.data.id);
    };
    worker.onerror = (e) => {
      // The worker could not run: what it was asked is checked here, and so is all that follows.
      e.preventDefault();
      failed = true;
      worker?.terminate();
      worker = null;
      const pending = [...waiting.values()];
      waiting.clear();
      pending.forEach((p) => void here(p.text).then(p.resolve));
    };
    return worker;
  };
  return {
    check(text) {
      const quick = overLimit(text);
      if (quick) return Promise.resolve(quick);
      const w = start();
      if (!w) return here(text);
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, { resolve, text });
        w.postMessage({ id, text });
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      waiting.clear();
    },
  };
}
