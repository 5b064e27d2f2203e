// How each compared variant is drawn: a colour (Okabe–Ito, safe for colour-blind readers) and, so that
// colour is never the only cue, a dash pattern, a line width, a marker shape and the variant's name.
import { symbol, symbolCircle, symbolSquare, symbolTriangle, type SymbolType } from 'd3';

export interface SeriesStyle {
  /** CSS class giving the colour (compare.css, light and dark). */
  className: string;
  /** stroke-dasharray, or undefined for a solid line. */
  dash: string | undefined;
  width: number;
  marker: 'circle' | 'square' | 'triangle';
  /** The style in words, for legends read aloud. */
  words: string;
}

export const SERIES: readonly SeriesStyle[] = [
  { className: 'cmp-s0', dash: undefined, width: 3.5, marker: 'circle', words: 'solid line, circles' },
  { className: 'cmp-s1', dash: '8 4', width: 2.5, marker: 'square', words: 'dashed line, squares' },
  { className: 'cmp-s2', dash: '2 3', width: 2, marker: 'triangle', words: 'dotted line, triangles' },
];

const SHAPES: Record<SeriesStyle['marker'], SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
};

/** The marker's path, centred on the origin (place it with a transform). `size` is its area in px². */
export function markerPath(marker: SeriesStyle['marker'], size = 48): string {
  return symbol(SHAPES[marker], size)() ?? '';
}

export function seriesStyle(slot: number): SeriesStyle {
  return SERIES[slot % SERIES.length];
}
