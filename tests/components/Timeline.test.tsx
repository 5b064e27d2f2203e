import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventList } from '../../src/components/timeline/EventList';
import { Timeline } from '../../src/components/timeline/Timeline';
import { randomScenario } from '../../src/state/scenario/randomScenario';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { useViewStore } from '../../src/state/stores/viewStore';
import { guestScenario, resetStores } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('Timeline', () => {
  beforeEach(() => resetStores());

  it('steps with the arrow keys, jumps with Home and End, plays with Space', async () => {
    const user = userEvent.setup();
    render(<Timeline />);
    const list = screen.getByRole('listbox');
    list.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(st().cursor).toBe(3);
    await user.keyboard('{ArrowLeft}');
    expect(st().cursor).toBe(2);
    await user.keyboard('{End}');
    expect(st().cursor).toBe(12);
    await user.keyboard('{Home}');
    expect(st().cursor).toBe(0);
    await user.keyboard(' ');
    expect(useViewStore.getState().playing).toBe(true);
    await user.keyboard(' ');
    expect(useViewStore.getState().playing).toBe(false);
    expect(screen.getByText('Step 0 of 12')).toBeInTheDocument();
  });

  it('has buttons and a scrubber for the same moves', async () => {
    const user = userEvent.setup();
    render(<Timeline />);
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(st().cursor).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    expect(st().cursor).toBe(12);
    expect(screen.getByRole('button', { name: 'Step forward' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(st().cursor).toBe(11);
    await user.click(screen.getByRole('button', { name: 'Jump to start' }));
    expect(st().cursor).toBe(0);
    const scrub = screen.getByRole('slider', { name: 'Step' });
    expect(scrub).toHaveAttribute('max', '12');
  });

  it('selects a step by clicking its row, and marks the current row', async () => {
    const user = userEvent.setup();
    render(<EventList />);
    await user.click(screen.getByText(/^5 CPU0 guest_fp$/, { selector: '#event-row-5 *' }));
    expect(st().cursor).toBe(5);
    expect(screen.getByRole('option', { selected: true })).toHaveAttribute('id', 'event-row-5');
  });

  it('shows an illegal event and the ones after it as not replayed', () => {
    const sc = guestScenario();
    sc.events.splice(1, 0, { cpu: 0, op: 'guest_exit' });
    resetStores(sc);
    render(<EventList />);
    const illegal = screen.getAllByRole('option')[2];
    expect(illegal).toHaveTextContent('CPU0 guest_exit');
    expect(within(illegal).getByText('not legal here')).toBeInTheDocument();
    expect(illegal).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getAllByText('not replayed').length).toBeGreaterThan(3);
  });

  it('renders only the rows in view of a 10,000-event scenario', () => {
    resetStores(randomScenario({ cpus: 8, events: 10_000, seed: 1 }));
    render(<EventList height={300} />);
    expect(screen.getAllByRole('option').length).toBeLessThan(40);
    act(() => st().setCursor(9000));
    expect(screen.getByRole('option', { selected: true })).toHaveAttribute('id', 'event-row-9000');
    expect(screen.getByRole('option', { selected: true })).toHaveAttribute('aria-setsize', '10001');
  });

  it("shows the cursor's row when it first appears at a later step (a link opened at step N)", () => {
    resetStores(randomScenario({ cpus: 2, events: 500, seed: 3 }));
    act(() => st().setCursor(420));
    render(<EventList height={300} />);
    expect(screen.getByRole('option', { selected: true })).toHaveAttribute('id', 'event-row-420');
  });
});
