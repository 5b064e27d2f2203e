// A search started from a gallery entry marks, among its results, the violation the entry's story is
// about.
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExploreResults } from '../../../src/components/explore/ExploreResults';
import type { Counterexample } from '../../../src/engine/explore/findings';
import { useExploreStore } from '../../../src/state/stores/exploreStore';
import { useGalleryStore } from '../../../src/state/stores/galleryStore';
import { storyRows } from '../../../src/state/viewmodels/galleryStory';
import { resetStores } from '../../state/fixtures';

const cx = (kind: Counterexample['kind'], context: string): Counterexample => ({
  kind,
  context,
  events: [{ cpu: 0, op: 'ret_to_user' }],
  cpu: 0,
  message: `${kind} of ${context}`,
});

const found = [cx('lost-update', 'app'), cx('stale-read', 'qemu'), cx('stale-read', 'app')];
const story = { variant: 'v4.18/pre-b045e4d0f392', kind: 'stale-read' as const, context: 'app' };

describe('the gallery story among the explorer’s results', () => {
  beforeEach(() => resetStores());

  it('picks the same kind on the same context, else the same kind, for that variant only', () => {
    expect([...storyRows(story, story.variant, found)]).toEqual([2]);
    expect([...storyRows({ ...story, context: 'editor' }, story.variant, found)]).toEqual([1, 2]);
    expect(storyRows(story, 'v4.18', found).size).toBe(0);
    expect(storyRows(null, story.variant, found).size).toBe(0);
  });

  it('marks the row in the results table', () => {
    useGalleryStore.setState({ story });
    useExploreStore.setState({
      status: 'running',
      found,
      run: {
        id: 1,
        config: { cpus: 1, tasks: [{ id: 'app' }], start: { '0': 'app' } },
        title: 'Gallery',
        variant: story.variant,
        depth: 8,
        symmetry: false,
        dead: false,
        cpus: false,
        first: false,
        timeLimit: null,
      },
    });
    render(<ExploreResults />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.hasAttribute('data-story'))).toEqual([false, false, true]);
    expect(rows[2]).toHaveTextContent('the gallery story’s bug');
  });
});
