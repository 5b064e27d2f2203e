// The gallery's data: an entry for every historic variant, each example breaking at the step the
// engine reports, the `entry` link parameter, and the code before and after each fix.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMachine, ERAS, galleryVariants, replay, VARIANTS } from '../../../src/engine';
import engineCode from 'virtual:engine-code';
import { describeEngine } from '../../../scripts/engineCode/describe';
import { fixFunctions } from '../../../src/state/codepane/galleryCode';
import {
  commitUrl,
  findEntry,
  galleryEntries,
  releaseBugId,
} from '../../../src/state/viewmodels/galleryModel';
import { useGalleryStore } from '../../../src/state/stores/galleryStore';
import { applyLinkParams, connectLinkOwners, readLinkParams } from '../../../src/state/links/linkParams';

// The lazy owners of link parameters (linkRegistry.ts) registered up front, as their views do in the app.
beforeAll(() => Promise.all(['explore', 'gallery'].map((v) => connectLinkOwners(v))));

// The description of the engine's source the gallery reads (`virtual:engine-code`, as in the app).
const SOURCES = engineCode.files;

describe('gallery entries', () => {
  it('has one entry per historic variant, in the engine’s order, each era’s release bugs after them', () => {
    // The view lists the SVE bugs too (HistoricFix.sve); the FPSIMD gallery's searches
    // (galleryVariants) leave them to the SVE gallery machine.
    const historic = VARIANTS.filter((v) => v.historic !== null).map((v) => v.id);
    expect(historic.length).toBeGreaterThan(0);
    const expected = ERAS.flatMap((era) => [
      ...historic.filter((id) => id.startsWith(`${era.id}/`)),
      ...(era.releaseBugs ?? []).map((b) => releaseBugId(era.id, b.commit)),
    ]);
    expect(galleryEntries().map((e) => e.id)).toEqual(expected);
    expect(galleryVariants().map((v) => v.id)).toEqual(
      VARIANTS.filter((v) => v.historic !== null && !v.historic.sve).map((v) => v.id),
    );
    for (const e of galleryEntries()) expect(e.releaseBug).toBe(!e.variant.historic);
  });

  it('has an example for every historic variant (a release bug may have none the ops can reach)', () => {
    for (const e of galleryEntries()) if (!e.releaseBug) expect(e.example, e.id).not.toBeNull();
  });

  it.each(
    galleryEntries()
      .filter((e) => e.example !== null)
      .map((e) => [e.id, e] as const),
  )('%s: its example, its first violation and the step that shows it', (_id, e) => {
    expect(e.commitUrl).toBe(`https://git.kernel.org/torvalds/c/${e.fix.commit}`);
    expect(e.commitUrl).toBe(commitUrl(e.fix.commit));
    const r = replay(createMachine(e.example!, e.variant), e.example!.events);
    expect(e.violation).toEqual(r.violations[0]);
    expect(e.violatingCursor).toBe(r.violations[0].step + 1);
    // The era as fixed (for a release's own bug, the first later release without it) runs the same
    // events clean.
    if (!e.releaseBug) expect(e.fixedIn?.id).toBe(e.variant.era.id);
    // A bug of the newest era is fixed after every era the model has: nothing to replay it under.
    if (e.fixedIn === null) expect(e.variant.era.id).toBe(ERAS[ERAS.length - 1].id);
    else expect(replay(createMachine(e.example!, e.fixedIn), e.example!.events).violations).toEqual([]);
  });

  it('keeps the entry in the gallery view’s links, and only there', () => {
    const [first, second] = galleryEntries();
    applyLinkParams({ entry: second.id }, 'gallery');
    expect(useGalleryStore.getState().entry).toBe(second.id);
    expect(readLinkParams('gallery')).toMatchObject({ entry: second.id });
    expect(readLinkParams('diagram').entry).toBeUndefined();
    applyLinkParams({ entry: 'v4.18/pre-000000000000' }, 'gallery');
    expect(useGalleryStore.getState().entry).toBeNull();
    useGalleryStore.getState().select(first.id);
    expect(readLinkParams('gallery').entry).toBe(first.id);
    expect(findEntry('nope')).toBeNull();
  });
});

describe('code before and after each fix', () => {
  // A release's own bug has no fix test in the engine: its code is the release's (FixCode says so).
  it.each(
    galleryEntries()
      .filter((e) => !e.releaseBug)
      .map((e) => [e.id, e] as const),
  )('%s: the functions holding its test, with the lines each version has', (_id, e) => {
    const fns = fixFunctions(e.fix.commit, SOURCES);
    expect(fns.length).toBeGreaterThan(0);
    for (const fn of fns) {
      expect(fn.lines.length).toBeLessThan(60);
      expect(fn.lines.some((l) => l.text.includes('fixed(k,'))).toBe(true);
      expect(fn.lines.some((l) => l.side !== 'both')).toBe(true);
    }
    const text = fns.flatMap((f) => f.lines.map((l) => l.text)).join('\n');
    for (const s of e.fix.statements) expect(text).toContain(`'${s}'`);
  });

  it('marks an if/else on a fix: the then-branch after it, the else-branch before it', () => {
    const src = {
      path: 'x.ts',
      text: [
        "const C = '0123456789ab';",
        'export function f(k: K): void {',
        '  if (fixed(k, C)) {',
        '    a();',
        '  } else {',
        '    b();',
        '  }',
        "  if (!fixed(k, '0123456789ab')) c();",
        '}',
      ].join('\n'),
    };
    const [fn] = fixFunctions('0123456789ab', describeEngine([src]).files);
    expect(fn.name).toBe('f');
    expect(fn.lines.map((l) => l.side)).toEqual([
      'both',
      'both',
      'after',
      'both',
      'before',
      'both',
      'before',
      'both',
    ]);
  });
});
