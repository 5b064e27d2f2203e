// The event list's off-screen rows: a jump draws only the rows in view, and the rows around them
// (for smooth wheel scrolling) once the cursor rests; the rows a user sees are the same either way.
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventList } from '../../../src/components/timeline/EventList';
import { DETAIL_DELAY_MS } from '../../../src/components/useSettled';
import { randomScenario } from '../../../src/state/scenario/randomScenario';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { resetStores } from '../../state/fixtures';

const ids = (): string[] => screen.getAllByRole('option').map((o) => o.id);

describe('EventList overscan', () => {
  beforeEach(() => {
    resetStores(randomScenario({ cpus: 2, events: 1000, seed: 5 }));
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('draws the rows in view at a jump and the rows around them once the cursor rests', () => {
    render(<EventList height={300} />);
    act(() => useScenarioStore.getState().setCursor(600));
    // 300 px of 30 px rows, the cursor's row at the bottom: rows 591 to 600 in view (and one partly).
    const jumped = ids();
    expect(jumped).toContain('event-row-600');
    expect(jumped).toContain('event-row-591');
    expect(jumped).not.toContain('event-row-589');
    act(() => vi.advanceTimersByTime(DETAIL_DELAY_MS + 1));
    const rested = ids();
    expect(rested).toEqual(expect.arrayContaining([...jumped, 'event-row-588', 'event-row-603']));
    // Still in reading order, and the cursor's row still selected.
    expect(rested.map((id) => Number(id.slice('event-row-'.length)))).toEqual(
      [...rested].map((id) => Number(id.slice('event-row-'.length))).sort((a, b) => a - b),
    );
    expect(screen.getByRole('option', { selected: true })).toHaveAttribute('id', 'event-row-600');
  });

  it('keeps the rows around the view while stepping within it', () => {
    render(<EventList height={300} />);
    const before = ids().length;
    act(() => useScenarioStore.getState().setCursor(3));
    expect(ids().length).toBe(before);
  });
});
