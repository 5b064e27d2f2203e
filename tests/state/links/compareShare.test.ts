import { beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/scenarios';
import { DEFAULT_COMPARE, useCompareStore } from '../../../src/state/stores/compareStore';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { decodeShare, encodeShare, type SharedScreen } from '../../../src/state/links/share';
import { currentScreen, openFragment, shareFragment } from '../../../src/state/links/urlSync';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { guestScenario, memoryStorage, resetStores } from '../fixtures';

const storm = EXAMPLES.find((e) => e.id === 'exit-storm')!.scenario;
const screen = (over: Partial<SharedScreen> = {}): SharedScreen => ({
  scenario: storm,
  variant: 'v4.18',
  step: 12,
  view: 'compare',
  embed: false,
  cpu: 0,
  compare: ['v4.17', 'v4.18', 'v6.16'],
  ...over,
});

describe('the comparison in shared links', () => {
  beforeEach(() => {
    resetStores();
    useLibraryStore.getState().load(memoryStorage());
    useCompareStore.setState({ variants: [...DEFAULT_COMPARE] });
  });

  it('writes cmp after the small fields and before the payload, and reads it back', () => {
    const frag = encodeShare(screen({ compare: ['v4.18', 'v4.18/no-put-save'] }));
    expect(frag).toMatch(/^v3&step=12&variant=v4\.18&view=compare&cmp=v4\.18,v4\.18%2Fno-put-save&data=/);
    const res = decodeShare(frag);
    expect(res.ok && res.screen).toEqual(screen({ compare: ['v4.18', 'v4.18/no-put-save'] }));
  });

  it('leaves links without a comparison as they were (old links stay valid)', () => {
    const frag = encodeShare(screen({ view: 'diagram', compare: undefined }));
    expect(frag).not.toContain('cmp=');
    const res = decodeShare(frag);
    expect(res.ok).toBe(true);
    expect(res.ok && 'compare' in res.screen).toBe(false);
  });

  it('opens a compare link: view, cursor and the compared variants', () => {
    expect(openFragment(encodeShare(screen({ compare: ['v6.15', 'v4.17'] })))).toBe(true);
    expect(useViewStore.getState().view).toBe('compare');
    expect(useCompareStore.getState().variants).toEqual(['v6.15', 'v4.17']);
    expect(useNoticeStore.getState().notices).toEqual([]);
    // The screen writes itself back as the same link.
    expect(shareFragment()).toBe(encodeShare(screen({ compare: ['v6.15', 'v4.17'] })));
  });

  it('compares the era an alias names, and writes that era back, never the alias', () => {
    expect(openFragment(encodeShare(screen({ compare: ['mainline', 'v4.17'] })))).toBe(true);
    expect(useCompareStore.getState().variants).toEqual(['v6.16', 'v4.17']);
    expect(useNoticeStore.getState().notices).toEqual([]);
    expect(shareFragment()).toBe(encodeShare(screen({ compare: ['v6.16', 'v4.17'] })));
    expect(shareFragment()).not.toContain('mainline');
  });

  it('opens a link naming unknown variants with a notice saying which, and a usable comparison', () => {
    expect(openFragment(encodeShare(screen({ compare: ['v4.18', 'v5.0-rc1'] })))).toBe(true);
    expect(useCompareStore.getState().variants).toEqual(['v4.18', 'v4.17']);
    const [notice] = useNoticeStore.getState().notices;
    expect(notice.tone).toBe('warning');
    expect(notice.title).toBe('The link was opened with changes');
    expect(notice.detail).toContain('"v5.0-rc1"');
    expect(notice.detail).toContain('v4.17 was added');
  });

  it('resets the comparison for a link that carries none', () => {
    useCompareStore.setState({ variants: ['v4.18', 'v6.15'] });
    openFragment(encodeShare(screen({ scenario: guestScenario(), view: 'diagram', compare: undefined })));
    expect(useCompareStore.getState().variants).toEqual([...DEFAULT_COMPARE]);
  });

  it('puts the comparison in the current screen in the compare view or when changed', () => {
    expect(currentScreen().compare).toBeUndefined();
    useViewStore.getState().setView('compare');
    expect(currentScreen().compare).toEqual([...DEFAULT_COMPARE]);
    useViewStore.getState().setView('diagram');
    useCompareStore.getState().removeSlot(0);
    expect(currentScreen().compare).toEqual(['v4.18', 'v6.16']);
  });
});
