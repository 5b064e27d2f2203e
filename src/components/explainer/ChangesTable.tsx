// Each field the step changed, before and after, and where the diagram draws it (the mapping the tour's
// list uses, src/state/changeWhere.ts); the checker's ghost data is marked as such.
import type { FieldChange } from '../../engine';
import { changeWhere, drawnText } from '../../state/changeWhere';
import type { DiagramModel } from '../../state/diagramModel';

export function ChangesTable({ changes, model }: { changes: FieldChange[]; model: DiagramModel }) {
  if (changes.length === 0) return <p className="hint">No field changed.</p>;
  return (
    <table className="changes">
      <caption className="visually-hidden">Fields changed by this step</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
          <th scope="col">In the diagram</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => {
          const where = changeWhere(c, model);
          return (
            <tr key={c.path} className={c.ghost ? 'ghost' : undefined}>
              <th scope="row">
                <code>{c.path}</code>
                {c.ghost && <span className="ghost-tag"> (checker)</span>}
              </th>
              <td>{c.before}</td>
              <td>{c.after}</td>
              <td className="where" data-drawn={where !== null}>
                {drawnText(where)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
