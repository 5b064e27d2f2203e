// Page-wide keys: undo/redo anywhere outside a text field; stepping keys when nothing is focused
// (e.g. an embedded diagram on a slide).
import { useEffect } from 'react';
import { useScenarioStore } from '../state/scenarioStore';
import { timelineKey } from './timeline/useTimelineKeys';

function inTextField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useGlobalKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || inTextField(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) useScenarioStore.getState().redo();
        else useScenarioStore.getState().undo();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        useScenarioStore.getState().redo();
        return;
      }
      const onBody = e.target === document.body || e.target === document.documentElement;
      if (onBody && !e.altKey && !e.ctrlKey && !e.metaKey && timelineKey(e.key)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
