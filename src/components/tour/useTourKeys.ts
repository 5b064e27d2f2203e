// The tour's keys, wherever the focus is (outside text fields): arrows step, Escape leaves the tour.
// With the focus on the page itself the global keys step already; they mark the event as handled,
// so each key press moves exactly once.
import { useEffect } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { exitTour } from '../../state/stores/tourActions';

function inTextField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useTourKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || inTextField(e.target)) return;
      const s = useScenarioStore.getState();
      if (e.key === 'ArrowRight') s.stepBy(1);
      else if (e.key === 'ArrowLeft') s.stepBy(-1);
      else if (e.key === 'Escape') exitTour();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
