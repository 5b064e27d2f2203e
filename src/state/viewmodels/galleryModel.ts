// The bug gallery as data: one entry per historic variant (src/engine/gallery.ts) and per bug of a
// release itself (Era.releaseBugs, named by the later commit that fixed it), with its example scenario
// and the step where the code first goes wrong, computed by replaying the example under the entry's
// variant (so the button opens the step the engine reports, not a number copied).
import {
  createMachine,
  ERAS,
  galleryEntries as engineEntries,
  resolveVariantId,
  replay,
  VARIANTS,
  type HistoricFix,
  type Scenario,
  type Variant,
  type Violation,
} from '../../engine';
import { EXAMPLES } from '../../scenarios';

export const GALLERY_VIEW = 'gallery';

export interface GalleryEntry {
  /**
   * The entry's id in links: the historic variant's id, `ERA/pre-COMMIT12`, or for a bug of a release
   * itself `ERA@COMMIT12` (the release and the commit that later fixed it).
   */
  id: string;
  /** The variant the example runs under: the historic variant, or the release's era itself. */
  variant: Variant;
  fix: HistoricFix;
  /** A bug of the release itself (no pre-fix variant: the era is the bug). */
  releaseBug: boolean;
  /**
   * The variant with the fix: the era as fixed, or for a release bug the first later era without it
   * (null: the fix is newer than every era the model has).
   */
  fixedIn: Variant | null;
  /** The example scenario `history-COMMIT12`, or null when it is missing. */
  exampleId: string;
  example: Scenario | null;
  /** The example's first violation under the historic variant (null: none, or no example). */
  violation: Violation | null;
  /** The cursor that shows the violating step: the state after the violating event. */
  violatingCursor: number | null;
  commitUrl: string;
  /** How the gallery searches it (src/engine/gallery.ts), as `fpsimd-viz gallery` does. */
  search: EntrySearch;
}

/** An entry's search as the engine's gallery states it. */
export interface EntrySearch {
  /** The variant searched: the entry's, or its fixed base (`ID+COMMIT12...`). */
  variant: string;
  machine: Scenario;
  /** "searched to depth N" (it stops at its first violating depth). */
  depth: number;
  /** Searched by the differential search against this variant (`check --unlike`), or null. */
  unlike: string | null;
  /** An SVE search: dead variables, stop at the first violating depth. */
  sve: boolean;
  /** Why this search, in one sentence ('' for the default). */
  why: string;
}

/** The engine's search of the entry for `fix` in era `eraId` (a release's own bug or a historic variant). */
function searchOf(eraId: string, fix: HistoricFix, releaseBug: boolean): EntrySearch {
  const e = engineEntries().find(
    (x) =>
      x.fix.commit === fix.commit &&
      x.releaseBug === releaseBug &&
      x.variant.era.id === eraId &&
      x.fix === fix,
  );
  if (!e) throw new Error(`gallery: no engine entry for ${eraId} ${fix.commit}`);
  return {
    variant: e.variant.id,
    machine: e.machine,
    depth: e.depth,
    unlike: e.unlike ? (e.base?.id ?? null) : null,
    sve: e.sve,
    why: e.search?.why ?? '',
  };
}

/** The commit's page on kernel.org (Linus's tree). */
export const commitUrl = (commit: string): string => `https://git.kernel.org/torvalds/c/${commit}`;

/** The id of a release bug's entry: the release and the fixing commit. */
export const releaseBugId = (eraId: string, commit: string): string => `${eraId}@${commit}`;

/** The first era after `eraId` that no longer lists the bug `commit` fixed, as a variant. */
function fixedRelease(eraId: string, commit: string): Variant | null {
  const from = ERAS.findIndex((e) => e.id === eraId);
  const era = ERAS.slice(from + 1).find((e) => !e.releaseBugs?.some((b) => b.commit === commit));
  return era ? (VARIANTS.find((v) => v.id === era.id) ?? null) : null;
}

function entryOf(v: Variant, fix: HistoricFix, releaseBug: boolean): GalleryEntry {
  // history-COMMIT12, or history-COMMIT12-* when two variants undo one commit (the SVE bug of
  // 751ecf6afd65 beside its FPSIMD analogue): the example whose variant is this one.
  const exampleId =
    EXAMPLES.find((e) => e.id.startsWith(`history-${fix.commit}-`) && e.scenario.variant === v.id)?.id ??
    `history-${fix.commit}`;
  const example = EXAMPLES.find((e) => e.id === exampleId)?.scenario ?? null;
  const violation = example
    ? (replay(createMachine(example, v), example.events).violations[0] ?? null)
    : null;
  return {
    id: releaseBug ? releaseBugId(v.era.id, fix.commit) : v.id,
    variant: v,
    fix,
    releaseBug,
    fixedIn: releaseBug
      ? fixedRelease(v.era.id, fix.commit)
      : (VARIANTS.find((x) => x.id === v.era.id) ?? null),
    exampleId,
    example,
    violation,
    violatingCursor: violation ? violation.step + 1 : null,
    commitUrl: commitUrl(fix.commit),
    search: searchOf(v.era.id, fix, releaseBug),
  };
}

let cache: GalleryEntry[] | null = null;

/**
 * Every historic variant's entry, in the engine's order (oldest era first), each era's release bugs
 * after its historic variants.
 */
export function galleryEntries(): GalleryEntry[] {
  cache ??= ERAS.flatMap((era) => {
    const own = VARIANTS.find((v) => v.id === era.id);
    return [
      // Every historic variant, the SVE ones too (galleryVariants() leaves those to the SVE machine).
      ...VARIANTS.filter((v) => v.era === era && v.historic !== null).flatMap((v) =>
        v.historic ? [entryOf(v, v.historic, false)] : [],
      ),
      ...(own ? (era.releaseBugs ?? []).map((fix) => entryOf(own, fix, true)) : []),
    ];
  });
  return cache;
}

/** Whether an entry is an SVE bug (searched and shown on an SVE machine). */
export const isSveEntry = (e: GalleryEntry): boolean => e.fix.sve === true;

/** The machine an entry's search runs on: the engine gallery's (the SVE ones: each entry's own). */
export const galleryMachineFor = (e: GalleryEntry): Scenario => e.search.machine;

/**
 * For the FPSIMD analogue of an SVE bug (`ERA/pre-COMMIT`, analogue): the real bug's entry, same
 * commit, when the gallery has it.
 */
export function realBugOf(e: GalleryEntry): GalleryEntry | null {
  if (!e.fix.analogue) return null;
  return galleryEntries().find((x) => x !== e && x.fix.commit === e.fix.commit && !x.fix.analogue) ?? null;
}

/** The entry of a historic variant's id or alias (`mainline/pre-...`, its id before the eras' rename). */
export function findEntry(id: string | null | undefined): GalleryEntry | null {
  const concrete = id ? resolveVariantId(id) : id;
  return galleryEntries().find((e) => e.id === concrete) ?? null;
}
