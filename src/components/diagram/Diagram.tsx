// The diagram: CPU panels, context cards and last-loaded pointers for one step of a replay.
// Pure presentation of a DiagramModel; ConnectedDiagram feeds it from the scenario store.
import { useEffect, useMemo, useState } from 'react';
import { cursorView } from '../../state/viewmodels/cursorView';
import type { DiagramModel } from '../../state/viewmodels/diagramModel';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { useDisplayStore } from '../../state/stores/displayStore';
import { useViewStore } from '../../state/stores/viewStore';
import { ContextCard } from './ContextCard';
import { CpuPanel } from './CpuPanel';
import { DIAGRAM_CSS } from './diagramCss';
import { chooseFit, MAX_CONTAIN_SCALE, MAX_SCALE, sameFit, type Fit, type FitBox } from './fit';
import { diagramLayout, layoutPointer, PAD, svgSize, type DiagramZoom } from './layout';
import { Legend, LegendSvg, legendEntries, legendLayout } from './Legend';
import { DiagramDefs, useDefsPrefix } from './Patterns';
import { useDiagramModel } from './useDiagramModel';

interface Props {
  model: DiagramModel;
  title: string;
  /** Marks the diagram that "Export SVG/PNG" saves. */
  exportName?: string;
  /**
   * Readable: never drawn below 75% of its natural size (the panel scrolls instead); fit: the panel's
   * width; contain: the whole diagram inside the panel's box (tours, presenter mode, the embed).
   */
  zoom?: DiagramZoom;
  /** Draw the legend under the diagram (an exported image then carries it too). */
  legend?: boolean;
  /** Explicit zoom (1: none): the diagram is drawn at this share of its natural size and scrolls. */
  scale?: number;
  /** Flash what changed (skipped during rapid stepping; CSS also honours reduced motion). */
  animate?: boolean;
  /**
   * The box the diagram is drawn in, measured: the arrangement and scale are then chosen for it
   * (fit.ts) and reported through onFit. Without it, the default grid scaled by CSS.
   */
  box?: FitBox | null;
  onFit?: (fit: Fit) => void;
}

