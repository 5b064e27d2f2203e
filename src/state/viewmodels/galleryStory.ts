// Which of the explorer's results is the violation a gallery entry's story is about: the same kind on
// the same context when the search found it there, else the same kind (the gallery machine's tasks
// may be named otherwise than the example's).
import type { ViolationKind } from '../../engine';
import type { GalleryStory } from '../stores/galleryStore';

interface Found {
  kind: ViolationKind;
  context: string | null;
}

/** Indexes of the results that are the story's violation, for a search of `variant`. */
export function storyRows(
  story: GalleryStory | null,
  variant: string | undefined,
  found: readonly Found[],
): Set<number> {
  const rows = new Set<number>();
  if (!story || story.variant !== variant) return rows;
  found.forEach((f, i) => {
    if (f.kind === story.kind && f.context === story.context) rows.add(i);
  });
  if (rows.size === 0)
    found.forEach((f, i) => {
      if (f.kind === story.kind) rows.add(i);
    });
  return rows;
}
