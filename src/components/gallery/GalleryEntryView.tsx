// One gallery entry: the bug's story, its commit and fix, the two ways to see it happen, and the code
// before and after the fix.
import { useId } from 'react';
import { realBugOf, type GalleryEntry } from '../../state/viewmodels/galleryModel';
import { useExploreStore } from '../../state/stores/exploreStore';
import { afterFixUrl, beforeFixUrl } from '../../state/codepane/fixLinks';
import { findWithExplorer, openAtViolation, useGalleryStore } from '../../state/stores/galleryStore';
import { entryKind } from './entryKind';
import { violationTitle } from '../../state/viewmodels/violationText';
import { FixCode } from './FixCode';

/** How the gallery searches the entry: variant, machine, depth, and the base it is compared with. */
function searchText({ id, search }: GalleryEntry): string {
  const as = search.variant === id ? '' : ` as ${search.variant}`;
  const against = search.unlike
    ? ` against ${search.unlike} by the differential search (only what ${search.unlike} does not report on the same sequence; \`fpsimd-viz check --unlike ${search.unlike}\`: the Explore view runs the plain search, which stops at ${search.unlike}'s own bugs first)`
    : '';
  const machine = search.machine.title.split(':')[0];
  return `Searched to depth ${search.depth}${as} on the ${machine}${against}${search.why ? `: ${search.why}` : ''}.`;
}

export function GalleryEntryView({ entry }: { entry: GalleryEntry }) {
  const id = useId();
  const { fix, violation, violatingCursor } = entry;
  const asked = useGalleryStore((s) => s.busyFor === entry.id);
  const status = useExploreStore((s) => s.status);
  const busy = asked && (status === 'running' || status === 'cancelling');
  const real = realBugOf(entry);
  const fixedIn = entry.fixedIn?.id ?? 'the next release';
  return (
    <article className="gallery-entry" aria-labelledby={`${id}-h`} data-entry={entry.id}>
      <h3 id={`${id}-h`}>
        <code>{entry.id}</code>: {fix.subject}
      </h3>
      {fix.analogue && (
        <p className="gallery-analogue">
          <strong>Analogue.</strong> This variant reproduces the same mechanism with FP/SIMD-only state
          {real ? (
            <>
              ; the real bug, with SVE, is the entry{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => useGalleryStore.getState().select(real.id)}
              >
                <code>{real.id}</code>
              </button>
              .
            </>
          ) : (
            '; the original bug itself involves state this model does not have.'
          )}
        </p>
      )}
      <p className="gallery-kind">{entryKind(entry)}</p>
      <dl className="gallery-facts">
        <dt>Commit</dt>
        <dd>
          <a href={entry.commitUrl} target="_blank" rel="noopener noreferrer" className="kernel-link">
            {fix.commit}
          </a>{' '}
          “{fix.subject}”
        </dd>
        <dt>Date</dt>
        <dd>{fix.date}</dd>
        <dt>Kernels affected</dt>
        <dd>{fix.affected}</dd>
        <dt>Searched</dt>
        <dd className="gallery-search">{searchText(entry)}</dd>
        <dt>Kernel source</dt>
        <dd>
          <a
            href={beforeFixUrl(fix.commit)}
            target="_blank"
            rel="noopener noreferrer"
            className="kernel-link"
          >
            <code>{fix.commit}^</code>: the kernel just before the fix, as {entry.id} runs it
          </a>
          {' · '}
          <a href={afterFixUrl(fix.commit)} target="_blank" rel="noopener noreferrer" className="kernel-link">
            <code>{fix.commit}</code>: with the fix, as {entry.releaseBug ? fixedIn : entry.variant.era.id}{' '}
            runs it
          </a>
        </dd>
      </dl>
      <h4>What went wrong</h4>
      <p>{fix.story}</p>
      <h4>Before the fix</h4>
      <p>{fix.before}</p>
      <h4>What the fix changed</h4>
      <p>{fix.fix}</p>
      <h4>See it happen</h4>
      <p>
        {violation && violatingCursor !== null
          ? `The example “${entry.example?.title}” goes wrong at step ${violatingCursor}: ${violationTitle(violation)}. ${violation.message}`
          : `The example ${entry.exampleId} shows no violation under ${entry.id}.`}
      </p>
      <div className="gallery-actions">
        <button type="button" disabled={violatingCursor === null} onClick={() => void openAtViolation(entry)}>
          Open the example at the violating step{violatingCursor !== null ? ` (step ${violatingCursor})` : ''}
        </button>
        <button type="button" onClick={() => void findWithExplorer(entry)}>
          Find it with the explorer
        </button>
      </div>
      {busy && (
        <p className="banner banner-warn" role="alert">
          The explorer is busy with another search.{' '}
          <button type="button" onClick={() => void findWithExplorer(entry, { stopRunning: true })}>
            Stop that search and start this one
          </button>
        </p>
      )}
      <FixCode entry={entry} />
    </article>
  );
}
