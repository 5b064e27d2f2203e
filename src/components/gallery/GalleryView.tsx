// The bug gallery (`view=gallery`, `entry=ID`): real kernel fixes undone, one entry per historic
// variant, each with its story, its fix, its example opened where it breaks, the explorer's search for
// it on the stated gallery machine, and the code before and after the fix.
import type { MouseEvent } from 'react';
import { GALLERY_DEPTH, GALLERY_MACHINE } from '../../engine';
import { configText } from '../../state/viewmodels/exploreModel';
import {
  galleryEntries,
  GALLERY_VIEW,
  isSveEntry,
  type GalleryEntry,
} from '../../state/viewmodels/galleryModel';
import { shownEntry, useGalleryStore } from '../../state/stores/galleryStore';
import { readLinkParams } from '../../state/links/linkParams';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { encodeShare } from '../../state/links/share';
import { currentScreen } from '../../state/links/urlSync';
import { GalleryEntryView } from './GalleryEntryView';
import './gallery.css';

/** The link to an entry: the screen as it is, in the gallery view, with `entry=ID`. */
function entryHref(id: string): string {
  const screen = currentScreen(GALLERY_VIEW);
  return `#${encodeShare({ ...screen, params: { ...readLinkParams(GALLERY_VIEW), entry: id } })}`;
}

/** What kind of entry it is, after its subject: an analogue, or a bug of the release itself. */
function entryNote(e: GalleryEntry): string {
  if (e.fix.analogue) return ', an analogue';
  if (e.releaseBug) return `, ${e.variant.era.id} itself`;
  return '';
}

export function GalleryView() {
  const chosen = useGalleryStore((s) => s.entry);
  // Entry links carry the screen: redrawn when the scenario, variant or step changes.
  useScenarioStore((s) => s.scenario);
  useScenarioStore((s) => s.variantId);
  useScenarioStore((s) => s.cursor);
  const entries = galleryEntries();
  const shown = shownEntry(chosen);
  const pick = (ev: MouseEvent<HTMLAnchorElement>, id: string): void => {
    if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return; // a new tab keeps the link
    ev.preventDefault();
    useGalleryStore.getState().select(id);
  };
  return (
    <div className="gallery-view">
      <h2>Bug gallery: real kernel fixes, undone</h2>
      <p className="gallery-intro">
        Each entry is a historic variant, <code>ERA/pre-COMMIT</code>: an era with the code as it stood before
        a real fix of <code>arch/arm64/kernel/fpsimd.c</code> or <code>arch/arm64/kvm/fpsimd.c</code>
        {entries.some((e) => e.releaseBug) ? (
          <>
            ; or <code>ERA@COMMIT</code>, a bug of the release itself, fixed by a later commit
          </>
        ) : null}
        . <strong>Find it with the explorer</strong> searches for the bug on the gallery machine —{' '}
        <span className="gallery-config">{configText(GALLERY_MACHINE)}</span>
        {entries.some(isSveEntry)
          ? ' (the SVE entries: each on the SVE machine and to the depth stated with it)'
          : ''}{' '}
        — to depth {GALLERY_DEPTH}, to which every era as fixed is clean.
      </p>
      <nav aria-label="Gallery entries">
        <ul className="gallery-list">
          {entries.map((e) => (
            <li key={e.id}>
              <a
                href={entryHref(e.id)}
                aria-current={shown?.id === e.id ? 'true' : undefined}
                onClick={(ev) => pick(ev, e.id)}
              >
                <code>{e.id}</code>
              </a>{' '}
              {isSveEntry(e) && <span className="gallery-tag">SVE</span>} {e.fix.subject} ({e.fix.date})
              {entryNote(e)}
            </li>
          ))}
        </ul>
      </nav>
      {shown ? <GalleryEntryView key={shown.id} entry={shown} /> : <p>No historic variants.</p>}
    </div>
  );
}
