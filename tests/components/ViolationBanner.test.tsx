import { act, render, screen } from '@testing-library/react';
import { violationTitle } from '../../src/state/viewmodels/violationText';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ViolationBanner } from '../../src/components/violations/ViolationBanner';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { guestScenario, resetStores } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('ViolationBanner', () => {
  beforeEach(() => resetStores(guestScenario(), 'v4.18/no-put-save'));

  it('jumps to the next violation and names its kind, context and CPU', async () => {
    const user = userEvent.setup();
    render(<ViolationBanner />);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Jump to next violation/ }));
    const v = st().replay.violations[0];
    expect(st().cursor).toBe(v.step + 1);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(`${violationTitle(v)} on CPU${v.cpu}`);
    expect(violationTitle(v)).toContain(v.context);
  });

  it('says nothing about violations when there are none', () => {
    resetStores(guestScenario(), 'v4.18');
    render(<ViolationBanner />);
    expect(screen.queryByText(/violation/)).toBeNull();
  });

  it('explains an event that is not legal and can delete it', async () => {
    const sc = guestScenario();
    sc.events.splice(3, 0, { cpu: 0, op: 'ret_to_user' });
    resetStores(sc);
    const user = userEvent.setup();
    render(<ViolationBanner />);
    expect(screen.getByRole('status')).toHaveTextContent(
      /Event 4 \(events\[3\]\) \(ret_to_user\) is not legal/,
    );
    act(() => st().toStart());
    await user.click(screen.getByRole('button', { name: 'Delete event 4' }));
    expect(st().replay.illegal).toBeNull();
  });
});
