// The size of the box a diagram is drawn in, followed as it changes (window resized, panel opened):
// the diagram picks its arrangement and scale for it (fit.ts). Only a resize re-renders, never a step.
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { FitBox } from './fit';

/** Where the step view gives the diagram a bounded height (styles.css, "one screen"). */
export const BOUNDED_STEP_VIEW = '(min-width: 900px) and (min-height: 560px)';

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia?.(query).matches ?? false);
  useLayoutEffect(() => {
    const m = window.matchMedia?.(query);
    if (!m) return;
    const on = (): void => setMatches(m.matches);
    on();
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return matches;
}

export function useFitBox(ref: RefObject<HTMLElement | null>, boundedHeight: boolean): FitBox | null {
  const [box, setBox] = useState<FitBox | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const read = (): void => {
      const w = el.clientWidth;
      const h = boundedHeight ? el.clientHeight : null;
      setBox((b) => (b && b.w === w && b.h === h ? b : w > 0 ? { w, h } : null));
    };
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, boundedHeight]);
  return box;
}
