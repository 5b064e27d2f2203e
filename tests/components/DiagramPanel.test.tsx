import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DiagramPanel } from '../../src/components/diagram/DiagramPanel';
import { countersAt } from '../../src/engine';
import { useDisplayStore } from '../../src/state/stores/displayStore';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { useViewStore } from '../../src/state/stores/viewStore';
import { resetStores } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('DiagramPanel', () => {
  beforeEach(() => resetStores());

  it('shows the running totals at the cursor', () => {
    render(<DiagramPanel />);
    act(() => st().setCursor(5));
    const totals = screen.getByLabelText('Totals after step 5');
    const c = countersAt(st().replay, 5);
    expect(within(totals).getByText('FP traps').nextSibling).toHaveTextContent(String(c.fpTraps));
    expect(within(totals).getByText('host saves').nextSibling).toHaveTextContent(String(c.hostSaves));
  });

  it('zooms in and out, and back to its natural setting', async () => {
    const user = userEvent.setup();
    useDisplayStore.setState({ scale: 1 });
    render(<DiagramPanel />);
    const svg = () => document.querySelector<SVGSVGElement>('svg[data-export="main"]')!;
    const natural = Number(svg().getAttribute('width'));
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByText('125%')).toBeInTheDocument();
    expect(svg().style.width).toBe(`${natural * 1.25}px`);
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(useDisplayStore.getState().scale).toBe(1);
    expect(svg().style.width).toBe('');
    for (let i = 0; i < 10; i++) await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(useDisplayStore.getState().scale).toBeGreaterThanOrEqual(0.4);
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    act(() => useDisplayStore.setState({ scale: 1 }));
  });

  it('switches between readable size and fit to width', async () => {
    const user = userEvent.setup();
    const { container } = render(<DiagramPanel />);
    const svg = () => container.querySelector('svg[data-export="main"]') as SVGSVGElement;
    expect(svg().style.minWidth).not.toBe('0px');
    await user.click(screen.getByRole('button', { name: 'Fit to width' }));
    expect(useViewStore.getState().zoom).toBe('fit');
    expect(svg().style.minWidth).toBe('0px');
  });

  it('leaves out the footer when embedded', () => {
    render(<DiagramPanel chrome={false} />);
    expect(screen.queryByRole('button', { name: 'Export SVG' })).toBeNull();
  });
});
