import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Palette } from '../../src/components/palette/Palette';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { resetStores, sveTraceScenario, twoCpuScenario } from '../state/fixtures';

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

describe('Palette on an SVE machine', () => {
  beforeEach(() => resetStores(sveTraceScenario([], 'v6.13')));

  it('offers the SVE ops with their reasons and a tracee for the ptrace ones', async () => {
    const user = userEvent.setup();
    render(<Palette />);
    const sve = screen.getByRole('button', { name: 'user_sve' });
    expect(sve).toHaveAttribute('aria-disabled', 'true');
    expect(sve).toHaveAccessibleDescription(/not running a task in user space/);
    expect(screen.getByRole('button', { name: 'guest_zcr' })).toHaveAccessibleDescription(/not in a guest/);
    st().setCursor(2);
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Task to trace (stopped), ptrace_setsve' })).toHaveValue(
        'app',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'ptrace_setsve' }));
    expect(st().scenario.events[2]).toEqual({ cpu: 0, op: 'ptrace_setsve', task: 'app' });
  });
});

describe('Palette on an FPSIMD-only machine', () => {
  beforeEach(() => resetStores(twoCpuScenario()));

  it('offers no SVE op', () => {
    render(<Palette />);
    for (const op of [
      'user_sve',
      'do_sve_acc',
      'prctl_set_vl',
      'ptrace_setsve',
      'ptrace_getsve',
      'guest_zcr',
    ])
      expect(screen.queryByRole('button', { name: op })).toBeNull();
  });
});
