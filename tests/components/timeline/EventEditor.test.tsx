import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEditor } from '../../../src/components/timeline/EventEditor';
import { EventList } from '../../../src/components/timeline/EventList';
import { DETAIL_DELAY_MS } from '../../../src/components/useSettled';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { resetStores } from '../../state/fixtures';

const st = () => useScenarioStore.getState();

describe('EventEditor', () => {
  beforeEach(() => resetStores());

  it('asks for an event at the initial state', () => {
    render(<EventEditor />);
    expect(screen.getByText(/Step to an event/)).toBeInTheDocument();
  });

  it('changes the op, CPU and task of the cursor’s event in place, each undoable', async () => {
    const user = userEvent.setup();
    act(() => st().setCursor(2));
    render(<EventEditor />);
    const before = st().scenario.events;
    await user.selectOptions(screen.getByLabelText('Op'), 'syscall');
    expect(st().scenario.events[1].op).toBe('syscall');
    expect(st().scenario.events.length).toBe(before.length);
    await user.selectOptions(screen.getByLabelText('Task'), st().scenario.tasks[0].id);
    expect(st().scenario.events[1].task).toBe(st().scenario.tasks[0].id);
    await user.selectOptions(screen.getByLabelText('Task'), '(none)');
    expect('task' in st().scenario.events[1]).toBe(false);
    expect(screen.getByLabelText('CPU')).toHaveValue('0');
    act(() => st().undo());
    act(() => st().undo());
    act(() => st().undo());
    expect(st().scenario.events).toEqual(before);
  });

  it('keeps the event an edit made illegal, says why, and undo restores it', async () => {
    const user = userEvent.setup();
    act(() => st().setCursor(5));
    render(<EventEditor />);
    const original = st().scenario.events[4];
    expect(original.op).toBe('guest_fp');
    await user.selectOptions(screen.getByLabelText('Op'), 'ret_to_user');
    // The replay stops before event 5 and the cursor falls back, but the editor stays on event 5.
    expect(st().replay.illegal?.index).toBe(4);
    expect(st().cursor).toBe(4);
    expect(screen.getByRole('group', { name: 'Event 5' })).toBeInTheDocument();
    expect(screen.getByLabelText('Op')).toHaveValue('ret_to_user');
    expect(screen.getByRole('status')).toHaveTextContent(/Event 5 \(ret_to_user\) is not legal here: .+/);
    // The next change lands on the same event; made legal again, the cursor is back on it.
    await user.selectOptions(screen.getByLabelText('Op'), 'guest_fp');
    expect(st().scenario.events[4]).toEqual(original);
    expect(st().cursor).toBe(5);
    expect(screen.queryByRole('status')).toBeNull();
    // Undo twice: the illegal edit, then the original event, each on event 5.
    act(() => st().undo());
    expect(screen.getByRole('group', { name: 'Event 5' })).toBeInTheDocument();
    expect(screen.getByLabelText('Op')).toHaveValue('ret_to_user');
    act(() => st().undo());
    expect(st().scenario.events[4]).toEqual(original);
    expect(st().cursor).toBe(5);
    expect(screen.getByRole('group', { name: 'Event 5' })).toBeInTheDocument();
    expect(screen.getByLabelText('Op')).toHaveValue('guest_fp');
  });

  it('moves and deletes the cursor’s event from the buttons', async () => {
    const user = userEvent.setup();
    act(() => st().setCursor(2));
    render(<EventEditor />);
    const [a, b] = st().scenario.events;
    await user.click(screen.getByRole('button', { name: 'Move earlier' }));
    expect(st().scenario.events.slice(0, 2)).toEqual([b, a]);
    // The cursor follows the event as far as the replay reaches (here the move made event 1 illegal).
    expect(st().cursor).toBe(Math.min(1, st().replay.length));
    act(() => st().undo());
    act(() => st().setCursor(2));
    const n = st().scenario.events.length;
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(st().scenario.events.length).toBe(n - 1);
  });

  it('moves and deletes from the event list’s keys', () => {
    act(() => st().setCursor(1));
    render(<EventList />);
    const list = screen.getByRole('listbox');
    const [a, b] = st().scenario.events;
    fireEvent.keyDown(list, { key: 'ArrowDown', altKey: true });
    expect(st().scenario.events.slice(0, 2)).toEqual([b, a]);
    act(() => st().undo());
    act(() => st().setCursor(2));
    fireEvent.keyDown(list, { key: 'ArrowUp', altKey: true });
    expect(st().scenario.events.slice(0, 2)).toEqual([b, a]);
    act(() => st().undo());
    act(() => st().setCursor(1));
    const n = st().scenario.events.length;
    fireEvent.keyDown(list, { key: 'Delete' });
    expect(st().scenario.events.length).toBe(n - 1);
  });

  describe('while the cursor moves', () => {
    afterEach(() => vi.useRealTimers());

    it('follows the cursor once it rests, and acts on the event it shows meanwhile', () => {
      vi.useFakeTimers();
      act(() => st().setCursor(1));
      render(<EventEditor />);
      act(() => st().setCursor(2));
      expect(screen.getByRole('group', { name: 'Event 1' })).toBeInTheDocument();
      const n = st().scenario.events.length;
      const second = st().scenario.events[1];
      fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
      expect(st().scenario.events.length).toBe(n - 1);
      expect(st().scenario.events[0]).toEqual(second);
      act(() => st().undo());
      act(() => st().setCursor(2));
      act(() => vi.advanceTimersByTime(DETAIL_DELAY_MS + 1));
      expect(screen.getByRole('group', { name: 'Event 2' })).toBeInTheDocument();
      expect(screen.getByLabelText('Op')).toHaveValue(st().scenario.events[1].op);
    });
  });
});
