// What the search found: one row per violation kind and context with its shortest event sequence,
// each opening as a scenario at its violating step; or why there is none.
import { useId } from 'react';
import {
  completeness,
  configText,
  emptyExplanation,
  eventText,
  exhaustedNote,
  resultHeadline,
  resultSummary,
} from '../../state/viewmodels/exploreModel';
import { useExploreStore } from '../../state/stores/exploreStore';
import { useGalleryStore } from '../../state/stores/galleryStore';
import { storyRows } from '../../state/viewmodels/galleryStory';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { violationTitle } from '../../state/viewmodels/violationText';

export function ExploreResults() {
  const id = useId();
  const status = useExploreStore((s) => s.status);
  const run = useExploreStore((s) => s.run);
  const found = useExploreStore((s) => s.found);
  const result = useExploreStore((s) => s.result);
  const fromLink = useExploreStore((s) => s.fromLink);
  const open = useExploreStore((s) => s.openCounterexample);
  const scenario = useScenarioStore((s) => s.scenario);
  const story = useGalleryStore((s) => s.story);

  if (!run)
    return (
      <section className="explore-results" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>Results</h3>
        <p className="hint">
          Nothing explored yet. The explorer tries every legal event sequence up to the depth, breadth first,
          and reports, for each kind of violation and each task or vcpu it hits, a shortest sequence that
          produces it.
        </p>
      </section>
    );

  const finished = result !== null;
  const { cpus, tasks, start } = scenario;
  const ofStory = storyRows(story, run.variant, found);
  const elsewhere = JSON.stringify(run.config) !== JSON.stringify({ cpus, tasks, start });
  return (
    <section className="explore-results" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{finished ? resultHeadline(result) : 'Found so far'}</h3>
      {fromLink && (
        <p className="banner banner-plain">
          Recomputed in this browser when the link was opened (a link carries the search’s settings, not its
          results).
        </p>
      )}
      {elsewhere && (
        <p className="banner banner-plain">
          These results are for the initial state of “{run.title}” ({configText(run.config)}), not the
          scenario on screen.
        </p>
      )}
      {result && (
        <p className="explore-summary">
          {resultSummary(result)}
          {result.symmetries > 1 &&
            ` (${run.cpus && !run.symmetry ? 'CPU renaming' : 'symmetry reduction'}: ${result.symmetries} renamings)`}
          {run.dead && ' (dead-variable reduction)'}
        </p>
      )}
      {result && exhaustedNote(result) && <p>{exhaustedNote(result)}</p>}
      {found.length === 0 ? (
        finished ? (
          <p className="hint">{emptyExplanation(result)}</p>
        ) : (
          <p className="hint">{status === 'failed' ? 'Nothing was found before it failed.' : 'None yet.'}</p>
        )
      ) : (
        <table className="explore-table">
          <caption className="visually-hidden">
            Violations found under {run.variant}, shortest sequence each
            {result ? ` (${completeness(result)})` : ' (search still running)'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Violation</th>
              <th scope="col">Affected</th>
              <th scope="col">Shortest</th>
              <th scope="col">Sequence</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {found.map((cx, i) => (
              <tr
                key={`${cx.kind}|${cx.context}`}
                className={ofStory.has(i) ? 'explore-story' : undefined}
                data-story={ofStory.has(i) || undefined}
              >
                <td>
                  {violationTitle(cx)}
                  {ofStory.has(i) && (
                    <strong className="explore-story-tag"> — the gallery story’s bug</strong>
                  )}
                </td>
                <td>{cx.context ?? '–'}</td>
                <td>
                  {cx.events.length} event{cx.events.length === 1 ? '' : 's'}
                </td>
                <td className="explore-seq">
                  <details>
                    <summary>
                      CPU{cx.cpu}: {cx.message}
                    </summary>
                    <ol>
                      {cx.events.map((ev, k) => (
                        <li key={k}>
                          <code>{eventText(ev)}</code>
                        </li>
                      ))}
                    </ol>
                  </details>
                </td>
                <td>
                  <button
                    type="button"
                    className="small"
                    onClick={() => open(i)}
                    aria-label={`Open at step ${cx.events.length}: ${violationTitle(cx)}`}
                  >
                    Open at step {cx.events.length}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
