// The gallery view: an entry per historic variant, each a link; the analogue labelled; the example
// opened at its violating step; the explorer set to the gallery machine, variant and depth and started;
// the code before and after the fix side by side.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GalleryView } from '../../../src/components/gallery/GalleryView';
import { GALLERY_DEPTH, GALLERY_MACHINE } from '../../../src/engine';
import { recordingRunner } from './recordingRunner';
import { setExploreRunner, useExploreStore } from '../../../src/state/stores/exploreStore';
import { galleryEntries } from '../../../src/state/viewmodels/galleryModel';
import { useGalleryStore } from '../../../src/state/stores/galleryStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { useViewStore } from '../../../src/state/stores/viewStore';
import type { StartMessage } from '../../../src/workers/protocol';
import { resetStores } from '../../state/fixtures';

const initialExplore = useExploreStore.getState();
let started: StartMessage[] = [];

beforeEach(() => {
  resetStores();
  useViewStore.getState().setView('gallery');
  useGalleryStore.setState({ entry: null });
  useExploreStore.setState(initialExplore, true);
  started = [];
  setExploreRunner(recordingRunner(started));
});
afterEach(() => setExploreRunner(null));

const entries = galleryEntries();
const historic = entries.filter((e) => !e.releaseBug);
const releaseBugs = entries.filter((e) => e.releaseBug && e.violatingCursor !== null);

