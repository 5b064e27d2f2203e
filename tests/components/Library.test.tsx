import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../src/components/library/Library';
import { printScenario } from '../../src/engine';
import { EXAMPLES } from '../../src/scenarios';
import { useLibraryStore } from '../../src/state/stores/libraryStore';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
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

  it('names a UTF-16 file, invalid UTF-8 and a key given twice, as the CLI does', async () => {
    const user = userEvent.setup();
    render(<Library />);
    const text = printScenario({ ...guestScenario(), title: 'Wide' });
    const upload = (bytes: Uint8Array | string, name: string) =>
      user.upload(screen.getByLabelText(/Import a scenario file/), new File([bytes as BlobPart], name));
    const utf16 = Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    await upload(utf16, 'wide.json');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('wide.json was not imported');
    expect(alert).toHaveTextContent('UTF-16 text (little-endian, with a byte order mark); save it as UTF-8');
    const bytes = new TextEncoder().encode(text);
    await upload(Uint8Array.from([...bytes.subarray(0, 20), 0xff, ...bytes.subarray(20)]), 'latin.json');
    expect(
      await screen.findByText(
        'not UTF-8 text: byte 0xff at offset 20 is not part of a UTF-8 character; save it as UTF-8',
      ),
    ).toBeInTheDocument();
    await upload(text.replace(/"cpus": (\d+),/, '"cpus": $1, "cpus": 2,'), 'dup.json');
    expect(
      await screen.findByText(
        /key "cpus" given twice in one object, at line \d+, column \d+ and first at line/,
      ),
    ).toBeInTheDocument();
    expect(within(screen.getByRole('alert')).getByText('cpus')).toBeInTheDocument();
    expect(st().scenario.title).not.toBe('Wide');
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
