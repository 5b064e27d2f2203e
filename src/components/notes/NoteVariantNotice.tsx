// Beside a note: a notice when the note was written for another variant than the one on screen, with
// a button back to that variant (the tour offers it as its own way on).
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { notesMismatch } from '../../state/viewmodels/noteVariant';

export function NoteVariantNotice({ offerSwitch }: { offerSwitch: boolean }) {
  const scenario = useScenarioStore((s) => s.scenario);
  const variantId = useScenarioStore((s) => s.variantId);
  const setVariant = useScenarioStore((s) => s.setVariant);
  const written = notesMismatch(scenario, variantId);
  if (written === null) return null;
  return (
    <div className="callout banner-warn note-variant" role="note" data-written-for={written}>
      <strong>Written for {written}.</strong> The diagram shows {variantId}, so this note may not match it.
      {offerSwitch && (
        <>
          {' '}
          <button type="button" className="small" onClick={() => setVariant(written)}>
            Switch back to {written}
          </button>
        </>
      )}
    </div>
  );
}
