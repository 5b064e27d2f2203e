// The app shell: notices, header, the library drawer and the selected view; or the bare embed view.
import { AppHeader } from './components/AppHeader';
import { EmbedView } from './components/EmbedView';
import { ScenarioHeader } from './components/header/ScenarioHeader';
import { Library } from './components/library/Library';
import { Notices } from './components/Notices';
import { ShortcutHelp } from './components/ShortcutHelp';
import { UnsavedDialog } from './components/UnsavedDialog';
import { usePlayback } from './components/timeline/usePlayback';
import { useGlobalKeys } from './components/useGlobalKeys';
import { ViewBoundary } from './components/boundary/ViewBoundary';
import { VIEW_COMPONENTS, VIEW_NAMES } from './components/views';
import { useViewStore } from './state/viewStore';
import { DEFAULT_VIEW } from './state/views';

export function App() {
  usePlayback();
  useGlobalKeys();
  const view = useViewStore((s) => s.view);
  const embed = useViewStore((s) => s.embed);
  const libraryOpen = useViewStore((s) => s.libraryOpen);
  if (embed) return <EmbedView />;
  const View = VIEW_COMPONENTS[view] ?? VIEW_COMPONENTS[DEFAULT_VIEW];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the diagram
      </a>
      <AppHeader />
      <Notices />
      <UnsavedDialog />
      <ShortcutHelp />
      <main id="main" tabIndex={-1}>
        {libraryOpen && (
          <div id="library">
            <Library />
          </div>
        )}
        <ScenarioHeader />
        <ViewBoundary key={view} what={VIEW_NAMES[view] ?? 'this view'}>
          <View />
        </ViewBoundary>
      </main>
    </>
  );
}
