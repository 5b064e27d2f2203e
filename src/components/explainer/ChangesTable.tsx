// Each field the step changed, before and after, and where the diagram draws it (the mapping the tour's
// list uses, src/state/viewmodels/changeWhere.ts); the checker's ghost data is marked as such.
import type { FieldChange } from '../../engine';
import { changeWhere, drawnText } from '../../state/viewmodels/changeWhere';
import type { DiagramModel } from '../../state/viewmodels/diagramModel';

export function ChangesTable({ changes, model }: { changes: FieldChange[]; model: DiagramModel }) {
  if (changes.length === 0) return <p className="hint">No field changed.</p>;
  return (
    // Words are never broken (a field path may break after a dot or underscore); a table still too
    // wide for its column scrolls, and the keyboard can scroll it.
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Fields changed (scrolls)">
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
                  <code>{breakable(c.path)}</code>
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
    </div>
  );
}

/** A field path with break opportunities after its dots and underscores (`editor.TIF_FOREIGN_FPSTATE`). */
function breakable(path: string): React.ReactNode[] {
  return path.split(/(?<=[._])/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}
