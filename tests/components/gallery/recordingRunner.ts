// An explorer runner for the gallery's component tests: records what the explorer was asked and never
// answers (the search itself is the explorer's tests').
import type { ExploreRunner } from '../../../src/state/stores/exploreRunner';
import type { StartMessage } from '../../../src/workers/protocol';

export const recordingRunner = (started: StartMessage[]): ExploreRunner => ({
  start(msg) {
    started.push(msg);
    return { cancel() {} };
  },
  dispose() {},
});
