// SVG fill patterns for owners: colour plus a texture naming the family, rotated per shade, so owners
// differ without colour too.
import { memo, useId } from 'react';
import { SCRATCH_STYLE, type OwnerStyle, type Texture } from '../../state/viewmodels/ownerStyle';
import { patternId } from './owners';

function TextureMark({ kind }: { kind: Texture }) {
  switch (kind) {
    case 'stripes':
      return <path d="M0,0 v10 M5,0 v10" className="fv-texture" />;
    case 'dots':
      return <circle cx="5" cy="5" r="1.8" className="fv-texture-fill" />;
    case 'grid':
      return <path d="M0,5 h10 M5,0 v10" className="fv-texture" />;
    case 'waves':
      return <path d="M0,5 q2.5,-4 5,0 t5,0" className="fv-texture" />;
    case 'cross':
      return <path d="M0,0 l10,10 M10,0 l-10,10" className="fv-texture" />;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export function OwnerPattern({ id, style }: { id: string; style: OwnerStyle }) {
  return (
    <pattern
      id={id}
      width="10"
      height="10"
      patternUnits="userSpaceOnUse"
      patternTransform={style.angle ? `rotate(${style.angle})` : undefined}
    >
      <rect width="10" height="10" fill={style.colour} />
      <TextureMark kind={style.texture} />
    </pattern>
  );
}

/** An id prefix for one <svg>'s definitions, unique in the page and valid in a url(#...) reference. */
export function useDefsPrefix(): string {
  return `fv${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
}

/** The hatchings of SVE upper state (H): grey for zero or dead by the ABI, red for gone. */
export const hatchId = (prefix: string, kind: 'dead' | 'gone'): string => `${prefix}-hatch-${kind}`;

function Hatch({ id, kind }: { id: string; kind: 'dead' | 'gone' }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="8" height="8" className="fv-hatch-bg" />
      <path d="M0,0 v8" className={kind === 'gone' ? 'fv-hatch-gone' : 'fv-hatch-dead'} />
    </pattern>
  );
}

/**
 * The definitions a diagram's marks refer to: owner patterns and the pointer's arrowhead; on SVE
 * machines the hatchings of H too (FPSIMD-only diagrams stay exactly as they were).
 */
export const DiagramDefs = memo(function DiagramDefs({
  prefix,
  styles,
  sve = false,
}: {
  prefix: string;
  styles: readonly OwnerStyle[];
  sve?: boolean;
}) {
  return (
    <defs>
      <Patterns prefix={prefix} styles={styles} />
      {sve && <Hatch id={hatchId(prefix, 'dead')} kind="dead" />}
      {sve && <Hatch id={hatchId(prefix, 'gone')} kind="gone" />}
      <marker
        id={`${prefix}-head`}
        viewBox="0 0 10 10"
        refX="8"
        refY="5"
        markerWidth="7"
        markerHeight="7"
        orient="auto-start-reverse"
      >
        <path d="M0,0 L10,5 L0,10 z" className="fv-arrowhead" />
      </marker>
    </defs>
  );
});

/** One pattern per context (by index in the scenario), plus kernel-mode NEON scratch. */
const Patterns = memo(function Patterns({
  prefix,
  styles,
}: {
  prefix: string;
  styles: readonly OwnerStyle[];
}) {
  return (
    <>
      {styles.map((st, i) => (
        <OwnerPattern key={i} id={patternId(prefix, i)} style={st} />
      ))}
      <OwnerPattern id={patternId(prefix, -2)} style={SCRATCH_STYLE} />
    </>
  );
});
