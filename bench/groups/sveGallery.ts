// The SVE gallery (issue 20): every SVE bug (historic variants of SVE fixes, and bugs of a release
// itself, searched as the era) on the SVE gallery machine until its first violation, and every era
// claimed clean there searched to the SVE gallery depth; its time as a ratio to the FPSIMD gallery
// measured in the same run, and the SVE gallery machine's state count (v6.16 to the SVE depth).
import {
  findVariant,
  GALLERY_MACHINE,
  galleryEntries,
  galleryOptions,
  galleryVariants,
  sveCleanEras,
  SVE_GALLERY_DEPTH,
  SVE_GALLERY_MACHINE,
  sveGalleryMachine,
  sveGalleryOptions,
} from '../../src/engine/index.ts';
import { explore } from '../../src/engine/explore/index.ts';
import type { Metric } from '../types.ts';

export async function run(): Promise<Metric[]> {
  // The reference: the FPSIMD gallery's bugs, in this run.
  const reference = galleryVariants().reduce(
    (a, v) => a + explore(GALLERY_MACHINE, v, galleryOptions(true)).seconds,
    0,
  );
  const bugs = galleryEntries()
    .filter((e) => e.sve)
    .map((e) => {
      const r = explore(e.machine, e.variant, e.options);
      const c = r.violations[0];
      if (!c) throw new Error(`${e.variant.id} (${e.fix.commit}): not found within ${e.depth} events`);
      return { id: `${e.variant.id}${e.releaseBug ? `:${e.fix.commit}` : ''}`, r, length: c.events.length };
    });
  // Clean claims only once SVE bugs exist (before the eras' SVE code, no era is clean with SVE).
  const clean = (bugs.length ? sveCleanEras() : []).map((v) => {
    const r = explore(sveGalleryMachine(v), v, sveGalleryOptions(false));
    if (r.violations.length) throw new Error(`${v.id}: not clean on the SVE gallery machine`);
    return { id: v.id, r };
  });
  const seconds = [...bugs, ...clean].reduce((a, b) => a + b.r.seconds, 0);
  const v616 = findVariant('v6.16');
  if (!v616) throw new Error('v6.16 is missing');
  const space = explore(SVE_GALLERY_MACHINE, v616, sveGalleryOptions(false));
  return [
    {
      name: 'explorer.sveGallery.seconds',
      value: Math.round(seconds * 1000) / 1000,
      unit: 's',
      better: 'lower',
      note:
        `every SVE bug found on the SVE gallery machine (every op, depth ${SVE_GALLERY_DEPTH}, dead variables ` +
        `and CPU renamings, stopping at the first violation) and every era claimed clean searched to the depth, ` +
        `summed: ${[...bugs.map((b) => `${b.id} ${b.length} events ${b.r.seconds.toFixed(2)} s`), ...clean.map((c) => `${c.id} clean ${c.r.seconds.toFixed(2)} s / ${c.r.states} states`)].join(', ') || 'no SVE bug in the engine yet'}`,
    },
    {
      name: 'explorer.sveGallery.ratio',
      value: reference > 0 ? Math.round((seconds / reference) * 100) / 100 : 0,
      unit: 'x',
      better: 'lower',
      note: `explorer.sveGallery.seconds over the FPSIMD gallery's bugs measured in the same run (${reference.toFixed(2)} s)`,
    },
    {
      name: 'explorer.sveGallery.states',
      value: space.states,
      unit: 'states',
      better: 'lower',
      note:
        `the SVE gallery machine's state count: v6.16, every op, depth ${SVE_GALLERY_DEPTH}, dead variables and ` +
        `CPU renamings (${space.transitions} transitions, ${space.seconds.toFixed(2)} s, ` +
        `${space.violations.length} violation kinds)`,
    },
  ];
}
