import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/App';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { useViewStore } from '../../src/state/stores/viewStore';
import { memoryStorage, resetStores } from '../state/fixtures';
import { useLibraryStore } from '../../src/state/stores/libraryStore';

describe('App', () => {
  beforeEach(() => {
    resetStores();
    useLibraryStore.getState().load(memoryStorage());
  });

  it('shows the header, the timeline, the diagram, the explainer and the palette', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'fpsimd-viz' })).toBeInTheDocument();
    expect(screen.getByRole('listbox', { name: /Events/ })).toBeInTheDocument();
    expect(document.querySelector('svg[data-export="main"]')).not.toBeNull();
    expect(screen.getByRole('heading', { name: /Step 0/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Add an event' })).toBeInTheDocument();
  });

  it('opens and closes the scenario library', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Scenarios…' }));
    expect(screen.getByRole('heading', { name: 'Scenarios' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close scenarios' }));
    expect(screen.queryByRole('heading', { name: 'Scenarios' })).toBeNull();
  });

  it('undoes with Ctrl+Z and steps with arrows when nothing is focused', async () => {
    const user = userEvent.setup();
    render(<App />);
    act(() => useScenarioStore.getState().applyEvent({ cpu: 0, op: 'ret_to_user' }));
    document.body.focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(useScenarioStore.getState().scenario.events).toHaveLength(12);
    await user.keyboard('{ArrowRight}');
    expect(useScenarioStore.getState().cursor).toBe(1);
  });

  it('hides the chrome in the embed view', () => {
    useViewStore.setState({ embed: true });
    render(<App />);
    expect(screen.queryByRole('heading', { level: 1, name: 'fpsimd-viz' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Add an event' })).toBeNull();
    expect(document.querySelector('svg[data-export="main"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Step forward' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open in fpsimd-viz' }).getAttribute('href')).toMatch(/#v3&/);
  });
});

describe('App: focus and announcements', () => {
  beforeEach(() => {
    resetStores();
    useLibraryStore.getState().load(memoryStorage());
  });

  it('moves focus to the new view’s heading when an action changes view', async () => {
    render(<App />);
    act(() => useViewStore.getState().setView('explore'));
    const explore = await screen.findByRole('heading', { name: 'Explore every event sequence' });
    await waitFor(() => expect(document.activeElement).toBe(explore));
    act(() => useViewStore.getState().setView('diagram'));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { name: useScenarioStore.getState().scenario.title }),
      ),
    );
  });

  it('gives the gallery its own header, not the scenario on screen', async () => {
    render(<App />);
    const title = useScenarioStore.getState().scenario.title;
    expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
    act(() => useViewStore.getState().setView('gallery'));
    await screen.findByRole('heading', { name: 'Bug gallery: real kernel fixes, undone' });
    expect(screen.queryByRole('heading', { name: title })).toBeNull();
  });

  it('announces what the step did once the cursor rests', async () => {
    render(<App />);
    act(() => useScenarioStore.getState().setCursor(1));
    const live = screen.getByTestId('step-announcement');
    expect(live).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(live).toHaveTextContent(/^Step 1 of \d+: \w+ on CPU\d; .+/));
  });
});
