// How the diagram is arranged and scaled in the box it has: whole and readable where the box allows,
// else as wide as the box and readable, scrolling; never drawn with text under 11 CSS px unless asked
// ("Fit to width" on a diagram too wide to fit readably). The zoom label shows the scale chosen here.
import { CARD_W, columns, diagramLayout, GAP, PAD, type Arrangement, type DiagramLayout } from './layout';

/** The smallest diagram text is 11.5 units (rows, legend): at this scale it renders at 11 CSS px. */
export const MIN_SCALE = 0.96;
/** A big box leaves margins rather than drawing the diagram far above its natural size. */
export const MAX_SCALE = 1.15;
/** Fitted into a screen (tours, presenter mode, the embed): as large as the box allows, up to this. */
export const MAX_CONTAIN_SCALE = 3;
/** Below this width a grid of two columns cannot be readable: one column is then on offer. */
const TWO_COLUMNS = (2 * CARD_W + GAP + 2 * PAD) * MIN_SCALE;

export interface DiagramDims {
  nCpus: number;
  cpuRows: number;
  nContexts: number;
  ctxRows: number;
  /** An SVE machine: CPU panels carry an H band. */
  sve?: boolean;
}

export interface FitBox {
  w: number;
  /** null: the height is not bounded (the page scrolls). */
  h: number | null;
}

export interface Fit {
  arrangement: Arrangement;
  layout: DiagramLayout;
  /** Rendered size over natural size. */
  scale: number;
  /** Whether the diagram is larger than its box (the box scrolls). */
  scrolls: boolean;
}

/** The arrangements worth trying, most columns first (fewest rows). */
export function arrangements(d: DiagramDims, boxW: number): Arrangement[] {
  const list: Arrangement[] = [];
  for (let c = columns(d.nCpus, d.nContexts); c >= Math.max(d.nCpus, 1); c--) {
    // One column of cards under one CPU: the arrows would cross the cards (stacked routes them).
    if (c === 1 && d.nContexts > 1) continue;
    list.push({ kind: 'grid', cols: c });
  }
  // One column of many CPUs is very tall: offered for two CPUs or fewer, or where no grid can be read.
  if (d.nCpus <= 2 || boxW < TWO_COLUMNS) list.push({ kind: 'stacked' });
  return list;
}

/**
 * The arrangement and scale for a box. `extra` is the height drawn under the diagram at the same scale
 * (the legend) for a layout; `fitWidth` draws a diagram that no arrangement fits readably at the
 * box's width anyway (the user's "Fit to width").
 */
export function chooseFit(
  d: DiagramDims,
  box: FitBox,
  extra: (l: DiagramLayout) => number = () => 0,
  fitWidth = false,
  maxScale = MAX_SCALE,
): Fit {
  const cands = arrangements(d, box.w).map((arrangement) => {
    const layout = diagramLayout(d.nCpus, d.cpuRows, d.nContexts, d.ctxRows, arrangement, d.sve);
    return { arrangement, layout, w: layout.width, h: layout.height + extra(layout) };
  });
  const byWidth = (c: (typeof cands)[number]): number => Math.min(box.w / c.w, maxScale);
  const whole = (c: (typeof cands)[number]): number =>
    box.h === null ? byWidth(c) : Math.min(byWidth(c), box.h / c.h);
  // 1. Whole in the box and readable: the largest scale, fewer rows unless more give clearly more.
  let best = cands[0];
  for (const c of cands.slice(1)) if (whole(c) > whole(best) * 1.03) best = c;
  if (whole(best) >= MIN_SCALE) return { ...best, scale: whole(best), scrolls: false };
  // 2. As wide as the box and readable, scrolling down: the one that scrolls least.
  const readable = cands.filter((c) => byWidth(c) >= MIN_SCALE);
  if (readable.length > 0) {
    const c = readable.reduce((a, b) => (b.h * byWidth(b) < a.h * byWidth(a) ? b : a));
    return { ...c, scale: byWidth(c), scrolls: true };
  }
  // 3. Nothing readable fits the width: the narrowest, readable and scrolling both ways (or fitted).
  const c = cands.reduce((a, b) => (b.w < a.w ? b : a));
  return { ...c, scale: fitWidth ? box.w / c.w : MIN_SCALE, scrolls: true };
}

const keys = new WeakMap<Fit, string>();

/** A fit's value as text, computed once per fit object. */
function fitKey(fit: Fit): string {
  let key = keys.get(fit);
  if (key === undefined) {
    key = JSON.stringify(fit);
    keys.set(fit, key);
  }
  return key;
}

/** Whether two fits arrange and scale the diagram alike (a box resized by a few pixels often does). */
export function sameFit(a: Fit | null, b: Fit | null): boolean {
  return a === b || (a !== null && b !== null && fitKey(a) === fitKey(b));
}
