// One search, run in slices so that messages (a cancel) get through between them. The worker runs it;
// tests run it in the page's own thread behind the same messages (inProcess.ts).
import { variantOrError } from '../engine/variants';
import { createSearch, type ExploreOptions, type Search } from '../engine/explore';
import { canStartWorkers, coresHere, exploreOnWorkers } from './exploreParallel';
import type { FromExplorer, ProgressMessage, StartMessage } from './protocol';
import { browserMemory } from './memoryReading';

export interface Job {
  /** Stops at the search's next poll; the job then posts its (incomplete) result as usual. */
  cancel(): void;
}

/** Longest stretch of searching between two looks at the message queue. */
const SLICE_MS = 50;
const PROGRESS_EVERY_MS = 200;
/**
 * States expanded between two looks at the clock: few enough that a cancel and the progress bar stay
 * prompt on a big machine, whose first expansions each run the engine over dozens of events.
 */
const POLL_EVERY = 16;
/** Rebuilding the found-so-far list replays each counterexample: done at most this often. */
const FOUND_EVERY_MS = 1000;
/** A search not finished after this long on the explorer's worker moves to every core. */
export const TRIAL_MS = 300;
/** Most Web Workers one search starts. */
const MAX_WORKERS = 16;

/**
 * Lets queued messages run. A MessageChannel message is not clamped to 4 ms as nested timers are,
 * so yielding every slice costs next to nothing.
 */
export function yieldToEvents(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Starts the search `msg` asks for; every message about it goes to `post`, the last being done or error. */
export function runJob(
  msg: StartMessage,
  post: (m: FromExplorer) => void,
  pause: () => Promise<void> = yieldToEvents,
): Job {
  const { id } = msg;
  let cancelled = false;
  let search: Search | null = null;
  const t0 = performance.now();
  let foundCount = 0;
  let foundAt = t0;

  let lastProgress: ProgressMessage['progress'] | null = null;
  const onProgress = (progress: ProgressMessage['progress']): void => {
    lastProgress = progress;
    const out: ProgressMessage = { type: 'progress', id, progress };
    const now = performance.now();
    if (search && now - foundAt >= FOUND_EVERY_MS) {
      foundAt = now;
      const found = search.result().violations;
      if (found.length !== foundCount) {
        foundCount = found.length;
        out.found = found;
      }
    }
    post(out);
  };

  const run = async (): Promise<void> => {
    const variant = variantOrError(msg.variant);
    if (typeof variant === 'string') throw new Error(variant);
    const opts: ExploreOptions = {
      depth: msg.depth,
      // By class when ticked; else every CPU renaming, or only the renamings fixing the initial state.
      symmetry: msg.symmetry ? 'classes' : msg.cpus ? 'cpus' : 'exact',
      dead: msg.dead,
      maxStates: msg.maxStates,
      // The first violating depth, finished: the same stop as `check --first` and the gallery's.
      stopAtViolation: msg.first ? 'depth' : false,
      timeLimitMs: msg.timeLimitSeconds === undefined ? undefined : msg.timeLimitSeconds * 1000,
      progressEveryMs: PROGRESS_EVERY_MS,
      pollEvery: POLL_EVERY,
      onProgress,
      memoryUsage: browserMemory(),
    };
    const s = createSearch(msg.config, variant, opts);
    search = s;
    if (cancelled) s.cancel();
    post({ type: 'progress', id, progress: s.progress() });
    // Every core (a Web Worker each) for a search not finished after TRIAL_MS on this one; a stop
    // at the first violation found is one thread's (as in the CLI).
    const k = Math.min(msg.workers ?? coresHere(), MAX_WORKERS);
    const parallel = k > 1 && canStartWorkers() && opts.stopAtViolation !== true;
    let finished = s.advance(SLICE_MS);
    while (!finished && !(parallel && !cancelled && performance.now() - t0 >= TRIAL_MS)) {
      await pause();
      finished = s.advance(SLICE_MS);
    }
    if (finished) {
      post({ type: 'done', id, result: s.result(), elapsedMs: performance.now() - t0 });
      return;
    }
    // The trial's work is done again on the workers (their caches start from what it learned); its
    // time is counted.
    search = null;
    const cacheSeed = s.cacheSnapshot() ?? undefined;
    const offset = (performance.now() - t0) / 1000;
    const result = await exploreOnWorkers(
      msg.config,
      variant,
      {
        ...opts,
        cacheSeed,
        onProgress: (p) => onProgress({ ...p, seconds: p.seconds + offset }),
        timeLimitMs:
          opts.timeLimitMs === undefined ? undefined : Math.max(0, opts.timeLimitMs - offset * 1000),
      },
      k,
      () => cancelled,
      {
        onFound: (found) => post({ type: 'progress', id, progress: lastProgress ?? s.progress(), found }),
        foundEveryMs: FOUND_EVERY_MS,
      },
    );
    post({
      type: 'done',
      id,
      result: { ...result, seconds: result.seconds + offset },
      elapsedMs: performance.now() - t0,
    });
  };

  // Started after the caller has its handle: no message is posted from inside runJob itself.
  Promise.resolve()
    .then(run)
    .catch((e: unknown) => post({ type: 'error', id, message: why(e) }));
  return {
    cancel() {
      cancelled = true;
      search?.cancel();
    },
  };
}
