// The embed view (URL option `embed=1`): the diagram and a compact stepper, no chrome, for slides and
// blog posts. A link opens the full app on the same screen.
import { useScenarioStore } from '../state/stores/scenarioStore';
import { encodeShare } from '../state/links/share';
import { currentScreen } from '../state/links/urlSync';
import { useViewStore } from '../state/stores/viewStore';
import { lazyPart } from './boundary/ViewBoundary';
import { DiagramPanel } from './diagram/DiagramPanel';
import { Notices } from './Notices';
import { Transport } from './timeline/Transport';

// A compare link's embed shows its compared set (loaded on demand, like the compare view).
const EmbedCompare = lazyPart(
  () => import('./compare/EmbedCompare'),
  'the comparison',
  'Loading the comparison…',
);

export function EmbedView() {
  const compare = useViewStore((s) => s.view) === 'compare';
  const title = useScenarioStore((s) => s.scenario.title);
  // Re-rendered on each step, so the link always opens the step on screen.
  useScenarioStore((s) => s.cursor);
  const full = `${window.location.href.split('#')[0]}#${encodeShare({ ...currentScreen(), embed: false })}`;
  return (
    <main className="embed">
      <div className="embed-bar">
        <h1 className="embed-title">{title}</h1>
        <a href={full} target="_blank" rel="noopener">
          Open in fpsimd-viz
        </a>
      </div>
      <Notices />
      {compare ? <EmbedCompare /> : <DiagramPanel chrome={false} contain whole />}
      <Transport compact />
    </main>
  );
}