export function Diagram({
  model,
  title,
  exportName,
  zoom = 'readable',
  animate = true,
  legend = false,
  scale = 1,
  box = null,
  onFit,
}: Props) {
  const prefix = useDefsPrefix();
  // Sized for the whole replay (DiagramModel.frame), so cards and legend hold still while stepping; the
  // step's own sizes only as a safety net.
  const { frame } = model;
  const cpuRows = Math.max(frame.cpuRows, ...model.cpus.map((c) => c.rows.length));
  const ctxRows = Math.max(1, frame.ctxRows, ...model.contexts.map((c) => c.rows.length));
  const nContexts = Math.max(frame.contexts, model.contexts.length);
  const sve = frame.sve;
  const legendItems = useMemo(
    () => (legend ? legendEntries(model.owners, model.styles, sve) : null),
    [legend, model.owners, model.styles, sve],
  );
  const nLegend = legendItems?.length ?? 0;
  const boxW = box?.w ?? 0;
  const boxH = box?.h ?? null;
  const fitWidth = zoom === 'fit';
  const chosen = useMemo(
    () =>
      boxW > 0
        ? chooseFit(
            { nCpus: model.cpus.length, cpuRows, nContexts, ctxRows, sve },
            { w: boxW, h: boxH },
            (l) => (nLegend > 0 ? legendLayout(nLegend, l.width).height : 0),
            fitWidth,
            zoom === 'contain' ? MAX_CONTAIN_SCALE : MAX_SCALE,
          )
        : null,
    [model.cpus.length, cpuRows, nContexts, ctxRows, sve, boxW, boxH, nLegend, fitWidth, zoom],
  );
  // The box's height moves with what sits above and below it (the counters take a second line at some
  // steps): the same arrangement and scale then keep their object, so no card or CPU re-renders.
  const [kept, setKept] = useState(chosen);
  const same = sameFit(kept, chosen);
  if (!same) setKept(chosen);
  const fit = same ? kept : chosen;
  useEffect(() => {
    if (fit) onFit?.(fit);
  }, [fit, onFit]);
  const base = useMemo(
    () => fit?.layout ?? diagramLayout(model.cpus.length, cpuRows, nContexts, ctxRows, undefined, sve),
    [fit, model.cpus.length, cpuRows, nContexts, ctxRows, sve],
  );
  // One owner list per replay (every owner of any step): patterns and legend hold still while stepping.
  const { styles } = model;
  const legendBox = useMemo(
    () => (legendItems ? legendLayout(legendItems.length, base.width) : null),
    [legendItems, base.width],
  );
  // Fitted into a box (tours, presenter, embed), the legend is part of the one picture; else it is an
  // <svg> of its own under the diagram: a static root that a step neither lays out nor repaints (drawn
  // inside, it cost a jump 6 to 12% of its main-thread time). Export joins the two (exportImage.ts).
  const inside = zoom === 'contain';
  const layout = inside && legendBox ? { ...base, height: base.height + legendBox.height } : base;
  // Measured: drawn at the chosen scale (or the user's), in CSS pixels; else sized by CSS.
  const k = fit ? (scale !== 1 ? scale : fit.scale) : null;
  const size = k === null ? svgSize(zoom, scale, layout.width) : pixels(layout.width, layout.height, k);
  // Memoised: the legend's <svg> must not re-render while stepping.
  const legendH = legendBox?.height ?? null;
  const legendSize = useMemo(
    () => (k === null || legendH === null ? undefined : pixels(layout.width, legendH, k)),
    [k, legendH, layout.width],
  );
  const cardOf = new Map(model.contexts.map((c, i) => [c.id, i]));
  return (
    <>
      <svg
        className={`fv-diagram${animate ? ' fv-animate' : ''}${inside && !fit ? ' fv-contain' : ''}`}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        role="group"
        aria-label={title}
        data-export={exportName}
        data-step={model.step}
        style={size}
      >
        <style>{DIAGRAM_CSS}</style>
        <DiagramDefs prefix={prefix} styles={styles} sve={sve} />
        <rect className="fv-bg" width={layout.width} height={layout.height} />
        {model.cpus.map((cpu, i) => (
          <CpuPanel
            key={cpu.id}
            cpu={cpu}
            box={layout.cpus[i]}
            tileY={layout.tileY}
            hBandY={layout.hBandY}
            pointerY={layout.pointerY}
            prefix={prefix}
            pointerDrawn={cpu.lastState !== null && cardOf.has(cpu.lastState)}
          />
        ))}
        {model.contexts.map((ctx, i) => (
          // Kernel-mode NEON cards come and go in the slots after the contexts: keyed by slot, a card
          // that appears reuses the elements of one that left instead of building its own.
          <ContextCard
            key={ctx.kind === 'kernel_neon' ? `slot${i}` : ctx.id}
            ctx={ctx}
            box={layout.contexts[i]}
            prefix={prefix}
          />
        ))}
        {inside && legendItems && legendBox && (
          <Legend items={legendItems} box={legendBox} top={base.height - PAD} prefix={prefix} />
        )}
        <g className="fv-arrows">
          {model.cpus.map((cpu, i) => {
            const target = cpu.lastState === null ? undefined : cardOf.get(cpu.lastState);
            if (target === undefined) return null;
            return (
              <path
                key={cpu.id}
                className={`fv-arrow${cpu.pointerChanged ? ' fv-changed' : ''}`}
                d={layoutPointer(layout, i, target)}
                markerEnd={`url(#${prefix}-head)`}
                data-from={`cpu${cpu.id}`}
                data-to={cpu.lastState ?? ''}
              >
                <title>{`CPU${cpu.id} fpsimd_last_state → ${cpu.lastState}`}</title>
              </path>
            );
          })}
        </g>
      </svg>
      {!inside && legendItems && legendBox && (
        <LegendSvg
          sve={sve}
          items={legendItems}
          box={legendBox}
          styles={styles}
          zoom={zoom}
          scale={scale}
          width={layout.width}
          size={legendSize}
        />
      )}
    </>
  );
}

/** A fixed CSS size: `k` times the natural size. */
const pixels = (w: number, h: number, k: number) => ({
  width: w * k,
  height: h * k,
  minWidth: 0,
  maxWidth: 'none' as const,
});

/** The diagram of the scenario store's replay at its cursor. */
export function ConnectedDiagram({
  contain = false,
  exportName = 'main',
  box = null,
  onFit,
  scale: scaleOverride,
}: {
  contain?: boolean;
  exportName?: string;
  box?: FitBox | null;
  onFit?: (fit: Fit) => void;
  /** An explicit scale over the stored one (the before/after pair keeps both pictures readable). */
  scale?: number;
}) {
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const storedZoom = useViewStore((s) => s.zoom);
  const legend = useDisplayStore((s) => s.legend);
  const scale = useDisplayStore((s) => s.scale);
  const animate = !useScenarioStore((s) => s.rapid);
  const cv = useMemo(() => cursorView(replay, cursor), [replay, cursor]);
  const model = useDiagramModel(cv);
  return (
    <Diagram
      model={model}
      title={`FP register ownership after step ${cursor}`}
      exportName={exportName}
      zoom={contain ? 'contain' : storedZoom}
      animate={animate}
      legend={legend}
      scale={scaleOverride ?? (contain ? 1 : scale)}
      box={box}
      onFit={onFit}
    />
  );
}
