// Owner colours and patterns, stable per context across scenarios: the kind picks a family (hue and
// texture), the id picks a shade within it. Families are built on the Okabe-Ito colours, whose hues stay
// apart under the common colour-vision deficiencies; the texture names the family too, and every owner is
// labelled, so colour is never the only cue.

export type Texture = 'stripes' | 'dots' | 'grid' | 'waves' | 'cross';

export interface OwnerStyle {
  colour: string;
  texture: Texture;
  /** Rotation of the texture in degrees: a second cue for the shade within a family. */
  angle: number;
  /** The family's name, for the legend. */
  family: string;
}

interface Family {
  name: string;
  texture: Texture;
  shades: readonly string[];
}

/**
 * Families keyed on the context kind's string, so a kind the engine adds later (e.g. `kernel_neon`)
 * keeps its family without a change here; unknown kinds are grey.
 */
export const FAMILIES: Readonly<Record<string, Family>> = {
  task: { name: 'host task', texture: 'stripes', shades: ['#E69F00', '#F7C873', '#A86F00', '#FFE0A3'] },
  vcpu: { name: 'vcpu', texture: 'dots', shades: ['#56B4E9', '#0072B2', '#A6D8F5', '#00446B'] },
  kthread: { name: 'kernel thread', texture: 'grid', shades: ['#009E73', '#7ED8BC', '#005E44'] },
  kernel_neon: {
    name: 'kernel-mode NEON',
    texture: 'waves',
    shades: ['#CC79A7', '#E8B8D3', '#8C4472'],
  },
};
// Browns, so that an unknown kind never looks like the grey of kernel-mode NEON scratch.
const OTHER: Family = { name: 'other', texture: 'cross', shades: ['#B07A4F', '#D9B38C', '#7A4F2A'] };

/** The registers' content when it is kernel-mode NEON scratch (no context's data). */
export const SCRATCH_STYLE: OwnerStyle = { colour: '#9a9a9a', texture: 'cross', angle: 0, family: 'scratch' };

const ANGLES = [0, 90, 45, 135];

export function familyOf(kind: string): Family {
  return Object.hasOwn(FAMILIES, kind) ? FAMILIES[kind] : OTHER;
}

/** The shade an id prefers: its trailing number (vcpu0, vcpu1...) or else a hash of the id. */
export function preferredShade(id: string, shades: number): number {
  const digits = /(\d+)$/.exec(id);
  if (digits) return Number(digits[1].slice(-6)) % shades;
  let h = 0;
  for (const c of id) h = (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  return h % shades;
}

/**
 * Styles for one scenario's contexts, in order. Each takes its preferred shade; only when two contexts
 * of one family would look alike does the later one move to the next free shade (then the textures'
 * angles still differ).
 */
export function ownerStyles(contexts: readonly { id: string; kind: string }[]): OwnerStyle[] {
  const used = new Map<string, Set<number>>();
  return contexts.map((c) => {
    const fam = familyOf(c.kind);
    const taken = used.get(fam.name) ?? new Set<number>();
    used.set(fam.name, taken);
    const n = fam.shades.length;
    let slot = preferredShade(c.id, n);
    for (let k = 0; k < n * ANGLES.length && taken.has(slot); k++) slot = (slot + 1) % (n * ANGLES.length);
    taken.add(slot);
    return {
      colour: fam.shades[slot % n],
      texture: fam.texture,
      angle: ANGLES[Math.floor(slot / n) % ANGLES.length],
      family: fam.name,
    };
  });
}
