// The fixed bases in a variant <select>: one group, each option labelled as a fixed base naming the
// fixes applied (state/viewmodels/fixedBaseChoices.ts).
import { fixedBaseChoices } from '../../state/viewmodels/fixedBaseChoices';

export function FixedBaseOptions({ current }: { current?: string | null }) {
  return (
    <optgroup label="Fixed bases: a variant with some of its release's own bugs fixed">
      {fixedBaseChoices(current).map((c) => (
        <option key={c.id} value={c.id} title={c.title}>
          {c.label}
        </option>
      ))}
    </optgroup>
  );
}
