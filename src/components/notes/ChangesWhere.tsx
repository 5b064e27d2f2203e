// "Highlighted in the diagram": each field the step changed, and where the diagram marks it (or that
// it has no mark there).
import type { FieldChange } from '../../engine';
import { changeWhere, NOT_DRAWN } from '../../state/viewmodels/changeWhere';
import type { DiagramModel } from '../../state/viewmodels/diagramModel';

export function ChangesWhere({ changes, model }: { changes: readonly FieldChange[]; model: DiagramModel }) {
  if (changes.length === 0) return null;
  const rows = changes.map((c) => ({ c, where: changeWhere(c, model) }));
  return (
    <div className="tour-changes">
      <h3>Highlighted in the diagram</h3>
      <ul>
        {rows.map(({ c, where }) => (
          <li key={c.path} data-drawn={where !== null}>
            <code>{c.path}</code>: {c.before} → <strong>{c.after}</strong>
            {c.ghost ? ' (checker)' : ''}
            <span className="where"> — {where ?? NOT_DRAWN}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
