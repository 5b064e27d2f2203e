import { diagnosticCount, forEachDiagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioJson } from '../../../src/components/editor/ScenarioJson';
import ScenarioJsonEditor from '../../../src/components/editor/ScenarioJsonEditor';
import { byteCount } from '../../../src/components/editor/jsonEditorView';
import { printScenario, utf8Bytes } from '../../../src/engine';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { resetStores } from '../../state/fixtures';

const st = () => useScenarioStore.getState();
/** The editable text (CodeMirror's content element, labelled "Scenario file text"). */
const area = () => screen.getByLabelText('Scenario file text');
const view = (): EditorView => EditorView.findFromDOM(area().closest('.cm-editor') as HTMLElement)!;
const text = () => view().state.doc.toString();
/** Replaces the whole text as one edit, as a select-all and paste would. */
const type = (t: string) =>
  act(() => {
    const v = view();
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t }, userEvent: 'input.paste' });
  });
const status = () => screen.getByRole('status').textContent ?? '';
/** The text is checked once typing pauses, off the page's thread in the app (here, on it). */
const checked = (re: RegExp) => waitFor(() => expect(status()).toMatch(re));

describe('ScenarioJson', () => {
  beforeEach(() => resetStores());

  it('shows the scenario’s file text with nothing to apply', () => {
    render(<ScenarioJsonEditor />);
    expect(text()).toBe(printScenario(st().scenario));
    expect(area()).toHaveAttribute('role', 'textbox');
    expect(area()).toHaveAccessibleDescription(/Tab and Shift\+Tab leave the text.*No changes\./);
    expect(screen.getByRole('status').textContent).toBe('No changes.');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('checks the text as it is typed with the import’s located messages, marks them, and keeps it', async () => {
    render(<ScenarioJsonEditor />);
    const before = st().scenario;
    type(text().replace('"cpus": 1', '"cpus": 1,'));
    expect(status()).toBe('Checking…');
    await checked(/^line \d+, column \d+: not valid JSON/);
    expect(area()).toHaveAttribute('aria-invalid', 'true');
    expect(diagnosticCount(view().state)).toBe(1);

    const bad = printScenario(before).replace('"vcpu_load"', '"vcpu_lod"');
    type(bad);
    // A schema error is named by its path and placed at its value's line and column.
    const line = bad.slice(0, bad.indexOf('{"cpu":0,"op":"vcpu_lod"')).split('\n').length;
    await checked(new RegExp(`^events\\[\\d+\\]\\.op \\(line ${line}, column \\d+\\): `));
    const marked: number[] = [];
    forEachDiagnostic(view().state, (d) => marked.push(view().state.doc.lineAt(d.from).number));
    expect(marked[0]).toBe(line);
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(st().scenario).toBe(before);
    expect(text()).toBe(bad);
  });

  it('applies valid text as one undoable edit', async () => {
    const user = userEvent.setup();
    render(<ScenarioJsonEditor />);
    const before = st().scenario;
    type(printScenario(before).replace(`"title": ${JSON.stringify(before.title)}`, '"title": "Renamed"'));
    await checked(/^Valid/);
    expect(area()).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(st().scenario.title).toBe('Renamed');
    expect(text()).toBe(printScenario(st().scenario));
    expect(status()).toBe('No changes.');
    act(() => st().undo());
    expect(st().scenario.title).toBe(before.title);
    // With no draft the text follows the scenario.
    expect(text()).toBe(printScenario(before));
  });

  it('keeps a draft when the scenario changes elsewhere, until it is reset', async () => {
    const user = userEvent.setup();
    render(<ScenarioJsonEditor />);
    type('{"draft": true}');
    act(() => st().edit({ ...st().scenario, title: 'Elsewhere' }));
    expect(text()).toBe('{"draft": true}');
    await user.click(screen.getByRole('button', { name: 'Reset to the scenario' }));
    expect(text()).toBe(printScenario(st().scenario));
    expect(text()).toContain('"title": "Elsewhere"');
  });

  it('counts a draft that became the scenario’s new text as no changes', async () => {
    render(<ScenarioJsonEditor />);
    type('{"draft": true}');
    const next = { ...st().scenario, title: 'Elsewhere' };
    act(() => st().edit(next));
    type(printScenario(next));
    await checked(/^No changes\.$/);
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('loads the editor when the pane is first opened, and keeps a draft when it is closed', async () => {
    const { container } = render(<ScenarioJson />);
    const details = container.querySelector('details')!;
    expect(screen.queryByLabelText('Scenario file text')).toBeNull();
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await screen.findByLabelText('Scenario file text');
    expect(text()).toBe(printScenario(st().scenario));
    type('{}');
    details.open = false;
    fireEvent(details, new Event('toggle'));
    expect(text()).toBe('{}');
  });

  it('keeps the text’s size in UTF-8 bytes up to date through every kind of change', () => {
    render(<ScenarioJsonEditor />);
    const edits: [number, number, string][] = [
      [0, 0, 'é€😀\n'],
      [2, 3, ''],
      [5, 40, 'ü\n\nß'],
      [1, 4, '😀😀'],
    ];
    for (const [from, to, insert] of edits) {
      act(() => view().dispatch({ changes: { from, to, insert } }));
      expect(byteCount(view().state)).toBe(utf8Bytes(text()));
    }
    act(() => view().dispatch({ changes: { from: 0, to: view().state.doc.length, insert: 'ab' } }));
    expect(byteCount(view().state)).toBe(2);
  });

  describe('on text too large to check on every key', () => {
    afterEach(() => vi.useRealTimers());

    it('checks a burst of keys once, when typing pauses', async () => {
      vi.useFakeTimers();
      render(<ScenarioJsonEditor />);
      const at = text().indexOf('"cpus": 1') + '"cpus": 1'.length;
      const parse = vi.spyOn(JSON, 'parse');
      for (let i = 0; i < 20; i++)
        act(() => view().dispatch({ changes: { from: at, insert: ' ' }, userEvent: 'input.type' }));
      expect(status()).toBe('Checking…');
      expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
      expect(parse).not.toHaveBeenCalled();
      await act(async () => vi.advanceTimersByTimeAsync(300));
      expect(status()).toMatch(/^Valid/);
      expect(parse).toHaveBeenCalledTimes(1);
      parse.mockRestore();
    });

    it('refuses a paste that would go over the size limit, keeping the text as it was', () => {
      vi.useFakeTimers();
      render(<ScenarioJsonEditor />);
      type('{"mine": 1}');
      act(() => vi.advanceTimersByTime(300));
      const parse = vi.spyOn(JSON, 'parse');
      act(() =>
        view().dispatch({ changes: { from: 5, insert: ' '.repeat(10_000_000) }, userEvent: 'input.paste' }),
      );
      act(() => vi.advanceTimersByTime(300));
      expect(text()).toBe('{"mine": 1}');
      expect(status()).toMatch(
        /^Not inserted: the text would be 10\.0 MB; scenarios are limited to 5 MB\. Your text is unchanged\./,
      );
      // Counted in UTF-8 bytes, as the reader counts them: 1.8 M characters of 3 bytes each are too many.
      act(() => view().dispatch({ changes: { from: 5, insert: '€'.repeat(1_800_000) } }));
      expect(text()).toBe('{"mine": 1}');
      expect(status()).toMatch(/^Not inserted: the text would be 5\.4 MB/);
      expect(parse).not.toHaveBeenCalled();
      parse.mockRestore();
      // The next key clears the refusal and is checked as usual.
      type('{"mine": 2}');
      expect(status()).toBe('Checking…');
    });
  });
});