describe('Gallery view', () => {
  it('links every historic variant and states the machine and depth', () => {
    render(<GalleryView />);
    const nav = screen.getByRole('navigation', { name: 'Gallery entries' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(entries.map((e) => e.id));
    for (const a of links) expect(a.getAttribute('href')).toMatch(/^#.*entry=/);
    expect(links[0]).toHaveAttribute('aria-current', 'true');
    expect(
      screen.getByText(/^2 CPUs; tasks qemu \(runs vcpu0\), app, editor, kworker \(kernel thread\)/),
    ).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`to depth ${GALLERY_DEPTH}, to which`))).toBeInTheDocument();
  });

  it.each(entries.map((e) => [e.id, e] as const))(
    '%s: story, commit link, date, kernels, fix and the code on both sides',
    async (_id, e) => {
      const user = userEvent.setup();
      render(<GalleryView />);
      await user.click(screen.getByRole('link', { name: e.id }));
      expect(useGalleryStore.getState().entry).toBe(e.id);
      const entry = screen.getByRole('article', { name: `${e.id}: ${e.fix.subject}` });
      const inEntry = within(entry);
      expect(inEntry.getByRole('link', { name: e.fix.commit })).toHaveAttribute(
        'href',
        `https://git.kernel.org/torvalds/c/${e.fix.commit}`,
      );
      for (const text of [e.fix.story, e.fix.before, e.fix.fix, e.fix.date, e.fix.affected])
        expect(inEntry.getByText(text)).toBeInTheDocument();
      expect(inEntry.queryByText('Analogue.') !== null).toBe(e.fix.analogue === true);
      // A bug of the release itself has no fix test in the engine: the entry says where its code is.
      if (e.releaseBug && entry.querySelector('.gallery-sides') === null) {
        expect(inEntry.getByText(/is in the code of .* as released/)).toBeInTheDocument();
        return;
      }
      // One pair of listings per function holding the fix's test.
      expect(inEntry.getAllByText(`Before the fix (`, { exact: false }).length).toBeGreaterThan(0);
      expect(entry.querySelectorAll('.gallery-sides figure')).not.toHaveLength(0);
      // The lines only the fixed code has are struck through on the pre-fix side, and marked on the other.
      const [before, after] = entry.querySelectorAll('.gallery-sides')[0].querySelectorAll('pre');
      expect(before.querySelectorAll('del').length).toBe(after.querySelectorAll('mark').length);
      expect(after.querySelectorAll('del').length).toBe(before.querySelectorAll('mark').length);
      expect(before.querySelectorAll('del, mark').length).toBeGreaterThan(0);
    },
  );

  it('opens an entry’s example at its violating step under the historic variant', async () => {
    const user = userEvent.setup();
    const e = historic[historic.length - 1];
    useGalleryStore.getState().select(e.id);
    render(<GalleryView />);
    await user.click(
      screen.getByRole('button', {
        name: `Open the example at the violating step (step ${e.violatingCursor})`,
      }),
    );
    const s = useScenarioStore.getState();
    expect(s.scenario.title).toBe(e.example!.title);
    expect(s.origin).toEqual({ kind: 'example', id: e.exampleId });
    expect(s.variantId).toBe(e.id);
    expect(s.cursor).toBe(e.violation!.step + 1);
    expect(useViewStore.getState().view).toBe('diagram');
  });

  it('finds it with the explorer: the gallery machine, the variant and the gallery depth, started', async () => {
    const user = userEvent.setup();
    const e = entries[0];
    render(<GalleryView />);
    await user.click(screen.getByRole('button', { name: 'Find it with the explorer' }));
    expect(useViewStore.getState().view).toBe('explore');
    expect(useScenarioStore.getState().scenario).toEqual(GALLERY_MACHINE);
    const x = useExploreStore.getState();
    expect(x).toMatchObject({ status: 'running', variant: e.id, depth: GALLERY_DEPTH });
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      variant: e.id,
      depth: GALLERY_DEPTH,
      config: { cpus: GALLERY_MACHINE.cpus, tasks: GALLERY_MACHINE.tasks, start: GALLERY_MACHINE.start },
    });
  });

  it('leaves a running search alone and says so', async () => {
    const user = userEvent.setup();
    useExploreStore.setState({ status: 'running' });
    render(<GalleryView />);
    await user.click(screen.getByRole('button', { name: 'Find it with the explorer' }));
    expect(started).toEqual([]);
    expect(useViewStore.getState().view).toBe('gallery');
  });

  it('offers to stop a running search and start this one', async () => {
    const user = userEvent.setup();
    const e = entries[0];
    // Another search, started by the explorer itself.
    act(() => useExploreStore.getState().start());
    expect(started).toHaveLength(1);
    render(<GalleryView />);
    await user.click(screen.getByRole('button', { name: 'Find it with the explorer' }));
    expect(started).toHaveLength(1);
    expect(screen.getByRole('alert')).toHaveTextContent('The explorer is busy with another search.');
    await user.click(screen.getByRole('button', { name: 'Stop that search and start this one' }));
    expect(useExploreStore.getState().status).toBe('cancelling');
    // The worker answers the cancel: the entry's search starts.
    act(() => useExploreStore.setState({ status: 'finished' }));
    await waitFor(() => expect(started).toHaveLength(2));
    expect(started[1]).toMatchObject({ variant: e.id, depth: GALLERY_DEPTH });
    expect(useViewStore.getState().view).toBe('explore');
    expect(useGalleryStore.getState().story).toEqual({
      variant: e.id,
      kind: e.violation!.kind,
      context: e.violation!.context,
    });
  });

  it('links the kernel before the fix (its parent) and after it', () => {
    const e = historic[historic.length - 1];
    useGalleryStore.getState().select(e.id);
    render(<GalleryView />);
    const tree = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/arch/arm64';
    expect(
      screen.getByRole('link', {
        name: `${e.fix.commit}^: the kernel just before the fix, as ${e.id} runs it`,
      }),
    ).toHaveAttribute('href', `${tree}?id=${e.fix.commit}%5E`);
    expect(
      screen.getByRole('link', { name: `${e.fix.commit}: with the fix, as ${e.variant.era.id} runs it` }),
    ).toHaveAttribute('href', `${tree}?id=${e.fix.commit}`);
  });

  it.each(releaseBugs.map((e) => [e.id, e] as const))(
    '%s: a bug of the release itself, opened under the release, the fix named by its later release',
    async (_id, e) => {
      const user = userEvent.setup();
      useGalleryStore.getState().select(e.id);
      render(<GalleryView />);
      expect(
        screen.getByText(new RegExp(`^This release itself: ${e.variant.era.id} as released`)),
      ).toBeInTheDocument();
      if (e.fixedIn)
        expect(
          screen.getByRole('link', { name: `${e.fix.commit}: with the fix, as ${e.fixedIn.id} runs it` }),
        ).toBeInTheDocument();
      await user.click(
        screen.getByRole('button', {
          name: `Open the example at the violating step (step ${e.violatingCursor})`,
        }),
      );
      expect(useScenarioStore.getState().variantId).toBe(e.variant.id);
      expect(useScenarioStore.getState().cursor).toBe(e.violatingCursor);
    },
  );
});
