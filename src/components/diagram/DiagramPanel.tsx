// The diagram with its banners, totals and image export.
import { useCallback, useState } from 'react';
import { useDisplayStore } from '../../state/stores/displayStore';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { useViewStore } from '../../state/stores/viewStore';
import { DiagramWithBefore } from '../violations/BeforeAfter';
import { ViolationBanner } from '../violations/ViolationBanner';
import { Counters } from './Counters';
import { exportCaption, exportName, type ExportSubject } from './exportCaption';
import { exportPng, exportSvg, mainDiagram } from './exportImage';
import type { Fit } from './fit';
import { FittedDiagram } from './FittedDiagram';
import { BOUNDED_STEP_VIEW, useMediaQuery } from './useFitBox';

/**
 * `whole`: always the whole diagram in the box, whatever its text size (the embed: a picture for a
 * slide or a page); else arranged and scaled to stay readable, scrolling where it cannot fit (fit.ts).
 */
export function DiagramPanel({
  chrome = true,
  contain = false,
  whole = false,
}: {
  chrome?: boolean;
  contain?: boolean;
  whole?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const legend = useDisplayStore((s) => s.legend);
  const setLegend = useDisplayStore((s) => s.setLegend);
  const present = useDisplayStore((s) => s.setPresenting);
  const scale = useDisplayStore((s) => s.scale);
  const zoomBy = useDisplayStore((s) => s.zoomBy);
  const zoom = useViewStore((s) => s.zoom);
  const setZoom = useViewStore((s) => s.setZoom);
  // The diagram is arranged and scaled for its box (fit.ts); the label shows the scale it is drawn at.
  const bounded = useMediaQuery(BOUNDED_STEP_VIEW);
  const [fit, setFit] = useState<{ scale: number; scrolls: boolean } | null>(null);
  const onFit = useCallback(
    (f: Fit) => setFit((o) => (o?.scale === f.scale && o.scrolls === f.scrolls ? o : f)),
    [],
  );
  const shown = scale !== 1 || !fit ? scale : fit.scale;
  const subject = (): ExportSubject => {
    const s = useScenarioStore.getState();
    return { title: s.scenario.title, cursor: s.cursor, steps: s.replay.length, variant: s.variantId };
  };
  const run = (f: (svg: SVGSVGElement) => void | Promise<void>): void => {
    const svg = mainDiagram();
    if (!svg) return;
    setError(null);
    Promise.resolve(f(svg)).catch((e: unknown) => setError(`Export failed: ${String(e)}`));
  };
  return (
    <section className={contain ? 'panel diagram-panel contain' : 'panel diagram-panel'} aria-label="Diagram">
      <ViolationBanner />
      <DiagramWithBefore contain={contain}>
        <FittedDiagram
          className="diagram-scroll"
          contain={contain}
          boundedHeight={contain || bounded}
          forceScroll={scale > (fit?.scale ?? 1)}
          measure={!whole}
          onFit={onFit}
        />
      </DiagramWithBefore>
      {chrome && (
        <div className="diagram-footer">
          <Counters />
          <div className="row-buttons">
            <button
              type="button"
              aria-pressed={zoom === 'fit'}
              onClick={() => setZoom(zoom === 'fit' ? 'readable' : 'fit')}
            >
              Fit to width
            </button>
            <button
              type="button"
              onClick={() => zoomBy(1 / 1.25, shown)}
              aria-label="Zoom out"
              disabled={shown <= 0.4}
            >
              −
            </button>
            <span
              className="zoom-level"
              aria-live="polite"
              title="The diagram's size against its natural size (text at 100%: 11.5 to 14 px)"
            >
              {Math.round(shown * 100)}%
            </span>
            <button
              type="button"
              onClick={() => zoomBy(1.25, shown)}
              aria-label="Zoom in"
              disabled={shown >= 3}
            >
              +
            </button>
            <button
              type="button"
              aria-pressed={legend}
              onClick={() => setLegend(!legend)}
              title="Draws the legend under the diagram; exported images then include it"
            >
              Legend
            </button>
            <button type="button" onClick={() => present(true)} aria-keyshortcuts="p">
              Present
            </button>
            <button
              type="button"
              onClick={() => run((svg) => exportSvg(svg, exportName(subject()), exportCaption(subject())))}
            >
              Export SVG
            </button>
            <button
              type="button"
              onClick={() => run((svg) => exportPng(svg, exportName(subject()), exportCaption(subject())))}
            >
              Export PNG
            </button>
          </div>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
