// The search's progress: a labelled bar over the depth (breadth-first, so each level is finished in
// turn; the bar also moves within a level), with states, rate and the depth's estimate; the live
// region that says when a search ends; a failure, as an alert.
import { progressText, resultHeadline } from '../../state/viewmodels/exploreModel';
import { useExploreStore } from '../../state/stores/exploreStore';

export function ExploreProgress() {
  const status = useExploreStore((s) => s.status);
  const run = useExploreStore((s) => s.run);
  const progress = useExploreStore((s) => s.progress);
  const result = useExploreStore((s) => s.result);
  const error = useExploreStore((s) => s.error);
  const found = useExploreStore((s) => s.found);
  const running = status === 'running' || status === 'cancelling';

  // Depth levels finished: while running, the one being explored is not yet.
  const max = run?.depth ?? 1;
  const levels = result
    ? result.exploredDepth
    : progress
      ? Math.max(0, Math.min(progress.depth - 1, max))
      : 0;
  const text = progress && run ? progressText(progress, run.depth) : running ? 'Starting…' : '';
  // The bar moves within a depth too: by the share of the previous depth's states expanded.
  const within = running && progress?.estimate ? progress.estimate.depthDone : 0;
  const filled = Math.min(max, levels + within);
  // Only the end of a search is announced; the bar's own changes are not read out.
  const announce = status === 'finished' && result ? `Search finished. ${resultHeadline(result)}` : '';

  return (
    <div className="explore-progress">
      {run && (
        <>
          <div
            className="explore-bar"
            role="progressbar"
            aria-label="Search progress (depth levels finished)"
            aria-valuemin={0}
            aria-valuemax={max}
            aria-valuenow={levels}
            aria-valuetext={`${levels} of ${max} depth levels finished${text ? `: ${text}` : ''}`}
            aria-busy={running}
          >
            <div className="explore-bar-fill" style={{ width: `${(100 * filled) / max}%` }} />
          </div>
          <p className="explore-progress-text">
            {text}
            {running && found.length > 0 && ` · ${found.length} found so far`}
            {status === 'cancelling' && ' · stopping…'}
          </p>
        </>
      )}
      <p role="status" aria-live="polite" className="explore-announce">
        {announce}
      </p>
      {status === 'failed' && error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
