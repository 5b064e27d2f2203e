// The scenario store's diagram in a box it is arranged and scaled for (fit.ts): whole and readable
// where the box allows, else scrolling there, the box then focusable and named so the keyboard can
// scroll it too. Used by the diagram panel (step view, tours, embed) and presenter mode.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { ConnectedDiagram } from './Diagram';
import type { Fit } from './fit';
import { useFitBox } from './useFitBox';

export function FittedDiagram({
  className,
  contain,
  boundedHeight,
  exportName = 'main',
  forceScroll = false,
  measure = true,
  onFit,
}: {
  className: string;
  contain: boolean;
  /** Whether the box's height is set by the page (else the page scrolls and only width counts). */
  boundedHeight: boolean;
  exportName?: string;
  /** The user zoomed in past the fitted size: the box scrolls. */
  forceScroll?: boolean;
  /** false: not measured; the default grid, sized by CSS (whole in the box when contained). */
  measure?: boolean;
  onFit?: (fit: Fit) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const box = useFitBox(ref, boundedHeight);
  const [fitScrolls, setFitScrolls] = useState(false);
  const fitted = useCallback(
    (f: Fit) => {
      setFitScrolls(f.scrolls);
      onFit?.(f);
    },
    [onFit],
  );
  const scrolls = fitScrolls || forceScroll;
  // A tour or presenter mode that scrolls brings the card or CPU the step changed into view (the step
  // view leaves its scrolling to the user: no layout read per step there).
  useEffect(() => {
    if (!contain) return;
    return useScenarioStore.subscribe((s, prev) => {
      if (s.cursor !== prev.cursor) requestAnimationFrame(() => revealChanged(ref.current));
    });
  }, [contain]);
  return (
    <div
      className={className}
      ref={ref}
      data-scrolls={scrolls || undefined}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? 'Diagram (scrolls)' : undefined}
    >
      <ConnectedDiagram contain={contain} exportName={exportName} box={measure ? box : null} onFit={fitted} />
    </div>
  );
}

/** Scrolls a scrolling diagram box the least that brings the first changed CPU or card into view. */
function revealChanged(box: HTMLElement | null): void {
  if (!box?.hasAttribute('data-scrolls')) return;
  const changed = box.querySelector('.fv-changed, .fv-row-changed, .fv-tile-changed');
  const part = changed?.closest('[data-cpu], [data-context]');
  if (!part) return;
  const r = part.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  if (r.top < b.top) box.scrollTop += r.top - b.top - 8;
  else if (r.bottom > b.bottom) box.scrollTop += Math.min(r.bottom - b.bottom + 8, r.top - b.top - 8);
}
