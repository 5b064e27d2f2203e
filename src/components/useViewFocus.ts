// When an action changes the view (a tab, "Open the example at the violating step", "Find it with the
// explorer", a tour's exit), focus moves to the new view's heading, so that a keyboard or screen-reader
// user lands on what opened instead of on <body>. The first view of a visit is left alone. Views load
// lazily, so the heading is awaited for a while.
import { useEffect, useRef } from 'react';
import type { ViewId } from '../state/stores/views';

/** How long a lazily loaded view's heading is waited for. */
const WAIT_MS = 5000;

/** The view's heading: the scenario's title in step-through, else the view's own first heading. */
export function viewHeading(view: ViewId, root: ParentNode = document): HTMLElement | null {
  const main = root.querySelector('#main');
  if (!main) return null;
  const headings = [...main.querySelectorAll<HTMLElement>('h2')].filter((h) => !h.closest('#library'));
  if (view === 'diagram') return headings.find((h) => h.classList.contains('scenario-title')) ?? null;
  return headings.find((h) => !h.classList.contains('scenario-title')) ?? null;
}

function focusHeading(h: HTMLElement): void {
  if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
  h.focus({ preventScroll: false });
}

export function useViewFocus(view: ViewId): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const found = viewHeading(view);
    if (found) return focusHeading(found);
    // A lazy view: wait for its heading to be drawn.
    const observer = new MutationObserver(() => {
      const h = viewHeading(view);
      if (!h) return;
      observer.disconnect();
      clearTimeout(timer);
      focusHeading(h);
    });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [view]);
}
