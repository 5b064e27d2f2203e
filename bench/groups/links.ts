// Decode time of links at the limits (bench/README: run with `--only links`): the largest link the
// decoder accepts (unpacked data just under the scenario file limit), the most events a link may
// carry, and a crafted 74 kB link that would unpack to 500 MB (refused at the limit).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeShare } from '../../src/state/links/share.ts';
import { bombPayload } from '../../tests/state/links/linkBomb.ts';
import type { Metric } from '../types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/links-limits');

/** Median wall time of `runs` calls, after one warm-up call. */
function median(runs: number, f: () => void): number {
  f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function decodeMs(fragment: string, expectOk: boolean): number {
  const res = decodeShare(fragment);
  if (res.ok !== expectOk) throw new Error(`unexpected decode result: ${res.ok ? 'opened' : res.message}`);
  return Math.round(median(5, () => decodeShare(fragment)) * 10) / 10;
}

export async function run(): Promise<Metric[]> {
  const read = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8').trim();
  const largest = read('full-notes-at-limit');
  const events = read('max-events');
  const bomb = `v1&step=0&data=${bombPayload(31_623)}`;
  return [
    {
      name: 'links.decodeLargestMs',
      value: decodeMs(largest, true),
      unit: 'ms',
      better: 'lower',
      note: `the largest accepted link: ${largest.length} characters, unpacking to 4.9 M characters (2,448 events with 2,000-character notes, a 5.0 MB file); Node, median of 5; in the app it runs in a Web Worker`,
    },
    {
      name: 'links.decodeMaxEventsMs',
      value: decodeMs(events, true),
      unit: 'ms',
      better: 'lower',
      note: `a link of 100,000 events (the most a scenario may have): ${events.length} characters; Node, median of 5`,
    },
    {
      name: 'links.refuseBombMs',
      value: decodeMs(bomb, false),
      unit: 'ms',
      better: 'lower',
      note: `a crafted ${bomb.length.toLocaleString('en')}-character link that would unpack to 500 MB, refused at the 5 M character limit; Node, median of 5`,
    },
  ];
}
