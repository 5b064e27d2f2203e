// The SVE gallery (issue 20): every SVE bug (historic variants of SVE fixes, each on its fixed base's
// machine and depth, and bugs of a release itself, searched as the era) until its first violating
// depth, and every era claimed clean searched to the SVE gallery depth; its time as a ratio to the
// FPSIMD gallery measured in the same run; the SVE gallery machine's state count (the claimed-clean
// v6.16, with its release bugs fixed, to the SVE depth); and the proofs that each fixed base is clean
// to its entry's depth (what makes the entry's violation its own; a differential entry needs none: its
// search itself compares each sequence with the base).
import {
  entryVerdict,
  GALLERY_MACHINE,
  galleryEntries,
  galleryOptions,
  galleryVariants,
  ownViolation,
  sveCleanEras,
  SVE_GALLERY_DEPTH,
  SVE_GALLERY_MACHINE,
  sveGalleryMachine,
  sveGalleryOptions,
} from '../../src/engine/index.ts';
import { explore, type ExploreResult } from '../../src/engine/explore/index.ts';
import { searchEntry, searchKey } from '../../src/engine/gallerySearch.ts';
import type { Metric } from '../types.ts';

const round = (x: number, digits = 1000) => Math.round(x * digits) / digits;

export async function run(): Promise<Metric[]> {
  // The reference: the FPSIMD gallery's bugs, in this run.
  const reference = galleryVariants().reduce(
    (a, v) => a + explore(GALLERY_MACHINE, v, galleryOptions(true)).seconds,
    0,
  );
  const sveEntries = galleryEntries().filter((e) => e.sve);
  // A release's bugs are one search of the era: run once (as `fpsimd-viz gallery` does), counted once.
  const searches = new Map<string, ExploreResult>();
  const bugs = sveEntries.map((e) => {
    const key = searchKey(e);
    const shared = searches.get(key);
    const r = shared ?? searchEntry(e);
    searches.set(key, r);
    const own = ownViolation(e, r.violations);
    const verdict = entryVerdict(e, r.violations);
    const what = `${own ? `${own.events.length} events` : verdict} (searched to depth ${e.depth}${e.unlike ? `, unlike ${e.base?.id}` : ''})`;
    return { id: `${e.variant.id}${e.releaseBug ? `:${e.fix.commit}` : ''}`, r, what, shared: !!shared };
  });
  const clean = sveCleanEras().map((v) => {
    const r = explore(sveGalleryMachine(v), v, sveGalleryOptions(false));
    if (r.violations.length) throw new Error(`${v.id}: not clean on the SVE gallery machine`);
    return { id: v.id, r };
  });
  // Each fixed base (an SVE historic entry's era with the same fixes, on the same machine) clean to
  // the entry's depth: not part of the gallery's own run (the CLI's `gallery` does not search them).
  const bases = sveEntries
    .filter(
      (e) =>
        e.search &&
        e.base &&
        !e.unlike &&
        (e.search.machine !== SVE_GALLERY_MACHINE || e.search.fixes.length > 0),
    )
    .map((e) => {
      const base = e.base!;
      const r = explore(e.machine, base, { ...e.options, stopAtViolation: false });
      if (r.violations.length) throw new Error(`${base.id}: not clean to ${e.depth} on ${e.machine.title}`);
      return { id: `${base.id} (${e.fix.commit}, depth ${e.depth})`, r };
    });
  const seconds = [...bugs.filter((b) => !b.shared), ...clean].reduce((a, b) => a + b.r.seconds, 0);
  const basesSeconds = bases.reduce((a, b) => a + b.r.seconds, 0);
  const space = clean[clean.length - 1];
  return [
    {
      name: 'explorer.sveGallery.seconds',
      value: round(seconds),
      unit: 's',
      better: 'lower',
      note:
        `the whole SVE gallery: every SVE bug searched on its machine to its depth (dead variables and CPU ` +
        `renamings, the differential search dead variables only; stopping at the first violating depth) and ` +
        `every era claimed clean searched to depth ` +
        `${SVE_GALLERY_DEPTH}, summed: ${[...bugs.map((b) => `${b.id} ${b.what} ${b.shared ? '(the same search as above)' : `${b.r.seconds.toFixed(2)} s / ${b.r.states} states`}`), ...clean.map((c) => `${c.id} clean ${c.r.seconds.toFixed(2)} s / ${c.r.states} states`)].join(', ')}`,
    },
    {
      name: 'explorer.sveGallery.ratio',
      value: reference > 0 ? round(seconds / reference, 100) : 0,
      unit: 'x',
      better: 'lower',
      note: `explorer.sveGallery.seconds over the FPSIMD gallery's bugs measured in the same run (${reference.toFixed(2)} s)`,
    },
    {
      name: 'explorer.sveGallery.states',
      value: space.r.states,
      unit: 'states',
      better: 'lower',
      note:
        `the SVE gallery machine's state count: ${space.id}, every op, depth ${SVE_GALLERY_DEPTH}, dead ` +
        `variables and CPU renamings (${space.r.transitions} transitions, ${space.r.seconds.toFixed(2)} s, clean)`,
    },
    {
      name: 'explorer.sveGallery.basesSeconds',
      value: round(basesSeconds),
      unit: 's',
      better: 'lower',
      note: `each fixed base proved clean to its entry's depth on its machine: ${bases.map((b) => `${b.id} ${b.r.states} states ${b.r.seconds.toFixed(2)} s`).join(', ')}`,
    },
  ];
}
