// Choosing the compared variants: two slots up to one per era, each a selector of every era and
// ablation with its description; add or remove slots; every era in one click.
import { useId } from 'react';
import { ERAS, VARIANTS, findVariant } from '../../engine';
import { ALL_ERAS, MAX_COMPARED, MIN_COMPARED, useCompareStore } from '../../state/stores/compareStore';
import { slotName } from './labels';
import { Swatch } from './Swatch';
import { FixedBaseOptions } from '../gallery/FixedBaseOptions';

function Slot({ slot, id, removable }: { slot: number; id: string; removable: boolean }) {
  const htmlId = useId();
  const setSlot = useCompareStore((s) => s.setSlot);
  const removeSlot = useCompareStore((s) => s.removeSlot);
  const v = findVariant(id);
  return (
    <div className="cmp-slot">
      <label htmlFor={htmlId}>
        <Swatch slot={slot} /> {slotName(slot)}
      </label>
      <select
        id={htmlId}
        value={id}
        onChange={(e) => setSlot(slot, e.currentTarget.value)}
        aria-describedby={`${htmlId}-desc`}
      >
        {ERAS.map((era) => (
          <optgroup key={era.id} label={`${era.id} and its ablations`}>
            {VARIANTS.filter((x) => x.era === era).map((x) => (
              <option key={x.id} value={x.id} title={x.description}>
                {x.id}
              </option>
            ))}
          </optgroup>
        ))}
        <FixedBaseOptions current={id} />
      </select>
      <p id={`${htmlId}-desc`} className="variant-desc">
        {v?.description}
      </p>
      {removable && (
        <button
          type="button"
          className="small"
          onClick={() => removeSlot(slot)}
          aria-label={`Remove ${id} from the comparison`}
        >
          Remove
        </button>
      )}
    </div>
  );
}

export function VariantPicker() {
  const variants = useCompareStore((s) => s.variants);
  const addSlot = useCompareStore((s) => s.addSlot);
  const setVariants = useCompareStore((s) => s.setVariants);
  const isEras = variants.join() === ALL_ERAS.join();
  return (
    <section className="panel cmp-picker" aria-labelledby="cmp-picker-heading">
      <h2 id="cmp-picker-heading">Compared variants</h2>
      <div className="cmp-slots">
        {variants.map((id, slot) => (
          <Slot key={slot} slot={slot} id={id} removable={variants.length > MIN_COMPARED} />
        ))}
      </div>
      <div className="row-buttons">
        {variants.length < MAX_COMPARED && (
          <button type="button" onClick={addSlot}>
            Add a variant
          </button>
        )}
        <button type="button" onClick={() => setVariants(ALL_ERAS)} disabled={isEras}>
          Compare the eras ({ALL_ERAS.join(', ')})
        </button>
      </div>
    </section>
  );
}
