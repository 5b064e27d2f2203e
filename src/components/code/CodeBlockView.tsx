// One kernel function of the code pane: where it lives, its lines, executed statements highlighted,
// the re-run control beside each statement an ablation can remove, and the fix that changed a statement
// beside each `fixed(k, COMMIT)` test.
import { Fragment, useId } from 'react';
import type { Variant } from '../../engine';
import type { AblationRun } from '../../state/codepane/codeAblation';
import type { CodeBlock, CodeLine } from '../../state/codepane/codeModel';
import { beforeFixUrl } from '../../state/codepane/fixLinks';
import { kernelFileUrl, kernelIdentUrl, releaseTag } from '../../state/codepane/kernelSource';
import { AblationControl } from './AblationControl';
import { HistoricNote } from './HistoricNote';

interface Props {
  block: CodeBlock;
  variant: Variant;
  results: Record<string, AblationRun>;
  onRerun(name: string): void;
}

function lineClass(l: CodeLine): string {
  let cls = 'code-line';
  if (l.comment) cls += ' code-comment';
  if (l.executed) cls += ' executed';
  if (l.skipped) cls += ' skipped';
  if (l.historic) cls += ' historic';
  return cls;
}

function markText(l: CodeLine): string {
  if (!l.marker) return '';
  return l.executed ? 'ran' : 'not run';
}

export function CodeBlockView({ block, variant, results, onRerun }: Props) {
  const id = useId();
  const first = block.lines[0]?.n;
  const era = variant.era.id;
  // A historic variant runs the code as it was before its fix: its file at the fix's parent.
  const fix = variant.historic?.commit;
  const fileUrl = fix ? beforeFixUrl(fix, block.file) : kernelFileUrl(era, block.file);
  // Elixir has releases only: no definition link for code that no release had.
  const identUrl = fix ? null : kernelIdentUrl(era, block.name);
  return (
    <article className="code-block" data-function={block.name} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="code-fn">
        <code>{block.name}</code>
      </h3>
      <p className="code-meta">
        Models{' '}
        {fileUrl ? (
          <a href={fileUrl} target="_blank" rel="noopener noreferrer" className="kernel-link">
            <code>{block.file}</code> {fix ? `before ${fix} (at ${fix}^)` : `at ${releaseTag(era)}`}
          </a>
        ) : (
          <code>{block.file}</code>
        )}
        {identUrl && (
          <>
            {' '}
            (
            <a href={identUrl} target="_blank" rel="noopener noreferrer" className="kernel-link">
              where {block.name} is defined
            </a>
            )
          </>
        )}
        {block.source ? (
          <>
            {' '}
            · engine: <code>{`${block.source}:${first}`}</code>
            {block.inside && (
              <>
                {' '}
                (inside <code>{block.inside}</code>)
              </>
            )}
          </>
        ) : (
          ' · its engine source was not found'
        )}
        {block.executed.length > 0 && (
          <>
            {' '}
            · executed: <span className="code-labels">{block.executed.join(', ')}</span>
          </>
        )}
      </p>
      {/* The listing is focusable: long lines scroll sideways, by keyboard too. */}
      {block.lines.length > 0 && (
        <div className="code-listing" role="group" tabIndex={0} aria-label={`Engine source of ${block.name}`}>
          {block.lines.map((l) => (
            <Fragment key={l.n}>
              <div className={lineClass(l)} data-line={l.n} data-marker={l.marker?.join(' ')}>
                <span className="code-ln" aria-hidden="true">
                  {l.n}
                </span>
                <span className="code-mark">{markText(l)}</span>
                <code className="code-text">{l.text === '' ? ' ' : l.text}</code>
                {l.kernel && !l.kernelIsComment && (
                  <span className="code-kernel">
                    <span className="visually-hidden">kernel: </span>
                    {l.kernel}
                  </span>
                )}
              </div>
              {l.historic && <HistoricNote fix={l.historic} variant={variant} />}
              {l.ablation && (
                <AblationControl
                  name={l.ablation}
                  variant={variant}
                  result={results[l.ablation]}
                  onRerun={onRerun}
                />
              )}
            </Fragment>
          ))}
        </div>
      )}
    </article>
  );
}
