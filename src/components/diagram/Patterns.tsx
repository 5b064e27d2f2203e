// SVG fill patterns for owners: colour plus a texture, so owners differ without colour too.
import { OWNER_COLOURS, SCRATCH_COLOUR, ownerStyle, patternId, type PatternKind } from './owners';

function Texture({ kind }: { kind: PatternKind | 'cross' }) {
  switch (kind) {
    case 'stripes':
      return <path d="M-2,2 l4,-4 M0,10 l10,-10 M8,12 l4,-4" className="fv-texture" />;
    case 'dots':
      return <circle cx="5" cy="5" r="1.8" className="fv-texture-fill" />;
    case 'grid':
      return <path d="M0,5 h10 M5,0 v10" className="fv-texture" />;
    case 'cross':
      return <path d="M0,0 l10,10 M10,0 l-10,10" className="fv-texture" />;
    case 'solid':
      return null;
    default: {
      const never: never = kind;
      throw new Error(`unknown pattern ${String(never)}`);
    }
  }
}

/** One pattern per context index, plus kernel-mode NEON scratch. */
export function Patterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => {
        const st = ownerStyle(i);
        return (
          <pattern key={i} id={patternId(prefix, i)} width="10" height="10" patternUnits="userSpaceOnUse">
            <rect width="10" height="10" fill={st.colour} />
            <Texture kind={st.pattern} />
          </pattern>
        );
      })}
      <pattern id={patternId(prefix, -2)} width="10" height="10" patternUnits="userSpaceOnUse">
        <rect width="10" height="10" fill={SCRATCH_COLOUR} />
        <Texture kind="cross" />
      </pattern>
    </>
  );
}

export { OWNER_COLOURS };
