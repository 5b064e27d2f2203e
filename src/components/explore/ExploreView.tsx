// The Explore view: exhaustive search from the scenario's initial state, in a Web Worker; each
// counterexample opens as a scenario. Loaded on demand (src/components/views.tsx).
import { ExploreForm } from './ExploreForm';
import { ExploreProgress } from './ExploreProgress';
import { ExploreResults } from './ExploreResults';
import { ExploreHeld } from './ExploreHeld';
import './explore.css';

export function ExploreView() {
  return (
    <section className="panel explore-view" aria-labelledby="explore-heading">
      <h2 id="explore-heading">Explore every event sequence</h2>
      <p className="hint explore-intro">
        Looks for the shortest event sequences that lose, leak or wrongly read FP/SIMD data, the way a model
        checker does: all of them up to a depth, not a random sample. The search runs in the background; the
        rest of the page stays usable, and it goes on if you switch views.
      </p>
      <div className="split">
        <div>
          <ExploreHeld />
          <ExploreForm />
          <ExploreProgress />
        </div>
        <ExploreResults />
      </div>
    </section>
  );
}
