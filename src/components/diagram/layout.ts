// Geometry of the diagram: CPU panels in a row, context cards in a grid below, last-loaded pointers as
// curved arrows between them, placed as d3 scaleBand and linkVertical would place them; React draws them.
// On a narrow screen, one column ("stacked"): CPUs, then cards, the arrows in a lane each at the right.
export const PAD = 16;
export const GAP = 20;
export const CARD_W = 216;
export const ROW_H = 18;
export const HEAD_H = 30;
export const TILE_H = 52;
export const POINTER_H = 26;
/** SVE machines: the H band drawn under each register file (V), with the gap above it. */
export const H_BAND = 34;
/** Room between the CPU row and the context grid for the arrows. */
export const ARROW_ROOM = 70;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How cards are arranged: columns of the grid (at least one per CPU), or one column. */
export type Arrangement = { kind: 'grid'; cols: number } | { kind: 'stacked' };

/** Width of each arrow's lane at the right of a stacked diagram. */
export const LANE = 12;

export interface DiagramLayout {
  /** One column, arrows in lanes at the right (pointerPath routes them there). */
  stacked: boolean;
  width: number;
  height: number;
  cpus: Box[];
  contexts: Box[];
  cpuRowsY: number;
  tileY: number;
  /** SVE machines: where the H band under the register file starts (null: no SVE). */
  hBandY: number | null;
  pointerY: number;
}

export function cpuPanelHeight(rows: number, sve = false): number {
  return HEAD_H + rows * ROW_H + 8 + TILE_H + (sve ? H_BAND : 0) + 8 + POINTER_H;
}

/** Offsets inside a CPU panel: the register file, its H band (SVE), the pointer row. */
function panelOffsets(cpuRows: number, sve: boolean): Pick<DiagramLayout, 'tileY' | 'hBandY' | 'pointerY'> {
  const tileY = HEAD_H + cpuRows * ROW_H + 8;
  return {
    tileY,
    hBandY: sve ? tileY + TILE_H + 4 : null,
    pointerY: tileY + TILE_H + (sve ? H_BAND : 0) + 8,
  };
}

export function contextCardHeight(rows: number): number {
  return HEAD_H + rows * ROW_H + 8;
}

/** Columns: at least one per CPU; more for many contexts, up to six. */
export function columns(nCpus: number, nContexts: number): number {
  return Math.max(nCpus, Math.min(nContexts, 6), 1);
}

/**
 * Where band i of n starts in [start, stop], as d3's scaleBand().paddingInner(GAP / (CARD_W + GAP)) places
 * it (centred, unrounded; one band is narrower than its range, so it sits a little in): written out so
 * that the first load does not carry d3-scale, which brings d3's colour, number formatting and
 * interpolation with it (about 14 kB gzip).
 */
function bands(n: number, start: number, stop: number): (i: number) => number {
  const p = GAP / (CARD_W + GAP);
  const step = (stop - start) / Math.max(1, n - p);
  const first = start + (stop - start - step * (n - p)) / 2;
  return (i) => first + step * i;
}

export function diagramLayout(
  nCpus: number,
  cpuRows: number,
  nContexts: number,
  ctxRows: number,
  arrangement?: Arrangement,
  sve = false,
): DiagramLayout {
  if (arrangement?.kind === 'stacked') return stackedLayout(nCpus, cpuRows, nContexts, ctxRows, sve);
  const cols = Math.max(nCpus, 1, arrangement?.cols ?? columns(nCpus, nContexts));
  const width = PAD * 2 + cols * CARD_W + (cols - 1) * GAP;
  const inner = width - PAD * 2;
  const cpuH = cpuPanelHeight(cpuRows, sve);
  // CPU panels are centred over the grid when there are fewer CPUs than columns.
  const cpuSpan = nCpus * CARD_W + (nCpus - 1) * GAP;
  const cpuX = bands(nCpus, PAD + (inner - cpuSpan) / 2, PAD + (inner + cpuSpan) / 2);
  const colX = bands(cols, PAD, width - PAD);
  const cpus = Array.from({ length: nCpus }, (_, i) => ({
    x: cpuX(i),
    y: PAD,
    w: CARD_W,
    h: cpuH,
  }));
  const ctxH = contextCardHeight(ctxRows);
  const top = PAD + cpuH + ARROW_ROOM;
  const contexts = Array.from({ length: nContexts }, (_, i) => ({
    x: colX(i % cols),
    y: top + Math.floor(i / cols) * (ctxH + GAP),
    w: CARD_W,
    h: ctxH,
  }));
  const gridRows = Math.max(1, Math.ceil(nContexts / cols));
  return {
    stacked: false,
    width,
    height: top + gridRows * ctxH + (gridRows - 1) * GAP + PAD,
    cpus,
    contexts,
    cpuRowsY: HEAD_H,
    ...panelOffsets(cpuRows, sve),
  };
}

