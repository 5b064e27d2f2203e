// Reviewer mode: the engine's source of every kernel function the step ran, in call order, with the
// statements this step executed marked and, beside each ablatable statement, a re-run without it.
// Loaded lazily (see CodeToggle): the description of the engine source is not part of the main bundle.
import { useMemo, useState } from 'react';
import type { Scenario } from '../../engine';
import { rerunWithout, type AblationRun } from '../../state/codepane/codeAblation';
import { stepCode } from '../../state/codepane/codeModel';
import { cursorView } from '../../state/viewmodels/cursorView';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { eventLabel } from '../../state/viewmodels/timelineModel';
import { CodeBlockView } from './CodeBlockView';
import { sourcesFor } from './sources';

export default function CodePane() {
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const scenario = useScenarioStore((s) => s.scenario);
  const record = useMemo(() => cursorView(replay, cursor).record, [replay, cursor]);
  const variant = replay.machine.variant;
  const era = variant.era;
  const sources = useMemo(() => sourcesFor(era), [era]);
  const blocks = useMemo(
    () => (record && sources ? stepCode(record.calls, era, record.event.op, sources) : []),
    [record, sources, era],
  );
  // Re-run results belong to the scenario they were computed for; an edit clears them.
  const [runs, setRuns] = useState<{ scenario: Scenario; byName: Record<string, AblationRun> }>({
    scenario,
    byName: {},
  });
  const results = runs.scenario === scenario ? runs.byName : {};
  const rerun = (name: string): void =>
    setRuns({ scenario, byName: { ...results, [name]: rerunWithout(scenario, era, name) } });

  return (
    <section className="panel code-pane" id="code-pane" aria-labelledby="code-heading">
      <h2 id="code-heading">
        Kernel code of step {cursor}
        {record ? `: ${eventLabel(record.event)}` : ''}
      </h2>
      <p className="hint">
        The engine&apos;s own source of each kernel function this step ran, in call order, under{' '}
        <code>{variant.id}</code>. Highlighted: the statements this step executed (each is marked in the
        engine by a <code>stmt(k, …)</code> call). Each function names the kernel file it models.
      </p>
      {!sources && <p className="error-text">The engine source of era {era.id} was not found.</p>}
      {record === null ? (
        <p>Step 0 is the initial state: no kernel function has run yet. Step forward to see code.</p>
      ) : blocks.length === 0 ? (
        <p>No modelled kernel function ran in this step ({record.event.op} changes no FP tracking).</p>
      ) : (
        <ol className="code-blocks">
          {blocks.map((b, i) => (
            <li key={`${i}-${b.name}`} style={{ marginLeft: `${Math.min(b.depth, 6) * 14}px` }}>
              <CodeBlockView block={b} variant={variant} results={results} onRerun={rerun} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
