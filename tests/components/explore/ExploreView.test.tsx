// The Explore view over the in-process runner: the form and its checks, a run to its explained empty
// result, a counterexample opened in the step-through view, cancel, keyboard use, the lazy view in the app.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/App';
import { ExploreView } from '../../../src/components/explore/ExploreView';
import { setExploreRunner, useExploreStore } from '../../../src/state/stores/exploreStore';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { inProcessRunner } from '../../../src/workers/inProcess';
import { bigScenario, ended, until } from '../../state/exploreFixtures';
import { memoryStorage, resetStores } from '../../state/fixtures';

const initial = useExploreStore.getState();

beforeEach(() => {
  resetStores();
  useLibraryStore.getState().load(memoryStorage());
  useViewStore.getState().setView('explore');
  useExploreStore.setState(initial, true);
  setExploreRunner(inProcessRunner());
});
afterEach(() => setExploreRunner(null));

describe('Explore view', () => {
  it('shows what will be explored, with the scenario’s variant and depth 12 by default', () => {
    render(<ExploreView />);
    expect(screen.getByText(/1 CPU; tasks qemu \(runs vcpu0\); at the start CPU0 qemu/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Variant' })).toHaveValue('v4.18');
    expect(screen.getByRole('spinbutton', { name: 'Depth' })).toHaveValue(12);
    expect(screen.getByRole('checkbox', { name: 'Symmetry reduction' })).not.toBeChecked();
    expect(screen.getByText(/Nothing explored yet/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('refuses a bad depth, saying why, and starts nothing', async () => {
    const user = userEvent.setup();
    render(<ExploreView />);
    const depth = screen.getByRole('spinbutton', { name: 'Depth' });
    await user.clear(depth);
    await user.type(depth, '500');
    await user.click(screen.getByRole('button', { name: 'Run the explorer' }));
    expect(depth).toHaveAttribute('aria-invalid', 'true');
    expect(depth).toHaveAccessibleDescription(/whole number from 1 to 100 \(not “500”\)/);
    expect(useExploreStore.getState().status).toBe('idle');
  });

  it('runs to an explained empty result for a correct era, announced in a live region', async () => {
    const user = userEvent.setup();
    render(<ExploreView />);
    const depth = screen.getByRole('spinbutton', { name: 'Depth' });
    await user.clear(depth);
    await user.type(depth, '8');
    await user.click(screen.getByRole('button', { name: 'Run the explorer' }));
    await act(ended);
    const bar = screen.getByRole('progressbar', { name: /Search progress/ });
    expect(bar).toHaveAttribute('aria-valuenow', '8');
    expect(bar).toHaveAttribute('aria-valuemax', '8');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Search finished. No violation up to depth 8 (complete).',
    );
    expect(
      screen.getByRole('heading', { name: 'No violation up to depth 8 (complete).' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/v4\.18, depth 8: complete; \d+ states/)).toBeInTheDocument();
    expect(screen.getByText(/Every legal sequence of at most 8 events/)).toBeInTheDocument();
    expect(screen.queryByText(/These results are for/)).toBeNull();
    // Another scenario on screen: the results say which one they are for.
    act(() => useScenarioStore.getState().open(bigScenario(), { kind: 'generated' }));
    expect(
      screen.getByText(/These results are for the initial state of “Guest first FP” \(1 CPU;/),
    ).toBeInTheDocument();
  });

  it('lists each violation and opens one as a scenario at its violating step', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Explore every event sequence' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Variant' }), 'v4.18/no-put-flush');
    await user.click(screen.getByRole('button', { name: 'Run the explorer' }));
    await act(ended);
    const table = screen.getByRole('table', { name: /Violations found under v4\.18\/no-put-flush/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toHaveTextContent(/vcpu0's data leaked to qemu\s*qemu\s*8 events/);
    await user.click(
      within(rows[0]).getByRole('button', { name: "Open at step 8: vcpu0's data leaked to qemu" }),
    );
    // The step-through view, at step 8, its banner naming the violation.
    expect(useViewStore.getState().view).toBe('diagram');
    expect(screen.getByText('Found by the explorer (not saved)')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: /vcpu0's data leaked to qemu under v4\.18\/no-put-flush/ }),
    ).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/Violation at step 8/);
    expect(alert).toHaveTextContent(/vcpu0's data leaked to qemu/);
    expect(useScenarioStore.getState().cursor).toBe(8);
    expect(screen.getByRole('combobox', { name: 'Kernel variant' })).toHaveValue('v4.18/no-put-flush');
  });

  it('cancels from the keyboard and says the result is incomplete', async () => {
    resetStores(bigScenario(), 'v4.18/no-put-flush');
    const user = userEvent.setup();
    render(<ExploreView />);
    const depth = screen.getByRole('spinbutton', { name: 'Depth' });
    await user.clear(depth);
    await user.type(depth, '30{Enter}');
    // The Cancel button takes Run's place and the focus.
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Variant' })).toBeDisabled();
    await act(() => until(() => (useExploreStore.getState().progress?.states ?? 0) > 1000));
    expect(screen.getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      expect.stringMatching(/states/),
    );
    await user.keyboard('{Enter}');
    await act(ended);
    expect(screen.getByText(/depth 30: incomplete: cancelled;/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/Search finished\. .*incomplete/);
    expect(screen.getByRole('button', { name: 'Run the explorer' })).toHaveFocus();
  }, 30_000);

  it('follows the scenario’s variant until another is chosen', async () => {
    const user = userEvent.setup();
    render(<ExploreView />);
    // An alias is shown as the era it names.
    act(() => useScenarioStore.getState().setVariant('mainline'));
    expect(screen.getByRole('combobox', { name: 'Variant' })).toHaveValue('v6.16');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Variant' }), 'v4.17');
    act(() => useScenarioStore.getState().setVariant('v4.18'));
    expect(screen.getByRole('combobox', { name: 'Variant' })).toHaveValue('v4.17');
  });
});