/** One column: the CPUs, then the cards, each arrow in its own lane at the right of the cards. */
function stackedLayout(
  nCpus: number,
  cpuRows: number,
  nContexts: number,
  ctxRows: number,
  sve: boolean,
): DiagramLayout {
  const cpuH = cpuPanelHeight(cpuRows, sve);
  const ctxH = contextCardHeight(ctxRows);
  const cpus = Array.from({ length: nCpus }, (_, i) => ({
    x: PAD,
    y: PAD + i * (cpuH + GAP),
    w: CARD_W,
    h: cpuH,
  }));
  const top = PAD + nCpus * (cpuH + GAP) + GAP;
  const contexts = Array.from({ length: nContexts }, (_, i) => ({
    x: PAD,
    y: top + i * (ctxH + GAP),
    w: CARD_W,
    h: ctxH,
  }));
  return {
    stacked: true,
    width: PAD + CARD_W + 10 + Math.max(1, nCpus) * LANE + PAD / 2,
    height: top + Math.max(1, nContexts) * (ctxH + GAP) - GAP + PAD,
    cpus,
    contexts,
    cpuRowsY: HEAD_H,
    ...panelOffsets(cpuRows, sve),
  };
}

/** CPU i's arrow to card `to`: a curve down in the grid, a lane at the right when stacked. */
export function layoutPointer(layout: DiagramLayout, cpu: number, to: number): string {
  const from = layout.cpus[cpu];
  const card = layout.contexts[to];
  if (!layout.stacked) return pointerPath(from, layout.pointerY, card);
  const lane = from.x + from.w + 10 + cpu * LANE + LANE / 2;
  const sy = from.y + layout.pointerY + POINTER_H / 2 - 2;
  const ty = card.y + 15;
  return `M${from.x + from.w - 2},${sy}H${lane}V${ty}H${card.x + card.w + 6}`;
}

/**
 * The curve from a CPU panel's pointer row down (or up) to a context card's top edge: the path d3's
 * linkVertical draws (a cubic whose control points share the middle height), written out for the same
 * reason as the grid above.
 */
export function pointerPath(from: Box, pointerY: number, to: Box): string {
  const sx = from.x + from.w / 2;
  const sy = from.y + pointerY + POINTER_H;
  const tx = to.x + to.w / 2;
  const ty = to.y - 6;
  const my = (sy + ty) / 2;
  return `M${sx},${sy}C${sx},${my},${tx},${my},${tx},${ty}`;
}

/**
 * Readable: never drawn below 75% of its natural size (the panel scrolls instead); fit: the panel's
 * width; contain: the whole diagram inside the panel's box (tours, presenter mode, the embed).
 */
export type DiagramZoom = 'fit' | 'readable' | 'contain';

/** The CSS size of a diagram (or its legend) `width` units wide, for the zoom and explicit scale. */
export function svgSize(
  zoom: DiagramZoom,
  scale: number,
  width: number,
): { width?: number; minWidth: number; maxWidth: number | 'none' } | undefined {
  if (zoom === 'contain') return undefined;
  if (scale !== 1) return { width: width * scale, minWidth: width * scale, maxWidth: 'none' };
  return { maxWidth: width * 1.15, minWidth: zoom === 'readable' ? width * 0.75 : 0 };
}
