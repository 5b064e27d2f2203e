import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Palette } from '../../src/components/palette/Palette';
import { useScenarioStore } from '../../src/state/scenarioStore';
import { resetStores, twoCpuScenario } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('Palette', () => {
  beforeEach(() => resetStores(twoCpuScenario()));

  it('offers one control per op; an illegal one stays focusable and says why', () => {
    render(<Palette />);
    const guestFp = screen.getByRole('button', { name: 'guest_fp' });
    expect(guestFp).toHaveAttribute('aria-disabled', 'true');
    expect(guestFp).toHaveAccessibleDescription(/not in a guest/);
    expect(screen.getByRole('button', { name: 'ret_to_user' })).not.toHaveAttribute('aria-disabled');
  });

  it('applies a legal event at the cursor, ignores an illegal one, and undoes', async () => {
    const user = userEvent.setup();
    render(<Palette />);
    await user.click(screen.getByRole('button', { name: 'guest_fp' }));
    expect(st().scenario.events).toHaveLength(6);
    await user.click(screen.getByRole('button', { name: 'syscall' }));
    expect(st().scenario.events).toHaveLength(6); // syscall: qemu is in the kernel at step 0
    await user.click(screen.getByRole('button', { name: 'ret_to_user' }));
    expect(st().scenario.events).toHaveLength(7);
    expect(st().scenario.events[0]).toEqual({ cpu: 0, op: 'ret_to_user' });
    expect(st().cursor).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(st().scenario.events).toHaveLength(6);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(st().scenario.events).toHaveLength(7);
  });

  it('switches CPU and schedules a chosen task', async () => {
    const user = userEvent.setup();
    render(<Palette />);
    await user.click(screen.getByRole('radio', { name: 'CPU1' }));
    // CPU1 is idle: only the tasks not current elsewhere can be scheduled.
    const select = screen.getByRole('combobox', { name: 'Task to switch to' });
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['editor', 'kworker']);
    await user.selectOptions(select, 'kworker');
    await user.click(screen.getByRole('button', { name: 'schedule' }));
    expect(st().scenario.events[0]).toEqual({ cpu: 1, op: 'schedule', task: 'kworker' });
  });
});
