// The explorer runner without a worker: the same job, in the calling thread, its messages delivered
// asynchronously as a worker's would be. For tests (jsdom has no Worker) and tools.
import type { ExploreRunner } from '../state/stores/exploreRunner';
import { runJob, type Job } from './exploreJob';

const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function inProcessRunner(): ExploreRunner {
  let live = true;
  const jobs = new Set<Job>();
  return {
    start(msg, listener) {
      const job = runJob(
        msg,
        (m) => {
          if (m.type !== 'progress') jobs.delete(job);
          void later().then(() => {
            if (live) listener(m);
          });
        },
        later,
      );
      jobs.add(job);
      return { cancel: () => job.cancel() };
    },
    dispose() {
      live = false;
      jobs.forEach((j) => j.cancel());
    },
  };
}
