// The step explainer: the event, the teacher's note, the plain-language explanation, the kernel calls
// and the changed fields of the step that led to the cursor.
import { memo, useMemo, useState } from 'react';
import type { Replay } from '../../engine';
import { cursorView } from '../../state/viewmodels/cursorView';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { useSettledCursor } from '../useSettled';
import { eventLabel } from '../../state/viewmodels/timelineModel';
import { CallTree } from './CallTree';
import { ChangesTable } from './ChangesTable';
import { NoteVariantNotice } from '../notes/NoteVariantNotice';
import { WhyLines } from '../notes/WhyLines';
import { whyLines } from '../../state/viewmodels/whyModel';
import { NoteEditor } from './NoteEditor';
import { useDiagramModel } from '../diagram/useDiagramModel';

export function Explainer() {
  const { replay, cursor } = useSettledCursor();
  return <ExplainerBody replay={replay} cursor={cursor} />;
}

const ExplainerBody = memo(function ExplainerBody({ replay, cursor }: { replay: Replay; cursor: number }) {
  const deleteEvent = useScenarioStore((s) => s.deleteEvent);
  const cv = useMemo(() => cursorView(replay, cursor), [replay, cursor]);
  const record = cv.record;
  const why = useMemo(() => (cv.record ? whyLines(cv.view, cv.record.violations) : []), [cv]);
  const model = useDiagramModel(cv);
  const [editing, setEditing] = useState<number | null>(null);
  if (!record) {
    return (
      <section className="panel explainer" aria-labelledby="explainer-heading">
        <h2 id="explainer-heading">Step 0: initial state</h2>
        <p>
          Every context&apos;s FP data is in memory and up to date; no CPU&apos;s registers hold anyone&apos;s
          data; every last-loaded pointer is NULL and every task has TIF_FOREIGN_FPSTATE set. Step forward to
          run the first event.
        </p>
      </section>
    );
  }
  const { event } = record;
  return (
    <section className="panel explainer" aria-labelledby="explainer-heading">
      <h2 id="explainer-heading">
        Step {cursor}: {eventLabel(event)}
      </h2>
      {editing === record.index ? (
        <NoteEditor index={record.index} note={event.note ?? ''} onDone={() => setEditing(null)} />
      ) : (
        event.note !== undefined && (
          <blockquote className="note" aria-label="Note">
            {event.note}
          </blockquote>
        )
      )}
      {event.note !== undefined && editing !== record.index && <NoteVariantNotice offerSwitch />}
      <p className="explanation">{record.explanation}</p>
      <WhyLines lines={why} />
      <h3>Kernel functions called</h3>
      <CallTree calls={record.calls} />
      <h3>Fields changed</h3>
      <ChangesTable changes={record.changes} model={model} />
      <div className="row-buttons">
        <button type="button" onClick={() => setEditing(record.index)} disabled={editing === record.index}>
          {event.note === undefined ? 'Add note' : 'Edit note'}
        </button>
        <button type="button" onClick={() => deleteEvent(record.index)}>
          Delete this event
        </button>
      </div>
    </section>
  );
});
