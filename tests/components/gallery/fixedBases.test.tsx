// Fixed-base ids (`ID+COMMIT12...`, src/engine/fixedBase.ts) in the app: the variant picker offers the
// gallery's, labelled as fixed bases naming the fixes; a link or a scenario naming one opens with it;
// a bad one is named in a notice (what and where) and the scenario is kept. The gallery states each
// SVE entry's search and starts the explorer on the entry's machine, fixed base and depth.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VariantSelect } from '../../../src/components/header/VariantSelect';
import { GalleryView } from '../../../src/components/gallery/GalleryView';
import { SVE_UP_MACHINE, type Scenario } from '../../../src/engine';
import { connectLinkOwners } from '../../../src/state/links/linkParams';
import { encodeShare } from '../../../src/state/links/share';
import { openFragment } from '../../../src/state/links/urlSync';
import { recordingRunner } from './recordingRunner';
import { setExploreRunner, useExploreStore } from '../../../src/state/stores/exploreStore';
import { useGalleryStore } from '../../../src/state/stores/galleryStore';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { fixedBaseChoices } from '../../../src/state/viewmodels/fixedBaseChoices';
import type { StartMessage } from '../../../src/workers/protocol';
import { resetStores, twoCpuScenario } from '../../state/fixtures';

const FIXED = 'v6.13/pre-751ecf6afd65+49ce484187f7+398edaa12f9c';
const notices = () =>
  useNoticeStore
    .getState()
    .notices.map((n) => `${n.title}: ${n.detail ?? ''}`)
    .join('\n');
const sveScenario = (variant?: string): Scenario => ({
  ...twoCpuScenario(),
  title: 'SVE two CPUs',
  sve: true,
  ...(variant ? { variant } : {}),
});
const link = (variant: string) =>
  encodeShare({ scenario: sveScenario(), variant, step: 0, view: 'diagram', embed: false, cpu: 0 });

let started: StartMessage[] = [];
const initialExplore = useExploreStore.getState();

beforeAll(() => Promise.all(['explore', 'gallery'].map((v) => connectLinkOwners(v))));
beforeEach(() => {
  resetStores();
  useNoticeStore.setState({ notices: [] });
  useExploreStore.setState(initialExplore, true);
  started = [];
  setExploreRunner(recordingRunner(started));
});
afterEach(() => setExploreRunner(null));
afterAll(() => useNoticeStore.setState({ notices: [] }));

describe('fixed bases in the app', () => {
  it('the picker offers the gallery\u2019s, labelled as fixed bases naming the fixes, and the one on screen', () => {
    const c = fixedBaseChoices();
    expect(c.find((x) => x.id === FIXED)?.label).toBe(
      'v6.13/pre-751ecf6afd65 (fixed base: 49ce484187f7, 398edaa12f9c fixed)',
    );
    expect(c.some((x) => x.id === 'v6.16+128a7494a9f1')).toBe(false);
    expect(fixedBaseChoices('v6.16+128a7494a9f1').at(-1)?.label).toBe(
      'v6.16 (fixed base: 128a7494a9f1 fixed)',
    );
    expect(fixedBaseChoices('v6.13+fbc7e61195e2').some((x) => x.id.includes('fbc7'))).toBe(false);
  });

  it('the header picker shows and chooses one', async () => {
    const user = userEvent.setup();
    render(<VariantSelect />);
    const select = screen.getByRole('combobox', { name: 'Kernel variant' });
    await user.selectOptions(select, FIXED);
    expect(useScenarioStore.getState().variantId).toBe(FIXED);
    expect(select).toHaveValue(FIXED);
    expect(
      screen.getByRole('option', {
        name: 'v6.13/pre-751ecf6afd65 (fixed base: 49ce484187f7, 398edaa12f9c fixed)',
      }),
    ).toBeInTheDocument();
  });

  it('a link naming one opens with it, also with its + typed by hand (read as a space)', () => {
    expect(openFragment(link(FIXED))).toBe(true);
    expect(useScenarioStore.getState().variantId).toBe(FIXED);
    expect(notices()).toBe('');
    resetStores();
    expect(openFragment(link(FIXED).replaceAll('%2B', '+'))).toBe(true);
    expect(useScenarioStore.getState().variantId).toBe(FIXED);
    expect(notices()).toBe('');
  });

  it('a link naming a fix the model cannot apply says what and where, and opens the scenario', () => {
    expect(openFragment(link('v6.13+fbc7e61195e2'))).toBe(true);
    expect(useScenarioStore.getState().scenario.title).toBe('SVE two CPUs');
    expect(notices()).toMatch(
      /variant=v6\.13\+fbc7e61195e2: .*v6\.13 can be run with these of its release bugs fixed: 49ce484187f7, 398edaa12f9c/,
    );
  });

  it('a scenario naming one opens with it; a bad one is named in a notice and the scenario kept', () => {
    useScenarioStore.getState().open(sveScenario(FIXED), { kind: 'imported', name: 'a.json' });
    expect(useScenarioStore.getState().variantId).toBe(FIXED);
    expect(notices()).toBe('');
    const bad = sveScenario('v6.16+fbc7e61195e2');
    useScenarioStore.getState().open(bad, { kind: 'imported', name: 'b.json' });
    expect(useScenarioStore.getState().scenario).toBe(bad);
    expect(useScenarioStore.getState().variantId).toBe('v4.18');
    expect(notices()).toContain(
      'Unknown variant: The scenario \u201cSVE two CPUs\u201d is opened under v4.18: its variant "v6.16+fbc7e61195e2" cannot be run',
    );
    expect(notices()).toContain(
      'v6.16 can be run with these of its release bugs fixed: 128a7494a9f1, 5cbb61bf4168',
    );
  });

  it('the gallery states an SVE entry\u2019s search, and finds it on its machine, depth and fixed base', async () => {
    const user = userEvent.setup();
    useViewStore.getState().setView('gallery');
    useGalleryStore.getState().select('v4.18/pre-b3eb56b629d1');
    render(<GalleryView />);
    expect(screen.getByText(/^Searched to depth 15 on the SVE one-CPU machine/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Find it with the explorer' }));
    expect(started[0]).toMatchObject({
      variant: 'v4.18/pre-b3eb56b629d1',
      depth: 15,
      dead: true,
      first: true,
    });
    expect(started[0].config).toMatchObject({ cpus: SVE_UP_MACHINE.cpus, sve: true });
    useGalleryStore.getState().select('v6.13/pre-751ecf6afd65');
    useExploreStore.setState({ status: 'idle' });
    render(<GalleryView />);
    await user.click(screen.getAllByRole('button', { name: 'Find it with the explorer' }).at(-1)!);
    expect(started.at(-1)).toMatchObject({ variant: FIXED, depth: 10 });
  });

  it('the gallery says the differential entry is searched against its base', () => {
    useViewStore.getState().setView('gallery');
    useGalleryStore.getState().select('v6.13/pre-d52d165d67c5');
    render(<GalleryView />);
    expect(
      screen.getByText(
        /^Searched to depth 13 on the SVE one-CPU kthread machine against v6\.13 by the differential search/,
      ),
    ).toBeInTheDocument();
  });
});
