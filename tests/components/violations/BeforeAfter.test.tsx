import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DiagramPanel } from '../../../src/components/diagram/DiagramPanel';
import { useBeforeStore } from '../../../src/state/stores/beforeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { guestScenario, resetStores } from '../../state/fixtures';

const st = () => useScenarioStore.getState();
const svg = (name: string) => document.querySelector<SVGSVGElement>(`svg[data-export="${name}"]`);

describe('before and after a violating step', () => {
  beforeEach(() => {
    resetStores(guestScenario(), 'v4.18/no-put-flush');
    useBeforeStore.setState({ shown: false });
  });

  it('the banner shows the state before the step, with the leaked data marked', async () => {
    const user = userEvent.setup();
    render(<DiagramPanel />);
    const at = st().replay.violations[0].step + 1;
    act(() => st().setCursor(at));
    // After the step the registers already hold qemu's data.
    expect(svg('main')!.querySelector('[data-cpu="0"] .fv-regs')).toHaveAttribute('data-owner', 'qemu');
    expect(svg('before')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show the state before this step' }));
    expect(screen.getByRole('button', { name: 'Show the state before this step' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const regs = svg('before')!.querySelector('[data-cpu="0"] .fv-regs')!;
    expect(regs).toHaveAttribute('data-owner', 'vcpu0');
    expect(regs).toHaveAttribute('data-mark', "vcpu0's data, about to leak to qemu");
    expect(screen.getByText(`Before step ${at}`)).toBeInTheDocument();
    expect(svg('main')).not.toBeNull();
    // A step without a violation shows its one picture.
    act(() => st().setCursor(at - 1));
    expect(svg('before')).toBeNull();
  });
});
