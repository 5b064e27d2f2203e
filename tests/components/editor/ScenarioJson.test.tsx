import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioJson } from '../../../src/components/editor/ScenarioJson';
import ScenarioJsonEditor from '../../../src/components/editor/ScenarioJsonEditor';
import { printScenario } from '../../../src/engine';
import { useScenarioStore } from '../../../src/state/scenarioStore';
import { resetStores } from '../../state/fixtures';

const st = () => useScenarioStore.getState();
const area = () => screen.getByLabelText('Scenario file text') as HTMLTextAreaElement;
const type = (text: string) => fireEvent.change(area(), { target: { value: text } });
const status = () => screen.getByRole('status').textContent ?? '';
/** The text is checked once typing pauses, off the page's thread in the app (here, on it). */
const checked = (re: RegExp) => waitFor(() => expect(status()).toMatch(re));

describe('ScenarioJson', () => {
  beforeEach(() => resetStores());

  it('shows the scenario’s file text with nothing to apply', () => {
    render(<ScenarioJsonEditor />);
    expect(area().value).toBe(printScenario(st().scenario));
    expect(screen.getByRole('status').textContent).toBe('No changes.');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('checks the text as it is typed with the import’s located messages, and keeps it', async () => {
    render(<ScenarioJsonEditor />);
    const before = st().scenario;
    type(area().value.replace('"cpus": 1', '"cpus": 1,'));
    expect(status()).toBe('Checking…');
    await checked(/^line \d+, column \d+: not valid JSON/);
    expect(area()).toHaveAttribute('aria-invalid', 'true');
    type(printScenario(before).replace('"vcpu_load"', '"vcpu_lod"'));
    await checked(/events\[\d+\]\.op/);
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(st().scenario).toBe(before);
  });

  it('applies valid text as one undoable edit', async () => {
    const user = userEvent.setup();
    render(<ScenarioJsonEditor />);
    const before = st().scenario;
    type(printScenario(before).replace(`"title": ${JSON.stringify(before.title)}`, '"title": "Renamed"'));
    await checked(/^Valid/);
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

  describe('on text too large to check on every key', () => {
    afterEach(() => vi.useRealTimers());

    it('checks a burst of keys once, when typing pauses', async () => {
      vi.useFakeTimers();
      render(<ScenarioJsonEditor />);
      const text = area().value;
      const parse = vi.spyOn(JSON, 'parse');
      for (let i = 1; i <= 20; i++) type(text.replace('"cpus": 1', `"cpus": 1${' '.repeat(i)}`));
      expect(status()).toBe('Checking…');
      expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
      expect(parse).not.toHaveBeenCalled();
      await act(async () => vi.advanceTimersByTimeAsync(300));
      expect(status()).toMatch(/^Valid/);
      expect(parse).toHaveBeenCalledTimes(1);
      parse.mockRestore();
    });

    it('refuses text over the size limit by its length, without parsing it', () => {
      vi.useFakeTimers();
      render(<ScenarioJsonEditor />);
      const parse = vi.spyOn(JSON, 'parse');
      type(`${area().value}${' '.repeat(5_000_001)}`);
      act(() => vi.advanceTimersByTime(300));
      expect(status()).toMatch(/scenarios are limited to 5 MB/);
      expect(parse).not.toHaveBeenCalled();
      parse.mockRestore();
    });
  });
});
