// Where links are decoded. A short link is decoded at once (within a small budget, a few ms), so it is
// on screen at the first paint; a larger one goes to a Web Worker, so the page paints and answers while
// it unpacks. Without workers (tests, or a worker that fails to start) it is decoded here: the decoder's
// limits bound that too.
import { decodeShare, decodeShareWithin, type DecodeResult } from './share';

export type LinkDecoder = (fragment: string) => DecodeResult | Promise<DecodeResult>;

/**
 * Unpacked data decoded on the page's own thread: 2,500 to 4,000 events, which covers every example
 * and tour (data of 14,000 characters, 5,000 events, took 140 ms on a 2-core machine at load 18).
 */
export const QUICK_DATA_CHARS = 8192;

const newWorker = (): Worker =>
  new Worker(new URL('../../workers/linkDecode.worker.ts', import.meta.url), {
    type: 'module',
    name: 'link',
  });

/** Decodes in a fresh worker (a link is opened rarely; the worker is stopped after each). */
function inWorker(fragment: string, make: () => Worker): Promise<DecodeResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = make();
    } catch {
      resolve(decodeShare(fragment));
      return;
    }
    worker.onmessage = (e: MessageEvent<DecodeResult>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve(decodeShare(fragment));
    };
    worker.postMessage(fragment);
  });
}

export function linkDecoder(
  make: (() => Worker) | null = typeof Worker === 'undefined' ? null : newWorker,
): LinkDecoder {
  return (fragment) => {
    if (!make) return decodeShare(fragment);
    return decodeShareWithin(fragment, QUICK_DATA_CHARS) ?? inWorker(fragment, make);
  };
}
