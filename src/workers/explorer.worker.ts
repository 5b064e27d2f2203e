// The explorer's Web Worker: runs one search at a time off the page's thread (see protocol.ts).
import { runJob, type Job } from './exploreJob';
import type { FromExplorer, ToExplorer } from './protocol';

// The project's TypeScript library is the DOM's; a worker's scope needs only these two members.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToExplorer>) => void) | null;
  postMessage(m: FromExplorer): void;
};

let job: { id: number; job: Job } | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  switch (msg.type) {
    case 'start':
      job?.job.cancel();
      job = {
        id: msg.id,
        job: runJob(msg, (m) => {
          if ((m.type === 'done' || m.type === 'error') && job?.id === m.id) job = null;
          scope.postMessage(m);
        }),
      };
      break;
    case 'cancel':
      if (job?.id === msg.id) job.job.cancel();
      break;
    default: {
      const never: never = msg;
      throw new Error(`explorer worker: unknown message ${JSON.stringify(never)}`);
    }
  }
};
