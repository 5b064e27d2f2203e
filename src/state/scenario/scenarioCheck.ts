// Checks scenario file text for the JSON editor off the page's thread: parsing and validating a 5 MB
// scenario takes about a second, which on the page's thread froze typing (issue 22). One worker, kept
// while the editor is open; without workers (tests, or one that fails to start) the text is checked here.
// Text over the size limit is refused by its length alone, here, without parsing.
// Each error comes back with its place in the text (offset, line, column), found here too (jsonLocate.ts).
import { MAX_SCENARIO_BYTES, parseScenario, type Scenario, type ScenarioError } from '../../engine';
import { lineIndex, parsePath, pathOffset } from './jsonLocate';

/** One error and where it is; `at` is null for an error of the whole text (its size). */
export interface TextProblem {
  at: { offset: number; line: number; column: number } | null;
  /** The import's message, with its line and column. */
  text: string;
}

export type TextCheck =
  { ok: true; scenario: Scenario } | { ok: false; message: string; problems: TextProblem[] };

const LINE_COLUMN = /^line (\d+), column (\d+)$/;

/** Each error's place: its line and column, or its JSON path's value, or the end of the file. */
function locate(text: string, errors: readonly ScenarioError[]): TextProblem[] {
  let index: ReturnType<typeof lineIndex> | null = null;
  const place = (offset: number) => ({ offset, ...(index ??= lineIndex(text))(offset) });
  return errors.map((e) => {
    if (!e.where) return { at: null, text: e.message };
    const lc = LINE_COLUMN.exec(e.where);
    if (lc) {
      const at = place(offsetOf(text, Number(lc[1]), Number(lc[2])));
      return { at, text: `${e.where}: ${e.message}` };
    }
    if (e.where === 'end of file') {
      const at = place(text.length);
      return { at, text: `end of file (line ${at.line}, column ${at.column}): ${e.message}` };
    }
    const path = parsePath(e.where);
    if (!path) return { at: null, text: `${e.where}: ${e.message}` };
    const at = place(pathOffset(text, path));
    return { at, text: `${e.where} (line ${at.line}, column ${at.column}): ${e.message}` };
  });
}

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) {
    const nl = text.indexOf('\n', at);
    at = nl < 0 ? -1 : nl + 1;
  }
  return at < 0 ? text.length : Math.min(at + column - 1, text.length);
}

/** The check itself, the same wherever it runs: the import's own messages, located in the text. */
export function checkScenarioText(text: string): TextCheck {
  const res = parseScenario(text);
  if (res.ok) return { ok: true, scenario: res.scenario };
  // The reader skips a byte order mark: its lines and columns are those of the text after it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const problems = locate(bom ? text.slice(1) : text, res.errors).map((p) =>
    p.at && bom ? { ...p, at: { ...p.at, offset: p.at.offset + bom } } : p,
  );
  return { ok: false, message: problems.map((p) => p.text).join('\n'), problems };
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
  new Worker(new URL('../../workers/scenarioCheck.worker.ts', import.meta.url), {
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
