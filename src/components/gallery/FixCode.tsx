// A historic fix's code side by side: each engine function holding a `fixed(k, COMMIT)` test, once as
// the pre-fix variant runs it and once as the fixed era does. Lines only one side has are marked
// there and struck through on the other.
import { useMemo } from 'react';
import { fixFunctions, type FixFunction, type FixSide } from '../../state/codepane/galleryCode';
import type { GalleryEntry } from '../../state/viewmodels/galleryModel';
import { ENGINE_FILES } from '../code/sources';

type Version = Exclude<FixSide, 'both'>;

function Listing({ fn, version }: { fn: FixFunction; version: Version }) {
  // Focusable: a long line scrolls sideways, with the keyboard too.
  return (
    <pre
      className="gallery-listing"
      tabIndex={0}
      aria-label={`${fn.name}, ${version === 'before' ? 'before' : 'after'} the fix`}
    >
      {fn.lines.map((l) => {
        const own = l.side === version;
        const absent = l.side !== 'both' && !own;
        const text = <span className="gallery-text">{l.text || ' '}</span>;
        return (
          <span key={l.n} className={`gallery-line${own ? ' own' : ''}${absent ? ' absent' : ''}`}>
            <span className="gallery-ln" aria-hidden="true">
              {l.n}
            </span>
            {absent ? (
              <del>
                <span className="visually-hidden">(not in this version) </span>
                {text}
              </del>
            ) : own ? (
              <mark>{text}</mark>
            ) : (
              text
            )}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}

export function FixCode({ entry }: { entry: GalleryEntry }) {
  const fns = useMemo(() => fixFunctions(entry.fix.commit, ENGINE_FILES), [entry.fix.commit]);
  if (fns.length === 0 && entry.releaseBug)
    return (
      <p className="gallery-nocode">
        This bug is in the code of {entry.variant.era.id} as released: read it in reviewer mode on the example
        (Show kernel code), and the fixed code under {entry.fixedIn?.id ?? 'the next release'}.
      </p>
    );
  if (fns.length === 0)
    return <p className="gallery-nocode">No engine function holds a test of {entry.fix.commit}.</p>;
  return (
    <section className="gallery-code" aria-label="The code before and after the fix">
      <h4>The engine’s code, before and after the fix</h4>
      <p className="gallery-legend">
        The engine’s own source of each function that differs. <mark>Highlighted</mark> lines run only in that
        version; <del>struck-through</del> lines are absent from it.
      </p>
      {fns.map((fn) => (
        <div key={`${fn.path}:${fn.name}`} className="gallery-fn">
          <h5>
            <code>{fn.name}</code> in <code>{fn.path}</code>
          </h5>
          <div className="gallery-sides">
            <figure>
              <figcaption>
                Before the fix (<code>{entry.id}</code>)
              </figcaption>
              <Listing fn={fn} version="before" />
            </figure>
            <figure>
              <figcaption>
                After the fix (<code>{entry.releaseBug ? entry.fixedIn?.id : entry.variant.era.id}</code>)
              </figcaption>
              <Listing fn={fn} version="after" />
            </figure>
          </div>
        </div>
      ))}
    </section>
  );
}
