// Where searches run: behind this small interface, a Web Worker in the app (the page stays responsive)
// or the page's own thread in tests (src/workers/inProcess.ts).
import type { FromExplorer, StartMessage } from '../../workers/protocol';

export interface ExploreRun {
  /** Asks the search to stop; it still ends with a `done` message (incomplete) or an error. */
  cancel(): void;
}

export interface ExploreRunner {
  /** Starts a search; its messages go to `listener`, the last one being `done` or `error`. */
  start(msg: StartMessage, listener: (m: FromExplorer) => void): ExploreRun;
  /** Frees what the runner holds (its worker). */
  dispose(): void;
}

/** A search that has not answered a cancel within this time has its worker stopped outright. */
export const CANCEL_GRACE_MS = 3000;

const newWorker = (): Worker =>
  new Worker(new URL('../../workers/explorer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'explorer',
  });

/**
 * One worker, made at the first search and kept for the next ones (its compiled code stays warm).
 * It is replaced only when it fails or does not answer a cancel.
 */
export function workerRunner(make: () => Worker = newWorker): ExploreRunner {
  let worker: Worker | null = null;
  let current: { id: number; listener: (m: FromExplorer) => void } | null = null;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  const stop = (): void => {
    worker?.terminate();
    worker = null;
  };
  /** Ends the current search with `m` (its last message). */
  const finish = (m: FromExplorer): void => {
    const c = current;
    current = null;
    clearTimeout(graceTimer);
    c?.listener(m);
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = make();
    w.onmessage = (e: MessageEvent<FromExplorer>) => {
      const m = e.data;
      if (!current || m.id !== current.id) return; // a late message of an earlier search
      if (m.type === 'progress') current.listener(m);
      else finish(m);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      stop();
      if (current)
        finish({
          type: 'error',
          id: current.id,
          message: `The explorer's worker failed: ${e.message || 'it could not be loaded'}.`,
        });
    };
    worker = w;
    return w;
  };

  return {
    start(msg, listener) {
      const w = ensure();
      current = { id: msg.id, listener };
      w.postMessage(msg);
      return {
        cancel() {
          if (!current || current.id !== msg.id || !worker) return;
          worker.postMessage({ type: 'cancel', id: msg.id });
          clearTimeout(graceTimer);
          graceTimer = setTimeout(() => {
            if (!current || current.id !== msg.id) return;
            stop();
            finish({
              type: 'error',
              id: msg.id,
              message: `The search did not stop within ${CANCEL_GRACE_MS / 1000} s of the cancel, so its worker was stopped.`,
            });
          }, CANCEL_GRACE_MS);
        },
      };
    },
    dispose() {
      clearTimeout(graceTimer);
      current = null;
      stop();
    },
  };
}
