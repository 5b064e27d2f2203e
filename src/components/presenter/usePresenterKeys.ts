// `p` opens presenter mode from anywhere outside text fields. While it is open, the arrows step and
// Escape leaves it; the handler runs first (capture) and marks the key handled, so the tour's and the
// timeline's own keys do not act on it too.
import { useEffect } from 'react';
import { useDisplayStore } from '../../state/stores/displayStore';
import { useScenarioStore } from '../../state/stores/scenarioStore';

function inTextField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || inTextField(e.target)) return;
      const display = useDisplayStore.getState();
      if (!display.presenting) {
        if (e.key !== 'p') return;
        display.setPresenting(true);
      } else if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') {
        useScenarioStore.getState().stepBy(1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        useScenarioStore.getState().stepBy(-1);
      } else if (e.key === 'Escape' || e.key === 'p') {
        display.setPresenting(false);
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
}
