// How each compared variant is drawn: a colour (Okabe–Ito, safe for colour-blind readers) and, so that
// colour is never the only cue, a dash pattern, a line width, a marker shape and the variant's name.
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  type SymbolType,
} from 'd3';

export interface SeriesStyle {
  /** CSS class giving the colour (compare.css, light and dark). */
  className: string;
  /** stroke-dasharray, or undefined for a solid line. */
  dash: string | undefined;
  width: number;
  marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';
  /** The style in words, for legends read aloud. */
  words: string;
}

export const SERIES: readonly SeriesStyle[] = [
  { className: 'cmp-s0', dash: undefined, width: 3.5, marker: 'circle', words: 'solid line, circles' },
  { className: 'cmp-s1', dash: '8 4', width: 2.5, marker: 'square', words: 'dashed line, squares' },
  { className: 'cmp-s2', dash: '2 3', width: 2, marker: 'triangle', words: 'dotted line, triangles' },
  // Enough for every era at once (Compare the eras), plus one.
  { className: 'cmp-s3', dash: '10 3 2 3', width: 2.5, marker: 'diamond', words: 'dash-dot line, diamonds' },
  { className: 'cmp-s4', dash: '14 5', width: 1.8, marker: 'cross', words: 'long-dashed line, crosses' },
  { className: 'cmp-s5', dash: undefined, width: 1.5, marker: 'star', words: 'thin solid line, stars' },
];

const SHAPES: Record<SeriesStyle['marker'], SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  star: symbolStar,
};

/** The marker's path, centred on the origin (place it with a transform). `size` is its area in px². */
export function markerPath(marker: SeriesStyle['marker'], size = 48): string {
  return symbol(SHAPES[marker], size)() ?? '';
}

export function seriesStyle(slot: number): SeriesStyle {
  return SERIES[slot % SERIES.length];
}
