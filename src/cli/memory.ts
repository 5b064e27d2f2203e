// The memory `check` reports: Node's resident set size, read for the engine (which is pure and cannot
// read it itself), and how a memory report is printed.
import { resourceUsage } from 'node:process';
import type { MemoryReading, MemoryReport } from '../engine/explore';

/** The process's resident set size now, and its peak so far (getrusage's maxrss, in kB on Linux). */
export function residentMemory(): MemoryReading {
  return { bytes: process.memoryUsage.rss(), peak: resourceUsage().maxRSS * 1024, source: 'resident' };
}

export const mb = (b: number): string =>
  b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GB` : `${Math.round(b / 1024 ** 2)} MB`;

/** "memory 190 MB resident of 2.0 GB" (counted: "memory 33 MB counted of ..."). */
export const memoryText = (m: MemoryReport): string =>
  `memory ${mb(m.bytes)} ${m.source === 'counted' ? 'counted' : 'resident'} of ${mb(m.bound)}`;

/** The fpsimd-check/1 `memory` object: bytes, as measured (or counted) and as bounded. */
export const memoryJson = (m: MemoryReport) => ({
  source: m.source,
  bytes: m.bytes,
  peakBytes: m.peak,
  startBytes: m.start,
  countedBytes: m.counted,
  boundBytes: m.bound,
});

/**
 * Measured by `npm run bench -- --only memory` (explorer.bytesPerState.reference and .big): the peak
 * resident set growth of `check --max-states 1000000`, over the states, v4.18, every op, 2026-12-07
 * at load average 12 on 2 cores. The fixed parts (cache, tables, heap) are spread over the states.
 */
export const MEASURED_BYTES_PER_STATE = { reference: 118, big: 225 } as const;
