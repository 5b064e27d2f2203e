// The app shell: notices, header, the library drawer and the selected view; or the bare embed view.
import { AppHeader } from './components/AppHeader';
import { EmbedView } from './components/EmbedView';
import { ScenarioHeader } from './components/header/ScenarioHeader';
import { Library } from './components/library/Library';
import { Notices } from './components/Notices';
import { usePlayback } from './components/timeline/usePlayback';
import { useGlobalKeys } from './components/useGlobalKeys';
import { VIEW_COMPONENTS } from './components/views';
import { useViewStore } from './state/viewStore';

export function App() {
  usePlayback();
  useGlobalKeys();
  const view = useViewStore((s) => s.view);
  const embed = useViewStore((s) => s.embed);
  const libraryOpen = useViewStore((s) => s.libraryOpen);
  if (embed) return <EmbedView />;
  const View = VIEW_COMPONENTS[view];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the diagram
      </a>
      <AppHeader />
      <Notices />
      <main id="main" tabIndex={-1}>
        {libraryOpen && (
          <div id="library">
            <Library />
          </div>
        )}
        <ScenarioHeader />
        <View />
      </main>
    </>
  );
}
