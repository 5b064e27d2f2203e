// The scenario library: the examples, the user's own scenarios (kept in this browser), the scenario
// opened from a link, random scenarios, import and export.
import { useState } from 'react';
import type { Scenario } from '../../engine';
import { EXAMPLES } from '../../scenarios';
import { useLibraryStore } from '../../state/stores/libraryStore';
import { randomScenario } from '../../state/scenario/randomScenario';
import { useScenarioStore, type Origin } from '../../state/stores/scenarioStore';
import { guardReplace } from '../../state/stores/unsavedGuard';
import { CompareButton } from '../compare/CompareButton';
import { exportScenario } from './fileIo';
import { ImportScenario } from './ImportScenario';
import { closeLibrary, showOpened } from './showOpened';

function Item({
  scenario,
  origin,
  current,
  extra,
}: {
  scenario: Scenario;
  origin: Origin;
  current: boolean;
  extra?: React.ReactNode;
}) {
  const open = useScenarioStore((s) => s.open);
  return (
    <li className={current ? 'library-item current' : 'library-item'}>
      <button
        type="button"
        className="link-button"
        onClick={() =>
          void guardReplace(`open “${scenario.title}”`, () => open(scenario, origin)).then(
            (opened) => opened && showOpened(),
          )
        }
        aria-current={current || undefined}
      >
        {scenario.title}
      </button>
      <span className="hint">
        {' '}
        {scenario.cpus} CPU{scenario.cpus > 1 ? 's' : ''}, {scenario.events.length} events
      </span>
      {extra}
    </li>
  );
}

/** A whole number from a field's text, clamped to [lo, hi]. */
const clampInt = (text: string, lo: number, hi: number): number =>
  Math.min(hi, Math.max(lo, Math.trunc(Number(text)) || lo));

function RandomForm() {
  const [cpus, setCpus] = useState('2');
  const [events, setEvents] = useState('50');
  const open = useScenarioStore((s) => s.open);
  const variantId = useScenarioStore((s) => s.variantId);
  return (
    <form
      className="random-form"
      onSubmit={(e) => {
        e.preventDefault();
        const seed = Math.floor(Math.random() * 1e9);
        const n = { cpus: clampInt(cpus, 1, 8), events: clampInt(events, 1, 10_000) };
        setCpus(String(n.cpus));
        setEvents(String(n.events));
        const sc = randomScenario({ ...n, seed, variant: variantId });
        void guardReplace('open a new random scenario', () => open(sc, { kind: 'generated' })).then(
          (opened) => opened && showOpened(),
        );
      }}
    >
      <label>
        CPUs{' '}
        <input type="number" min={1} max={8} value={cpus} onChange={(e) => setCpus(e.currentTarget.value)} />
      </label>{' '}
      <label>
        Events{' '}
        <input
          type="number"
          min={1}
          max={10000}
          value={events}
          onChange={(e) => setEvents(e.currentTarget.value)}
        />
      </label>{' '}
      <button type="submit">New random scenario</button>
    </form>
  );
}

export function Library() {
  const origin = useScenarioStore((s) => s.origin);
  const scenario = useScenarioStore((s) => s.scenario);
  const items = useLibraryStore((s) => s.items);
  const shared = useLibraryStore((s) => s.shared);
  const remove = useLibraryStore((s) => s.remove);
  const isCurrent = (o: Origin): boolean => JSON.stringify(o) === JSON.stringify(origin);
  return (
    <section
      className="panel library"
      aria-labelledby="library-heading"
      onKeyDown={(e) => {
        // Escape closes the list (before it could leave a tour or presenter mode).
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        e.stopPropagation();
        closeLibrary();
      }}
    >
      <h2 id="library-heading">Scenarios</h2>
      <h3>Examples</h3>
      <ul className="library-list">
        {EXAMPLES.map((ex) => (
          <Item
            key={ex.id}
            scenario={ex.scenario}
            origin={{ kind: 'example', id: ex.id }}
            current={isCurrent({ kind: 'example', id: ex.id })}
            extra={<CompareButton example={ex} />}
          />
        ))}
      </ul>
      <h3>My scenarios</h3>
      {items.length === 0 ? (
        <p className="hint">
          None yet. Save the scenario on screen, or import a file; they are kept in this browser.
        </p>
      ) : (
        <ul className="library-list" aria-label="My scenarios">
          {items.map((it) => (
            <Item
              key={it.id}
              scenario={it.scenario}
              origin={{ kind: 'user', id: it.id }}
              current={isCurrent({ kind: 'user', id: it.id })}
              extra={
                <button
                  type="button"
                  className="small"
                  onClick={() => {
                    if (window.confirm(`Delete “${it.scenario.title}” from your scenarios?`)) remove(it.id);
                  }}
                  aria-label={`Delete ${it.scenario.title}`}
                >
                  Delete
                </button>
              }
            />
          ))}
        </ul>
      )}
      {shared && (
        <>
          <h3>Opened from a link</h3>
          <ul className="library-list">
            <Item scenario={shared} origin={{ kind: 'shared' }} current={origin.kind === 'shared'} />
          </ul>
        </>
      )}
      <h3>Random</h3>
      <RandomForm />
      <h3>Files</h3>
      <ImportScenario />
      <button type="button" onClick={() => exportScenario(scenario)}>
        Export the scenario on screen (.json)
      </button>
    </section>
  );
}
