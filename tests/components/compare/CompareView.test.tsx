import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CompareView } from '../../../src/components/compare/CompareView';
import { Library } from '../../../src/components/library/Library';
import { ERAS, VARIANTS } from '../../../src/engine';
import { EXAMPLES } from '../../../src/scenarios';
import { ALL_ERAS, DEFAULT_COMPARE, useCompareStore } from '../../../src/state/stores/compareStore';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { memoryStorage, resetStores } from '../../state/fixtures';

const example = (id: string) => EXAMPLES.find((e) => e.id === id)!.scenario;
const st = () => useScenarioStore.getState();

/** The table's cells of one variant's row, by counter. */
function row(variant: string): Record<string, string> {
  const tr = document.querySelector(`.cmp-table tr[data-variant="${variant}"]`)!;
  return Object.fromEntries(
    [...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-counter'), td.textContent]),
  );
}

describe('CompareView', () => {
  beforeEach(() => {
    resetStores(example('exit-storm'));
    useCompareStore.setState({ variants: [...DEFAULT_COMPARE] });
  });

  it('sums the exit storm per era in the table, with per-exit figures', () => {
    render(<CompareView />);
    expect(row('v4.17')).toMatchObject({
      hostSaves: '20',
      hostRestores: '21',
      guestSaves: '20',
      guestRestores: '20',
      fpTraps: '20',
      irqsOffSaveRestores: '80',
      savesRestores: '81',
      perExit: '4.05',
      irqsOffPerExit: '4.00',
      violations: 'none',
    });
    for (const v of ['v4.18', 'v6.16'])
      expect(row(v)).toMatchObject({
        hostSaves: '1',
        hostRestores: '2',
        guestSaves: '1',
        guestRestores: '1',
        fpTraps: '1',
        irqsOffSaveRestores: '3',
        perExit: '0.25',
        irqsOffPerExit: '0.15',
      });
    expect(screen.getByTestId('per-exit-summary')).toHaveTextContent(
      'Per guest exit (20 exits): v4.17 4.05 saves and restores, 4.00 with IRQs off; v4.18 0.25',
    );
  });

  it('draws a chart per counter with a labelled line per variant and the cursor', () => {
    const { container } = render(<CompareView />);
    const charts = container.querySelectorAll('.cmp-chart');
    expect(charts).toHaveLength(6);
    for (const c of charts) {
      const lines = c.querySelectorAll('.cmp-series .cmp-line');
      expect(lines).toHaveLength(3);
      for (const l of lines) expect(l.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+[LHV]/);
      // Told apart without colour: dash patterns differ, and each line is named.
      expect(new Set([...lines].map((l) => l.getAttribute('stroke-dasharray'))).size).toBe(3);
      expect([...c.querySelectorAll('.cmp-end-label')].map((t) => t.textContent)).toEqual(DEFAULT_COMPARE);
    }
    const irqs = container.querySelector('.cmp-chart[data-counter="irqsOffSaveRestores"] svg')!;
    expect(irqs.getAttribute('aria-label')).toMatch(
      /^Saves\/restores with IRQs off, cumulative per step\. After step 0: v4\.17/,
    );
    const before = irqs.querySelector('.cmp-cursor line')!.getAttribute('x1');
    act(() => st().setCursor(20));
    expect(irqs.querySelector('.cmp-cursor line')!.getAttribute('x1')).not.toBe(before);
    expect(irqs.getAttribute('aria-label')).toContain('After step 20');
  });

  it('moves every diagram with the one cursor and marks where register owners differ', async () => {
    const user = userEvent.setup();
    const { container } = render(<CompareView />);
    const steps = () =>
      [...container.querySelectorAll('.fv-diagram')].map((d) => d.getAttribute('data-step'));
    expect(steps()).toEqual(['0', '0', '0']);
    screen.getByRole('listbox', { name: /Events/ }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{End}');
    expect(st().cursor).toBe(66);
    expect(steps()).toEqual(['66', '66', '66']);
    // Step through the first exit: v4.17 has restored the host's state, v4.18 and v6.16 keep the guest's.
    const firstExit = example('exit-storm').events.findIndex((e) => e.op === 'guest_exit') + 1;
    act(() => st().setCursor(firstExit));
    const owners = screen.getByRole('table', { name: /Whose FP data/ });
    expect(within(owners).getByRole('rowheader')).toHaveTextContent('CPU0 ⚑ differs');
    expect([...owners.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'qemu',
      'vcpu0',
      'vcpu0',
    ]);
    expect(container.querySelector('[data-differs="true"]')).not.toBeNull();
    expect(Number(container.querySelector('.cmp-diff-ticks')!.getAttribute('data-count'))).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: /^Next difference \(step \d+\)/ }));
    expect(st().cursor).toBeGreaterThan(firstExit);
  });

  it('shows where a variant breaks the scenario, and jumps there', async () => {
    const user = userEvent.setup();
    resetStores(example('ablation-no-put-save'));
    useCompareStore.setState({ variants: ['v4.18', 'v4.18/no-put-save'] });
    const { container } = render(<CompareView />);
    const broken = container.querySelector('.cmp-column[data-variant="v4.18/no-put-save"]')!;
    const clean = container.querySelector('.cmp-column[data-variant="v4.18"]')!;
    expect(clean).toHaveTextContent('No violation in this scenario');
    expect(broken).toHaveTextContent(/⚠ 1 violation/);
    expect(container.querySelectorAll('.cmp-violation-mark')).toHaveLength(1);
    expect(row('v4.18/no-put-save').violations).toMatch(/^1 \(/);
    await user.click(
      screen.getByRole('button', { name: /^Next violation \(step \d+, v4\.18\/no-put-save\)/ }),
    );
    const step = Number(container.querySelector('.cmp-violation-mark')!.getAttribute('data-step'));
    expect(st().cursor).toBe(step);
    expect(within(broken as HTMLElement).getByRole('status')).toHaveTextContent('At this step');
    expect(broken.querySelector('.fv-cpu[data-violation], .fv-context[data-violation]')).not.toBeNull();
  });

  it('changes, adds and removes compared variants from labelled selectors', async () => {
    const user = userEvent.setup();
    const { container } = render(<CompareView />);
    const slotC = screen.getByRole('combobox', { name: 'Variant C' });
    await user.selectOptions(slotC, 'v4.18/no-put-flush');
    expect(useCompareStore.getState().variants).toEqual(['v4.17', 'v4.18', 'v4.18/no-put-flush']);
    expect(slotC).toHaveAccessibleDescription(/^v4\.18 without one statement: /);
    expect(container.querySelector('.cmp-column[data-variant="v4.18/no-put-flush"]')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove v4.17 from the comparison' }));
    expect(container.querySelectorAll('.cmp-column')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add a variant' }));
    expect(container.querySelectorAll('.cmp-column')).toHaveLength(3);
    // Every era at once, v6.13 included.
    await user.click(screen.getByRole('button', { name: `Compare the eras (${ALL_ERAS.join(', ')})` }));
    expect(useCompareStore.getState().variants).toEqual([...ALL_ERAS]);
    expect(container.querySelectorAll('.cmp-column')).toHaveLength(ERAS.length);
    expect(container.querySelector('.cmp-column[data-variant="v6.13"]')).not.toBeNull();
  });
});

describe('Compare eras in the library', () => {
  beforeEach(() => {
    resetStores();
    useLibraryStore.getState().load(memoryStorage());
    useCompareStore.setState({ variants: ['v4.18', 'v6.15'] });
  });

  it('opens the exit storm in the compare view with every era', async () => {
    const user = userEvent.setup();
    useViewStore.setState({ libraryOpen: true });
    render(<Library />);
    await user.click(screen.getByRole('button', { name: /^Compare eras: Guest exit storm/ }));
    expect(st().scenario.title).toBe('Guest exit storm');
    expect(st().origin).toEqual({ kind: 'example', id: 'exit-storm' });
    expect(useCompareStore.getState().variants).toEqual([...ALL_ERAS]);
    expect(useViewStore.getState().view).toBe('compare');
    expect(useViewStore.getState().libraryOpen).toBe(false);
    // One per v4.18 ablation, from the engine's own list.
    const v418Ablations = VARIANTS.filter((v) => v.era.id === 'v4.18' && v.ablation !== null).length;
    expect(screen.getAllByRole('button', { name: /^Compare with v4\.18/ }).length).toBe(v418Ablations);
  });
});
