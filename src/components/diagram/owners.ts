// Owner colours and patterns: Okabe-Ito colours (safe for the common colour-vision deficiencies), each
// owner also drawn with its own fill pattern and always labelled, so colour is never the only cue.
export const OWNER_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
export const SCRATCH_COLOUR = '#9a9a9a';

export type PatternKind = 'solid' | 'stripes' | 'dots' | 'grid';
const PATTERNS: PatternKind[] = ['solid', 'stripes', 'dots', 'grid'];

export interface OwnerStyle {
  colour: string;
  pattern: PatternKind;
}

/** Context index -> style; neighbouring contexts differ in both colour and pattern. */
export function ownerStyle(index: number): OwnerStyle {
  const i = Math.max(0, index);
  return { colour: OWNER_COLOURS[i % OWNER_COLOURS.length], pattern: PATTERNS[i % PATTERNS.length] };
}

/** The fill pattern id of an owner within one diagram (ids are prefixed per diagram instance). */
export const patternId = (prefix: string, index: number): string =>
  index === -2 ? `${prefix}-scratch` : `${prefix}-owner-${index}`;
