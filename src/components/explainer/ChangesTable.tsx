// Each field the step changed, before and after; the checker's ghost data is marked as such.
import type { FieldChange } from '../../engine';

export function ChangesTable({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p className="hint">No field changed.</p>;
  return (
    <table className="changes">
      <caption className="visually-hidden">Fields changed by this step</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path} className={c.ghost ? 'ghost' : undefined}>
            <th scope="row">
              <code>{c.path}</code>
              {c.ghost && <span className="ghost-tag"> (checker)</span>}
            </th>
            <td>{c.before}</td>
            <td>{c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
