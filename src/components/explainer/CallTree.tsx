// The kernel functions a step called, nested, in call order; each names the kernel file it models.
import type { CallNode } from '../../engine';

export function CallTree({ calls }: { calls: CallNode[] }) {
  if (calls.length === 0) return <p className="hint">No kernel FP function ran.</p>;
  return (
    <ol className="call-tree">
      {calls.map((c, i) => (
        <li key={`${c.name}-${i}`}>
          <code title={c.file}>{c.name}</code>
          <span className="call-file"> {c.file}</span>
          {c.stmts.length > 0 && <span className="call-stmts"> [{c.stmts.join(', ')}]</span>}
          {c.children.length > 0 && <CallTree calls={c.children} />}
        </li>
      ))}
    </ol>
  );
}
