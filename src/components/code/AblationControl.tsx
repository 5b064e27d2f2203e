// Beside an ablatable statement: re-run the scenario without it and say where it first goes wrong
// (with a jump there), or that it does not on this scenario (with the explorer to look further).
import type { MouseEvent } from 'react';
import type { Variant } from '../../engine';
import { ablationVariantId, type AblationRun } from '../../state/codepane/codeAblation';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { encodeShare } from '../../state/links/share';
import { currentScreen } from '../../state/links/urlSync';
import { useViewStore } from '../../state/stores/viewStore';
import { violationTitle } from '../../state/viewmodels/violationText';
import { isView } from '../../state/stores/views';
import { eventName } from '../../state/viewmodels/eventNumber';

const EXPLORE_VIEW = 'explore';

interface Props {
  name: string;
  variant: Variant;
  result: AblationRun | undefined;
  onRerun(name: string): void;
}

function ExplorerLink({ variantId }: { variantId: string }) {
  if (!isView(EXPLORE_VIEW))
    return (
      <a className="disabled-link" role="link" aria-disabled="true">
        Look further in the explorer (the explorer is not available in this version)
      </a>
    );
  const open = (e: MouseEvent): void => {
    // In place: following the link would reopen the scenario and drop its undo history.
    e.preventDefault();
    useScenarioStore.getState().setVariant(variantId);
    useViewStore.getState().setView(EXPLORE_VIEW);
  };
  const href = `#${encodeShare({ ...currentScreen(), variant: variantId, view: EXPLORE_VIEW })}`;
  return (
    <a href={href} onClick={open}>
      Look further in the explorer ({variantId})
    </a>
  );
}

function Result({ name, result }: { name: string; result: AblationRun }) {
  if (!result.ok) return <p className="error-text">{result.message}</p>;
  const { first, variant } = result;
  if (first) {
    const step = first.step + 1;
    const jump = (): void => {
      const s = useScenarioStore.getState();
      s.setVariant(variant);
      s.setCursor(step);
    };
    return (
      <p>
        Without <code>{name}</code> ({variant}) this scenario first goes wrong at <strong>step {step}</strong>
        : <strong>{violationTitle(first)}</strong> on CPU{first.cpu}. {first.message}{' '}
        <button type="button" className="small" onClick={jump}>
          Go to step {step} in {variant}
        </button>
      </p>
    );
  }
  return (
    <p>
      Without <code>{name}</code> ({variant}) this scenario does not go wrong
      {result.stoppedAt === null
        ? ` (all ${result.steps} steps replayed)`
        : ` in the ${result.steps} steps replayed (${eventName(result.stoppedAt)} is not legal there)`}
      . Other scenarios may: <ExplorerLink variantId={variant} />
    </p>
  );
}

export function AblationControl({ name, variant, result, onRerun }: Props) {
  const era = variant.era;
  const removedHere = variant.ablation === name;
  return (
    <div className="code-ablation" data-ablation={name}>
      {removedHere ? (
        <p>
          This statement is removed in the variant on screen ({variant.id}).{' '}
          <button
            type="button"
            className="small"
            onClick={() => useScenarioStore.getState().setVariant(era.id)}
          >
            Put it back ({era.id})
          </button>
        </p>
      ) : (
        <button
          type="button"
          className="small"
          onClick={() => onRerun(name)}
          aria-label={`Re-run without this statement (${name}, variant ${ablationVariantId(era, name)})`}
        >
          Re-run without this statement
        </button>
      )}
      <div role="status" className="code-ablation-result">
        {result && !removedHere && <Result name={name} result={result} />}
      </div>
    </div>
  );
}
