// The app shell: notices, header, the library drawer and the selected view; or the bare embed view.
// Presenter mode lays the diagram over all of it (the page below is inert meanwhile).
import { AppHeader } from './components/AppHeader';
import { EmbedView } from './components/EmbedView';
import { ScenarioHeader } from './components/header/ScenarioHeader';
import { Library } from './components/library/Library';
import { Notices } from './components/Notices';
import { usePresenterKeys } from './components/presenter/usePresenterKeys';
import { ShortcutHelp } from './components/ShortcutHelp';
import { UnsavedDialog } from './components/UnsavedDialog';
import { usePlayback } from './components/timeline/usePlayback';
import { useGlobalKeys } from './components/useGlobalKeys';
import { useViewFocus } from './components/useViewFocus';
import { lazyPart, ViewBoundary } from './components/boundary/ViewBoundary';
import { VIEW_COMPONENTS, VIEW_NAMES } from './components/views';
import { useDisplayStore } from './state/stores/displayStore';
import { useViewStore } from './state/stores/viewStore';

// Presenter mode is loaded when first used (it is not part of the first screen).
const Presenter = lazyPart(
  () => import('./components/presenter/Presenter').then((m) => ({ default: m.Presenter })),
  'presenter mode',
  'Loading presenter mode…',
);

export function App() {
  usePlayback();
  useGlobalKeys();
  usePresenterKeys();
  const view = useViewStore((s) => s.view);
  useViewFocus(view);
  const embed = useViewStore((s) => s.embed);
  const libraryOpen = useViewStore((s) => s.libraryOpen);
  const presenting = useDisplayStore((s) => s.presenting);
  if (embed) return <EmbedView />;
  const View = VIEW_COMPONENTS[view];
  return (
    <>
      <div className={`app app-${view}`} inert={presenting}>
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
          {/* The gallery has its own header: the scenario on screen is not what it shows. */}
          {view !== 'gallery' && <ScenarioHeader />}
          <ViewBoundary key={view} what={VIEW_NAMES[view]}>
            <View />
          </ViewBoundary>
        </main>
      </div>
      <UnsavedDialog />
      <ShortcutHelp />
      {presenting && <Presenter />}
    </>
  );
}
