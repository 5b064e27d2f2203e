// Register owners per CPU and variant at the cursor, marked where they differ; the steps where they
// differ, with jumps to the previous and next one; the strip of differences and violations.
import { useMemo } from 'react';
import { nextViolation, ownersAt, type Compared } from '../../state/viewmodels/compareModel';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { eventLabel } from '../../state/viewmodels/timelineModel';
import { CompareStrip } from './CompareStrip';
import { VariantTable } from './VariantTable';

interface Props {
  items: Compared[];
  diffs: number[];
  cursor: number;
}

export function OwnershipPanel({ items, diffs, cursor }: Props) {
  const setCursor = useScenarioStore((s) => s.setCursor);
  const rows = useMemo(() => ownersAt(items, cursor), [items, cursor]);
  const prev = [...diffs].reverse().find((n) => n < cursor);
  const next = diffs.find((n) => n > cursor);
  const differs = rows.some((r) => r.differs);
  const nextBreak = useMemo(() => nextViolation(items, cursor), [items, cursor]);
  const event = cursor > 0 ? items[0]?.replay.events[cursor - 1] : undefined;
  return (
    <section className="panel cmp-owners" aria-labelledby="cmp-owners-heading">
      <h2 id="cmp-owners-heading">Register ownership</h2>
      <p className="cmp-step" aria-live="polite">
        <strong>
          {cursor === 0 ? 'Initial state' : `After step ${cursor}`}
          {event ? ` (${eventLabel(event)})` : ''}:
        </strong>{' '}
        {differs ? (
          <span className="cmp-differs" data-differs="true">
            ⚑ the variants’ register owners differ
          </span>
        ) : (
          <span data-differs="false">the same owners in every variant</span>
        )}
      </p>
      <VariantTable
        caption="Whose FP data each CPU’s registers hold, per variant"
        corner="CPU"
        items={items}
        rows={rows.map((r) => ({ key: r.cpu, label: `CPU${r.cpu}`, differs: r.differs, values: r.owners }))}
      />
      <div className="row-buttons">
        <span className="cmp-diff-count">
          {diffs.length === 0
            ? 'Register owners are the same at every step.'
            : `Owners first differ at step ${diffs[0]}${diffs.length > 1 ? ` (and at ${diffs.length - 1} more step${diffs.length === 2 ? '' : 's'})` : ''}.`}
        </span>
        <JumpButton what="Previous difference" step={prev} onJump={setCursor} />
        <JumpButton what="Next difference" step={next} onJump={setCursor} />
        <button
          type="button"
          className="small"
          disabled={nextBreak === null}
          onClick={() => nextBreak && setCursor(nextBreak.step)}
        >
          {nextBreak
            ? `Next violation (step ${nextBreak.step}, ${nextBreak.ids.join(', ')})`
            : 'No later violation'}
        </button>
      </div>
      <CompareStrip items={items} diffs={diffs} cursor={cursor} />
    </section>
  );
}

/** A jump to a step (none: disabled), the step named in the button. */
function JumpButton({
  what,
  step,
  onJump,
}: {
  what: string;
  step: number | undefined;
  onJump: (step: number) => void;
}) {
  return (
    <button
      type="button"
      className="small"
      disabled={step === undefined}
      onClick={() => step !== undefined && onJump(step)}
    >
      {what}
      {step !== undefined ? ` (step ${step})` : ''}
    </button>
  );
}
