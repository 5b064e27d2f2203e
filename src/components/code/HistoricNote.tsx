// Beside a `fixed(k, COMMIT)` test: the real kernel fix that changed this code, and whether the variant
// on screen runs it as it stood before that fix (the historic variant ERA/pre-COMMIT).
import type { HistoricFix, Variant } from '../../engine';
import { preFix } from '../../engine';
import { useScenarioStore } from '../../state/stores/scenarioStore';

interface Props {
  fix: HistoricFix;
  variant: Variant;
}

export function HistoricNote({ fix, variant }: Props) {
  const era = variant.era;
  const pre = `${era.id}/${preFix(fix.commit)}`;
  const before = variant.ablation === preFix(fix.commit);
  const setVariant = (id: string): void => useScenarioStore.getState().setVariant(id);
  return (
    <div className="code-historic" data-historic={fix.commit}>
      <p>
        Changed by kernel fix <code>{fix.commit}</code> “{fix.subject}” ({fix.date}).{' '}
        {before ? (
          <strong>
            The variant on screen ({variant.id}) runs this code as it stood before the fix: {fix.before}
          </strong>
        ) : (
          <>Here it runs as fixed; {pre} runs it as it stood before.</>
        )}{' '}
        {before ? (
          <button type="button" className="small" onClick={() => setVariant(era.id)}>
            Run it as fixed ({era.id})
          </button>
        ) : (
          <button type="button" className="small" onClick={() => setVariant(pre)}>
            Run it as before the fix ({pre})
          </button>
        )}
      </p>
    </div>
  );
}
