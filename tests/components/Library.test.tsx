import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../src/components/library/Library';
import { printScenario } from '../../src/engine';
import { EXAMPLES } from '../../src/scenarios';
import { useLibraryStore } from '../../src/state/libraryStore';
import { useScenarioStore } from '../../src/state/scenarioStore';
import { guestScenario, memoryStorage, resetStores } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('Library', () => {
  beforeEach(() => {
    resetStores();
    useLibraryStore.getState().load(memoryStorage());
  });

  it('lists every example and opens one', async () => {
    const user = userEvent.setup();
    render(<Library />);
    for (const ex of EXAMPLES)
      expect(screen.getByRole('button', { name: ex.scenario.title })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: EXAMPLES[0].scenario.title }));
    expect(st().origin).toEqual({ kind: 'example', id: EXAMPLES[0].id });
  });

  it('imports a valid file into My scenarios and opens it', async () => {
    const user = userEvent.setup();
    render(<Library />);
    const sc = { ...guestScenario(), title: 'Imported one' };
    const file = new File([printScenario(sc)], 'one.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText(/Import a scenario file/), file);
    expect(await screen.findByText(/Imported “Imported one” into My scenarios/)).toBeInTheDocument();
    expect(st().scenario.title).toBe('Imported one');
    expect(st().origin.kind).toBe('user');
    const mine = screen.getByRole('list', { name: 'My scenarios' });
    expect(within(mine).getByRole('button', { name: 'Imported one' })).toBeInTheDocument();
  });

  it('says so instead of adding a file identical to a saved scenario, and opens the saved one', async () => {
    const user = userEvent.setup();
    render(<Library />);
    const sc = { ...guestScenario(), title: 'Imported one' };
    const text = printScenario(sc);
    await user.upload(screen.getByLabelText(/Import a scenario file/), new File([text], 'one.json'));
    await screen.findByText(/Imported “Imported one” into My scenarios/);
    const [saved] = useLibraryStore.getState().items;
    act(() => st().open(guestScenario(), { kind: 'generated' }));
    await user.upload(screen.getByLabelText(/Import a scenario file/), new File([text], 'again.json'));
    expect(
      await screen.findByText(
        'again.json is identical to “Imported one” in My scenarios: not added again; opened it.',
      ),
    ).toBeInTheDocument();
    expect(useLibraryStore.getState().items).toHaveLength(1);
    expect(st().origin).toEqual({ kind: 'user', id: saved.id });
    // A file that differs, if only in its title, is added.
    const other = printScenario({ ...sc, title: 'Imported two' });
    await user.upload(screen.getByLabelText(/Import a scenario file/), new File([other], 'two.json'));
    await screen.findByText(/Imported “Imported two” into My scenarios/);
    expect(useLibraryStore.getState().items).toHaveLength(2);
  });

  it('shows the errors of a bad file in place, naming where, and keeps the scenario on screen', async () => {
    const user = userEvent.setup();
    render(<Library />);
    const before = st().scenario;
    const bad = JSON.stringify({ ...guestScenario(), events: [{ cpu: 0, op: 'fly' }] });
    await user.upload(screen.getByLabelText(/Import a scenario file/), new File([bad], 'bad.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('bad.json was not imported');
    expect(within(alert).getByText('events[0].op')).toBeInTheDocument();
    expect(st().scenario).toBe(before);

    await user.upload(screen.getByLabelText(/Import a scenario file/), new File(['{"format": '], 'cut.json'));
    expect(await screen.findByText(/truncated/)).toBeInTheDocument();
  });

  it('generates a random scenario of the chosen size', async () => {
    const user = userEvent.setup();
    render(<Library />);
    const cpus = screen.getByRole('spinbutton', { name: /CPUs/ });
    await user.clear(cpus);
    await user.type(cpus, '3');
    await user.click(screen.getByRole('button', { name: 'New random scenario' }));
    expect(st().scenario.cpus).toBe(3);
    expect(st().replay.illegal).toBeNull();
  });
});
