import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TourView } from '../../../src/components/tour/TourView';
import { TOURS } from '../../../src/scenarios/tours';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { startTour } from '../../../src/state/stores/tourActions';
import { tourScenario } from '../../../src/state/viewmodels/tourModel';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { memoryStorage, resetStores } from '../../state/fixtures';

const st = () => useScenarioStore.getState();

describe('TourView', () => {
  beforeEach(() => resetStores());

  it('offers every tour and starts one at its beginning', async () => {
    const user = userEvent.setup();
    render(<TourView />);
    const picker = screen.getByRole('navigation', { name: 'Guided tours' });
    expect(within(picker).getAllByRole('listitem')).toHaveLength(TOURS.length);
    const tour = TOURS[1];
    await user.click(within(picker).getByRole('button', { name: `Start: ${tour.title}` }));
    const sc = tourScenario(tour)!;
    expect(screen.getByText(`Step 0 of ${sc.events.length}`)).toBeInTheDocument();
    expect(screen.getByText(`Guided tour: ${tour.title}`)).toBeInTheDocument();
    // While a tour plays the picker is one compact row, the current tour marked.
    expect(document.querySelector('.tour-card.current button')?.getAttribute('aria-label')).toBe(
      `Start again: ${tour.title}`,
    );
    expect(within(picker).getByRole('button', { name: `Start again: ${tour.title}` })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '← Back' })).toBeDisabled();
  });

  it('titles an edited tour as the user’s copy, and as the tour again once the edit is undone', () => {
    void startTour(TOURS[0], () => 'discard');
    render(<TourView />);
    const kicker = () => document.querySelector('.tour-kicker')!;
    expect(kicker()).toHaveTextContent(`Guided tour: ${TOURS[0].title}`);
    act(() => st().setCursor(1));
    act(() => st().deleteEvent(0));
    expect(kicker()).toHaveTextContent(`Your edited copy of the tour “${TOURS[0].title}” (not saved)`);
    expect(screen.queryByText(/^Guided tour:/)).toBeNull();
    act(() => st().undo());
    expect(kicker()).toHaveTextContent(`Guided tour: ${TOURS[0].title}`);
  });

  it('steps with Next/Back and the arrow keys, showing each note and what it changed', async () => {
    const user = userEvent.setup();
    void startTour(TOURS[0], () => 'discard');
    render(<TourView />);
    const sc = tourScenario(TOURS[0])!;
    expect(document.querySelector('.tour-note')?.textContent).toBe(sc.description);
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(screen.getByRole('heading', { name: 'Step 1: CPU0 ret_to_user' })).toBeInTheDocument();
    expect(document.querySelector('.tour-note')?.textContent).toBe(sc.events[0].note);
    expect(screen.getByRole('heading', { name: 'Highlighted in the diagram' })).toBeInTheDocument();
    expect(screen.getByText('cpu0.fpsimd_last_state')).toBeInTheDocument();
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(screen.getByText(`Step 2 of ${sc.events.length}`)).toBeInTheDocument();
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowLeft' }));
    expect(screen.getByText(`Step 1 of ${sc.events.length}`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '← Back' }));
    expect(st().cursor).toBe(0);
    // Keys typed into a text field are the field's.
    const input = document.createElement('input');
    document.body.append(input);
    act(() => void fireEvent.keyDown(input, { key: 'ArrowRight' }));
    expect(st().cursor).toBe(0);
    input.remove();
  });

  it('reaches the end, says so, and starts again', async () => {
    const user = userEvent.setup();
    void startTour(TOURS[2], () => 'discard');
    render(<TourView />);
    const n = tourScenario(TOURS[2])!.events.length;
    act(() => st().setCursor(n));
    expect(screen.getByText(`Step ${n} of ${n}`)).toBeInTheDocument();
    expect(screen.getByText('End of the tour.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next →' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(st().cursor).toBe(0);
  });

  it('plays a scenario that is not a tour, with the engine’s explanation for missing notes', () => {
    render(<TourView />);
    expect(screen.getByText(/Playing “Guest first FP” as a tour/)).toBeInTheDocument();
    act(() => st().setCursor(5));
    expect(screen.getByText(/no notes: the engine's explanation is shown instead/)).toBeInTheDocument();
    expect(document.querySelector('.tour-note')?.textContent).toMatch(/trap/);
  });

  it('says where each change is drawn, and which it does not draw', () => {
    void startTour(TOURS[0], () => 'discard');
    render(<TourView />);
    const sc = tourScenario(TOURS[0])!;
    const trap = sc.events.findIndex((e) => e.op === 'guest_fp') + 1;
    act(() => st().setCursor(trap));
    const items = [...document.querySelectorAll('.tour-changes li')];
    const tfp = items.find((li) => li.textContent?.includes('CPTR_EL2.TFP'));
    expect(tfp?.getAttribute('data-drawn')).toBe('false');
    expect(tfp?.textContent).toMatch(/not drawn in the diagram/);
    const regs = items.find((li) => li.textContent?.startsWith('cpu0.regs'));
    expect(regs?.textContent).toMatch(/CPU0's register tile/);
    // The surprising but correct picture is explained: vcpu0 in the registers, the pointer at qemu.
    expect(screen.getByRole('heading', { name: 'Why does it look like this?' })).toBeInTheDocument();
    expect(document.querySelector('.why')?.textContent).toMatch(
      /hold vcpu0's data, yet fpsimd_last_state still names qemu/,
    );
  });

  it('marks notes written for another variant and offers to switch back', async () => {
    const user = userEvent.setup();
    void startTour(TOURS[0], () => 'discard');
    render(<TourView />);
    act(() => st().setCursor(6));
    expect(document.querySelector('.note-variant')).toBeNull();
    act(() => st().setVariant('v4.17'));
    expect(screen.getByRole('note')).toHaveTextContent('Written for v4.18. The diagram shows v4.17');
    await user.click(screen.getByRole('button', { name: 'Switch back to v4.18' }));
    expect(st().variantId).toBe('v4.18');
    expect(st().cursor).toBe(6);
    expect(document.querySelector('.note-variant')).toBeNull();
  });

  it('leaves with Escape or Exit, and edits a copy in the step view', async () => {
    const user = userEvent.setup();
    useLibraryStore.getState().load(memoryStorage());
    void startTour(TOURS[0], () => 'discard');
    render(<TourView />);
    act(() => void fireEvent.keyDown(document.body, { key: 'Escape' }));
    expect(useViewStore.getState().view).toBe('diagram');
    act(() => useViewStore.getState().setView('tour'));
    await user.click(screen.getByRole('button', { name: 'Exit tour' }));
    expect(useViewStore.getState().view).toBe('diagram');
    act(() => useViewStore.getState().setView('tour'));
    await user.click(screen.getByRole('button', { name: 'Edit a copy' }));
    expect(st().origin.kind).toBe('user');
    expect(st().scenario.title).toMatch(/\(my copy\)$/);
    expect(useViewStore.getState().view).toBe('diagram');
  });
});
