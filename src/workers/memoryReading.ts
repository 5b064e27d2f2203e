// What the browser can say of the memory a search holds, for the explorer's reports (the engine is
// pure and cannot ask). measureUserAgentSpecificMemory measures the page and its workers, but only
// where the page is cross-origin isolated, and it answers late: the last answer is reported, and a
// new one asked for at most every few seconds. Chrome's performance.memory gives the JavaScript heap
// alone (the search's typed arrays live outside it: the search adds what it counts). Elsewhere
// nothing is read, and the search reports the bytes it counts, labelled so.
import type { MemoryReading } from '../engine/explore';

interface BrowserPerformance {
  measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
  memory?: { usedJSHeapSize: number };
}

const ASK_EVERY_MS = 5000;

export function browserMemory(
  perf: BrowserPerformance | undefined = globalThis.performance as BrowserPerformance | undefined,
  isolated: boolean = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
): () => MemoryReading | null {
  let last: MemoryReading | null = null;
  let askedAt = -Infinity;
  const measure = perf?.measureUserAgentSpecificMemory;
  if (perf && measure && isolated)
    return () => {
      const now = performance.now();
      if (now - askedAt >= ASK_EVERY_MS) {
        askedAt = now;
        measure
          .call(perf)
          .then((m) => {
            last = { bytes: m.bytes, peak: Math.max(m.bytes, last?.peak ?? 0), source: 'browser' };
          })
          .catch(() => undefined); // refused (not isolated after all): keep the last answer
      }
      return last;
    };
  if (perf?.memory) {
    const mem = perf.memory;
    return () => ({ bytes: mem.usedJSHeapSize, source: 'js-heap' });
  }
  return () => null;
}
