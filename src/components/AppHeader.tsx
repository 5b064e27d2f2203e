// The page header: the app's name, the view tabs, the library toggle, the variant and sharing.
import { useViewStore } from '../state/stores/viewStore';
import { VIEWS } from '../state/stores/views';
import { VariantSelect } from './header/VariantSelect';
import { LIBRARY_TOGGLE_ID } from './library/showOpened';
import { ShareControls } from './share/ShareControls';

export function AppHeader() {
  const view = useViewStore((s) => s.view);
  const setView = useViewStore((s) => s.setView);
  const libraryOpen = useViewStore((s) => s.libraryOpen);
  const setLibraryOpen = useViewStore((s) => s.setLibraryOpen);
  return (
    <header className="app-header">
      <div className="brand">
        <h1>fpsimd-viz</h1>
        <p className="tagline">arm64 Linux FP/SIMD register ownership, host and KVM guests</p>
      </div>
      <nav className="header-controls" aria-label="Main">
        <button
          type="button"
          id={LIBRARY_TOGGLE_ID}
          aria-expanded={libraryOpen}
          aria-controls="library"
          onClick={() => setLibraryOpen(!libraryOpen)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || !libraryOpen) return;
            e.preventDefault();
            e.stopPropagation();
            setLibraryOpen(false);
          }}
        >
          {libraryOpen ? 'Close scenarios' : 'Scenarios…'}
        </button>
        {VIEWS.length > 1 && (
          <div className="view-tabs" role="group" aria-label="View">
            {VIEWS.map((v) => (
              <button key={v.id} type="button" aria-pressed={v.id === view} onClick={() => setView(v.id)}>
                {v.label}
              </button>
            ))}
          </div>
        )}
        <VariantSelect />
        <ShareControls />
        <button
          type="button"
          className="small"
          aria-keyshortcuts="?"
          onClick={() => useViewStore.getState().setShortcutsOpen(true)}
        >
          Keys (?)
        </button>
      </nav>
    </header>
  );
}
