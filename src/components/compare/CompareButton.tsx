// "Compare eras" on an example that comes with a comparison (the exit storm; an ablation's example is
// compared with its era): opens the example in the compare view with those variants.
import type { ExampleScenario } from '../../scenarios';
import { ALL_ERAS, comparePreset, useCompareStore } from '../../state/stores/compareStore';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { guardReplace } from '../../state/stores/unsavedGuard';
import { useViewStore } from '../../state/stores/viewStore';

export function CompareButton({ example }: { example: ExampleScenario }) {
  const preset = comparePreset(example.id, example.scenario.variant);
  if (!preset) return null;
  const eras = preset.join() === ALL_ERAS.join();
  const label = eras ? 'Compare eras' : `Compare with ${preset[0]}`;
  return (
    <button
      type="button"
      className="small"
      aria-label={`${label}: ${example.scenario.title} under ${preset.join(', ')}`}
      onClick={() =>
        void guardReplace(`compare “${example.scenario.title}”`, () => {
          useScenarioStore.getState().open(example.scenario, { kind: 'example', id: example.id });
          useCompareStore.getState().setVariants(preset);
          const view = useViewStore.getState();
          view.setView('compare');
          view.setLibraryOpen(false);
        })
      }
    >
      {label}
    </button>
  );
}
