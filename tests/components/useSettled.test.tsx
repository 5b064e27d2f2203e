// The detail panels' cursor: it follows a moving cursor once it rests, without rendering the panel on
// every move, and shows an edit or a variant change (a new replay) at once.
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DETAIL_DELAY_MS, useSettledCursor } from '../../src/components/useSettled';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { resetStores } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('useSettledCursor', () => {
  beforeEach(() => {
    resetStores();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  function Probe({ log }: { log: { cursor: number; replay: unknown }[] }) {
    const s = useSettledCursor();
    log.push(s);
    return null;
  }

  it('renders once when the cursor rests, not on every move', () => {
    const log: { cursor: number; replay: unknown }[] = [];
    render(<Probe log={log} />);
    const renders = log.length;
    for (const n of [1, 2, 3, 4, 5]) {
      act(() => st().setCursor(n));
      act(() => vi.advanceTimersByTime(DETAIL_DELAY_MS / 2));
    }
    expect(log.length).toBe(renders);
    act(() => vi.advanceTimersByTime(DETAIL_DELAY_MS));
    expect(log.length).toBe(renders + 1);
    expect(log.at(-1)!.cursor).toBe(5);
  });

  it('drops a move that comes back before it settles', () => {
    const log: { cursor: number; replay: unknown }[] = [];
    render(<Probe log={log} />);
    const renders = log.length;
    act(() => st().setCursor(3));
    act(() => st().setCursor(0));
    act(() => vi.advanceTimersByTime(3 * DETAIL_DELAY_MS));
    expect(log.length).toBe(renders);
  });

  it('moves every panel together, on one timer, and a panel mounted meanwhile starts where they are', () => {
    const a: { cursor: number; replay: unknown }[] = [];
    const b: { cursor: number; replay: unknown }[] = [];
    render(
      <>
        <Probe log={a} />
        <Probe log={b} />
      </>,
    );
    act(() => st().setCursor(4));
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(DETAIL_DELAY_MS));
    expect([a.at(-1)!.cursor, b.at(-1)!.cursor]).toEqual([4, 4]);
    act(() => st().setCursor(6));
    const c: { cursor: number; replay: unknown }[] = [];
    render(<Probe log={c} />);
    expect(c.at(-1)!.cursor).toBe(4);
    act(() => vi.advanceTimersByTime(DETAIL_DELAY_MS));
    expect([a.at(-1)!.cursor, b.at(-1)!.cursor, c.at(-1)!.cursor]).toEqual([6, 6, 6]);
  });

  it('shows a new replay (another variant) in the same render, with its cursor', () => {
    const log: { cursor: number; replay: unknown }[] = [];
    render(<Probe log={log} />);
    act(() => st().setCursor(2));
    const other = st().variantId === 'v4.17' ? 'v4.18' : 'v4.17';
    act(() => st().setVariant(other));
    expect(log.at(-1)!.replay).toBe(st().replay);
    expect(log.at(-1)!.cursor).toBe(st().cursor);
  });
});
