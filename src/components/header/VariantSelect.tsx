// The variant selector: every era and ablation the engine offers, each with its one-line description.
import { useId } from 'react';
import { VARIANTS } from '../../engine';
import { resolveVariant, useScenarioStore } from '../../state/stores/scenarioStore';
import { useMediaQuery } from '../diagram/useFitBox';
import { FixedBaseOptions } from '../gallery/FixedBaseOptions';

/** Short screens (screens.css): one row of header, where the picker's label is for screen readers only. */
const SHORT = '(min-width: 900px) and (max-height: 820px)';

export function VariantSelect() {
  const id = useId();
  const variantId = useScenarioStore((s) => s.variantId);
  const setVariant = useScenarioStore((s) => s.setVariant);
  const current = resolveVariant(variantId);
  const short = useMediaQuery(SHORT);
  return (
    <div className="variant-select">
      <label htmlFor={id} className={short ? 'visually-hidden' : undefined}>
        Kernel variant
      </label>
      <select
        id={id}
        value={variantId}
        onChange={(e) => setVariant(e.currentTarget.value)}
        aria-describedby={`${id}-desc`}
      >
        {VARIANTS.map((v) => (
          <option key={v.id} value={v.id} title={v.description}>
            {v.id}
          </option>
        ))}
        <FixedBaseOptions current={variantId} />
      </select>
      <p id={`${id}-desc`} className="variant-desc">
        {current.description}
      </p>
    </div>
  );
}
