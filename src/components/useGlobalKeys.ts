// Page-wide keys: undo/redo anywhere outside a text field; ← and → step from anywhere except where the
// focused control uses them itself (text fields, selects, sliders, lists); the other timeline keys
// (Space, Home, End, Page keys) when nothing is focused, e.g. an embedded diagram on a slide; "?" lists
// the shortcuts.
import { useEffect } from 'react';
import { useScenarioStore } from '../state/stores/scenarioStore';
import { useViewStore } from '../state/stores/viewStore';
import { timelineKey } from './timeline/useTimelineKeys';

/** Roles whose widgets use the arrow keys themselves. */
const ARROW_ROLES = [
  'slider',
  'listbox',
  'spinbutton',
  'radiogroup',
  'radio',
  'tablist',
  'tab',
  'menu',
  'grid',
];

export function inTextField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Whether the focused element uses ← and → itself. */
export function usesArrows(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return inTextField(el) || el.closest(ARROW_ROLES.map((r) => `[role="${r}"]`).join(',')) !== null;
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
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === '?') {
        e.preventDefault();
        useViewStore.getState().setShortcutsOpen(true);
        return;
      }
      if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !usesArrows(e.target)) {
        e.preventDefault();
        timelineKey(e.key);
        return;
      }
      const onBody = e.target === document.body || e.target === document.documentElement;
      if (onBody && timelineKey(e.key)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
