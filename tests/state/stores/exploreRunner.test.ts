// The worker runner with a stand-in Worker: messages relayed by search id, one worker reused, a cancel
// that goes unanswered ends with the worker stopped, a failing worker replaced at the next search.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CANCEL_GRACE_MS, workerRunner } from '../../../src/state/stores/exploreRunner';
import type { FromExplorer, StartMessage, ToExplorer } from '../../../src/workers/protocol';
import { DEFAULT_MAX_SIGNAL_FRAMES, EXPLORER_OPS } from '../../../src/engine/explore';

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: ToExplorer[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromExplorer>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: ToExplorer): void {
    this.posted.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(m: FromExplorer): void {
    this.onmessage?.({ data: m } as MessageEvent<FromExplorer>);
  }
}

const make = (): Worker => new FakeWorker() as unknown as Worker;

function start(id: number): StartMessage {
  return {
    type: 'start',
    id,
    config: { cpus: 1, tasks: [{ id: 't' }], start: {} },
    variant: 'v4.18',
    depth: 3,
    symmetry: false,
    dead: false,
    maxStates: 100,
  };
}

const progress = { depth: 1, states: 1, transitions: 0, seconds: 0, statesPerSecond: 0 };

beforeEach(() => {
  FakeWorker.made = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('worker runner', () => {
  it('makes its worker at the first search and relays that search’s messages only', () => {
    const runner = workerRunner(make);
    expect(FakeWorker.made).toHaveLength(0);
    const got: FromExplorer[] = [];
    runner.start(start(1), (m) => got.push(m));
    const w = FakeWorker.made[0];
    expect(w.posted).toEqual([start(1)]);
    w.answer({ type: 'progress', id: 1, progress });
    w.answer({ type: 'progress', id: 0, progress });
    w.answer({ type: 'error', id: 1, message: 'x' });
    w.answer({ type: 'progress', id: 1, progress }); // after its end
    expect(got.map((m) => m.type)).toEqual(['progress', 'error']);
    // The next search reuses the worker.
    runner.start(start(2), () => {});
    expect(FakeWorker.made).toHaveLength(1);
    expect(w.posted.at(-1)).toEqual(start(2));
  });

  it('sends a cancel, and stops a worker that does not answer it', () => {
    const runner = workerRunner(make);
    const got: FromExplorer[] = [];
    const run = runner.start(start(7), (m) => got.push(m));
    const w = FakeWorker.made[0];
    run.cancel();
    expect(w.posted.at(-1)).toEqual({ type: 'cancel', id: 7 });
    vi.advanceTimersByTime(CANCEL_GRACE_MS - 1);
    expect(w.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(w.terminated).toBe(true);
    expect(got).toEqual([
      expect.objectContaining({ type: 'error', id: 7, message: expect.stringMatching(/did not stop/) }),
    ]);
    runner.start(start(8), () => {});
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('keeps a worker that answers a cancel in time', () => {
    const runner = workerRunner(make);
    const got: FromExplorer[] = [];
    const run = runner.start(start(3), (m) => got.push(m));
    const w = FakeWorker.made[0];
    run.cancel();
    const result = {
      variant: 'v4.18',
      depth: 3,
      states: 1,
      transitions: 0,
      seconds: 0,
      complete: false,
      stopped: 'cancelled' as const,
      exploredDepth: 0,
      exhausted: false,
      lastDepth: null,
      ops: EXPLORER_OPS,
      maxSignalFrames: DEFAULT_MAX_SIGNAL_FRAMES,
      symmetries: 1,
      cache: null,
      violations: [],
    };
    w.answer({ type: 'done', id: 3, result, elapsedMs: 1 });
    vi.advanceTimersByTime(2 * CANCEL_GRACE_MS);
    expect(w.terminated).toBe(false);
    expect(got).toEqual([{ type: 'done', id: 3, result, elapsedMs: 1 }]);
  });

  it('ends the search with a message when the worker fails, and makes a new one next time', () => {
    const runner = workerRunner(make);
    const got: FromExplorer[] = [];
    runner.start(start(4), (m) => got.push(m));
    const w = FakeWorker.made[0];
    const e = { message: 'SyntaxError: bad', preventDefault: vi.fn() } as unknown as ErrorEvent;
    w.onerror?.(e);
    expect(w.terminated).toBe(true);
    expect(got).toEqual([
      { type: 'error', id: 4, message: "The explorer's worker failed: SyntaxError: bad." },
    ]);
    runner.start(start(5), () => {});
    expect(FakeWorker.made).toHaveLength(2);
    runner.dispose();
    expect(FakeWorker.made[1].terminated).toBe(true);
  });
});
