import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/App';
import { EXAMPLES } from '../../src/scenarios';
import { useDisplayStore } from '../../src/state/stores/displayStore';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { useViewStore } from '../../src/state/stores/viewStore';
import { resetStores } from '../state/fixtures';

const st = () => useScenarioStore.getState();
const key = (k: string, target: Element = document.body) =>
  act(() => void fireEvent.keyDown(target, { key: k }));

describe('presenter mode', () => {
  beforeEach(() => {
    resetStores(EXAMPLES.find((e) => e.id === 'guest-first-fp')!.scenario);
    useDisplayStore.setState({ presenting: false });
  });

  it('opens with p over the step view, steps with the arrows and leaves with Escape', async () => {
    render(<App />);
    act(() => st().setCursor(2));
    key('p');
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 }); // loaded on first use
    expect(dialog.querySelector('.presenter-note')?.textContent).toBe(st().scenario.events[1].note);
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    key('ArrowRight');
    expect(st().cursor).toBe(3);
    expect(dialog.querySelector('.presenter-note')?.textContent).toBe(st().scenario.events[2].note);
    key('ArrowLeft');
    expect(st().cursor).toBe(2);
    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useViewStore.getState().view).toBe('diagram');
  });

  it('ignores p typed into a text field', () => {
    render(<App />);
    const input = document.createElement('input');
    document.body.append(input);
    key('p', input);
    expect(screen.queryByRole('dialog')).toBeNull();
    input.remove();
  });
});
