import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ScenarioJson } from '../../../src/components/editor/ScenarioJson';
import ScenarioJsonEditor from '../../../src/components/editor/ScenarioJsonEditor';
import { printScenario } from '../../../src/engine';
import { useScenarioStore } from '../../../src/state/scenarioStore';
import { resetStores } from '../../state/fixtures';

const st = () => useScenarioStore.getState();
const area = () => screen.getByLabelText('Scenario file text') as HTMLTextAreaElement;
const type = (text: string) => fireEvent.change(area(), { target: { value: text } });

describe('ScenarioJson', () => {
  beforeEach(() => resetStores());

  it('shows the scenario’s file text with nothing to apply', () => {
    render(<ScenarioJsonEditor />);
    expect(area().value).toBe(printScenario(st().scenario));
    expect(screen.getByRole('status').textContent).toBe('No changes.');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('checks the text as it is typed with the import’s located messages, and keeps it', () => {
    render(<ScenarioJsonEditor />);
    const before = st().scenario;
    type(area().value.replace('"cpus": 1', '"cpus": 1,'));
    expect(screen.getByRole('status').textContent).toMatch(/^line \d+, column \d+: not valid JSON/);
    expect(area()).toHaveAttribute('aria-invalid', 'true');
    type(printScenario(before).replace('"vcpu_load"', '"vcpu_lod"'));
    expect(screen.getByRole('status').textContent).toMatch(/events\[\d+\]\.op/);
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(st().scenario).toBe(before);
  });

  it('applies valid text as one undoable edit', async () => {
    const user = userEvent.setup();
    render(<ScenarioJsonEditor />);
    const before = st().scenario;
    type(printScenario(before).replace(`"title": ${JSON.stringify(before.title)}`, '"title": "Renamed"'));
    expect(screen.getByRole('status').textContent).toMatch(/^Valid/);
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(st().scenario.title).toBe('Renamed');
    expect(area().value).toBe(printScenario(st().scenario));
    act(() => st().undo());
    expect(st().scenario.title).toBe(before.title);
  });

  it('loads the editor when the pane is first opened, and keeps a draft when it is closed', async () => {
    const { container } = render(<ScenarioJson />);
    const details = container.querySelector('details')!;
    expect(screen.queryByLabelText('Scenario file text')).toBeNull();
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByLabelText('Scenario file text')).toHaveValue(printScenario(st().scenario));
    type('{}');
    details.open = false;
    fireEvent(details, new Event('toggle'));
    expect(area().value).toBe('{}');
  });
});
