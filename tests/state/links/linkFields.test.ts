// Links: the checksum guards the scenario; every view field a person may edit by hand, and every view
// parameter, is checked on its own and a refused one is named in a notice. A search never runs on a
// variant other than the one the link asked for.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../../src/workers/inProcess';
import { useCodeStore } from '../../../src/state/stores/codeStore';
import { useCompareStore } from '../../../src/state/stores/compareStore';
import { setExploreRunner, useExploreStore } from '../../../src/state/stores/exploreStore';
import { useGalleryStore } from '../../../src/state/stores/galleryStore';
import { connectLinkOwners } from '../../../src/state/links/linkParams';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { encodeShare, type SharedScreen } from '../../../src/state/links/share';
import { openFragment } from '../../../src/state/links/urlSync';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { guestScenario, resetStores, twoCpuScenario } from '../fixtures';

// The lazy owners of link parameters (linkRegistry.ts) registered up front, as their views do in the app.
beforeAll(() => Promise.all(['explore', 'gallery'].map((v) => connectLinkOwners(v))));

const base: SharedScreen = {
  scenario: twoCpuScenario(),
  variant: 'v4.18',
  step: 3,
  view: 'diagram',
  embed: false,
  cpu: 0,
};
const link = (over: Partial<SharedScreen> = {}): string => encodeShare({ ...base, ...over });
/** The link's warning notice, or '' when there is none. */
const warning = (): string =>
  useNoticeStore
    .getState()
    .notices.filter((n) => n.title === 'The link was opened with changes')
    .map((n) => n.detail)
    .join('\n');

beforeEach(() => {
  resetStores(guestScenario());
  setExploreRunner(inProcessRunner());
  useExploreStore.setState({ variant: null, status: 'idle', run: null, result: null, found: [] });
});
afterEach(() => setExploreRunner(null));

describe('view fields edited by hand', () => {
  it('opens a step edited by hand (step=20 past the end) at the last step, saying so', () => {
    expect(openFragment(link().replace('step=3', 'step=20'))).toBe(true);
    expect(useScenarioStore.getState().scenario.title).toBe('Two CPUs');
    expect(useScenarioStore.getState().cursor).toBe(6);
    expect(warning()).toMatch(/step 20 is past the end of the replay; showing step 6/);
  });

  it('names a step that is not a number, and opens the rest', () => {
    expect(openFragment(link().replace('step=3', 'step=three'))).toBe(true);
    expect(useScenarioStore.getState().scenario.title).toBe('Two CPUs');
    expect(useScenarioStore.getState().cursor).toBe(0);
    expect(warning()).toBe('step=three is not a whole number; showing step 0.');
  });

  it('names an unknown variant and shows the scenario’s own', () => {
    expect(openFragment(link({ variant: 'v4.18/no-put-flushX' }))).toBe(true);
    expect(useScenarioStore.getState().variantId).toBe('v4.18');
    expect(warning()).toMatch(
      /^variant=v4\.18\/no-put-flushX: unknown variant "v4\.18\/no-put-flushX"; known: /,
    );
  });

  it('names an unknown view and opens the step-through view', () => {
    expect(openFragment(link({ view: 'diagramm' }))).toBe(true);
    expect(useViewStore.getState().view).toBe('diagram');
    expect(warning()).toBe('view=diagramm is not a view of this version; showing the step-through view.');
  });

  it('names a CPU or embed value it cannot take', () => {
    expect(
      openFragment(
        link({ cpu: 1 }).replace('cpu=1', 'cpu=one').replace('view=diagram', 'view=diagram&embed=yes'),
      ),
    ).toBe(true);
    expect(useViewStore.getState().embed).toBe(false);
    expect(warning()).toBe(
      'cpu=one is not a whole number; showing CPU0.\nembed=yes is not 1; showing the whole page.',
    );
  });

  it('names a parameter this version does not know', () => {
    expect(openFragment(link({ params: { zoom: '2' } }))).toBe(true);
    expect(warning()).toBe('the link has a parameter this version does not know (zoom=2); it is ignored.');
  });

  it('says nothing about a link made by this build', () => {
    expect(openFragment(link({ view: 'explore', params: { xd: '4', xv: 'v4.17', xs: '1' } }))).toBe(true);
    expect(useNoticeStore.getState().notices).toEqual([]);
    expect(useExploreStore.getState()).toMatchObject({ depth: 4, variant: 'v4.17', symmetry: true });
  });
});

describe('explore links', () => {
  it('never explore another variant than the one asked for: the search is not run, and why is said', () => {
    const frag = link({ view: 'explore', params: { xd: '8', xv: 'v4.18/no-put-flushX', xr: '1' } });
    expect(openFragment(frag)).toBe(true);
    const s = useExploreStore.getState();
    expect(s.run).toBeNull();
    expect(s.status).toBe('idle');
    expect(s.variant).toBeNull();
    expect(warning()).toMatch(/xv=v4\.18\/no-put-flushX: unknown variant "v4\.18\/no-put-flushX"/);
    expect(warning()).toMatch(/the search the link asked for was not run/);
  });

  it('refuses to start a search under an unknown variant from anywhere', () => {
    useExploreStore.setState({ variant: 'v4.18/no-put-flushX' });
    useExploreStore.getState().start();
    expect(useExploreStore.getState().run).toBeNull();
    expect(useExploreStore.getState().error).toMatch(/not started: unknown variant "v4\.18\/no-put-flushX"/);
  });

  it('take a fixed base typed by hand, its + read as a space, in xv and cmp', () => {
    const fixed = 'v6.13/pre-751ecf6afd65+49ce484187f7';
    const typed = (frag: string) => frag.replaceAll('%2B', '+');
    openFragment(typed(link({ view: 'explore', params: { xd: '8', xv: fixed } })));
    expect(useExploreStore.getState().variant).toBe(fixed);
    openFragment(typed(link({ view: 'compare', compare: ['v4.18', fixed] })));
    expect(useCompareStore.getState().variants).toEqual(['v4.18', fixed]);
    expect(warning()).toBe('');
  });

  it('name a depth or a flag they cannot take', () => {
    openFragment(link({ view: 'explore', params: { xd: '999', xs: 'yes' } }));
    expect(warning()).toMatch(/xd=999 is not a depth from 1 to \d+; the depth is \d+/);
    expect(warning()).toMatch(/xs=yes is not 1 \(symmetry reduction\); taken as off/);
  });
});

describe('gallery and reviewer parameters', () => {
  it('open the first gallery entry for an unknown entry=, saying so', () => {
    openFragment(link({ view: 'gallery', params: { entry: 'v4.18/nothing-like-this' } }));
    expect(useViewStore.getState().view).toBe('gallery');
    expect(useGalleryStore.getState().entry).toBeNull();
    expect(warning()).toBe(
      'entry=v4.18/nothing-like-this is not an entry of the gallery; showing the first entry.',
    );
  });

  it('name a code= that is not 1', () => {
    openFragment(link({ params: { code: 'open' } }));
    expect(useCodeStore.getState().open).toBe(false);
    expect(warning()).toMatch(/code=open is not 1/);
  });
});
