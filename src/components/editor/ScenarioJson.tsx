// The "Edit the scenario as JSON" pane under the palette. Its editor is loaded, and the scenario printed,
// only once the pane is first opened; it then stays mounted so that a draft survives closing the pane.
import { useState } from 'react';
import { lazyPart } from '../boundary/ViewBoundary';

const ScenarioJsonEditor = lazyPart(
  () => import('./ScenarioJsonEditor'),
  'the JSON editor',
  'Loading the JSON editor…',
);

export function ScenarioJson() {
  const [opened, setOpened] = useState(false);
  return (
    <details className="scenario-json" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>Edit the scenario as JSON</summary>
      {opened && <ScenarioJsonEditor />}
    </details>
  );
}
