import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Explainer } from '../../src/components/explainer/Explainer';
import { EXAMPLES } from '../../src/scenarios';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { resetStores, twoCpuScenario } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('Explainer', () => {
  beforeEach(() => resetStores());

  it('describes the initial state at step 0', () => {
    render(<Explainer />);
    expect(screen.getByRole('heading', { name: /Step 0: initial state/ })).toBeInTheDocument();
  });

  it('marks a note written for another variant, and explains a surprising picture', async () => {
    const sc = EXAMPLES.find((e) => e.id === 'guest-first-fp')!.scenario;
    resetStores(sc, 'v4.17');
    render(<Explainer />);
    const trap = sc.events.findIndex((e) => e.op === 'guest_fp') + 1;
    act(() => st().setCursor(trap));
    expect(await screen.findByRole('note')).toHaveTextContent('Written for v4.18. The diagram shows v4.17');
    expect(screen.getByRole('heading', { name: 'Why does it look like this?' })).toBeInTheDocument();
    act(() => st().setVariant('v4.18'));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('follows the cursor once it rests', async () => {
    render(<Explainer />);
    act(() => st().setCursor(3));
    act(() => st().setCursor(4));
    expect(screen.getByRole('heading', { name: /Step 0/ })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Step 4: CPU0 guest_enter' })).toBeInTheDocument();
  });

  it('lists the nested kernel calls, the changed fields and the explanation', async () => {
    render(<Explainer />);
    act(() => st().setCursor(5)); // the trapping guest FP access
    expect(await screen.findByRole('heading', { name: 'Step 5: CPU0 guest_fp' })).toBeInTheDocument();
    const calls = document.querySelector('.call-tree')!;
    expect(calls.querySelectorAll('li').length).toBeGreaterThan(1);
    expect(calls.querySelector('.call-tree')).not.toBeNull(); // nested
    const table = screen.getByRole('table');
    const regs = within(table).getByText('cpu0.regs').closest('tr')!;
    expect(regs.querySelectorAll('td')[1].textContent).toMatch(/vcpu0/);
    // Where the diagram draws each field, as the tour's list says it.
    expect(regs.querySelector('td.where')?.textContent).toBe("drawn: CPU0's register tile");
    const tfp = within(table).getByText('cpu0.CPTR_EL2.TFP').closest('tr')!;
    expect(tfp.querySelector('td.where')?.getAttribute('data-drawn')).toBe('false');
    expect(tfp.querySelector('td.where')?.textContent).toBe('not drawn in the diagram');
    expect(document.querySelector('.explanation')?.textContent).toMatch(/traps/);
  });

  it('shows a note as plain text and edits it', async () => {
    resetStores(twoCpuScenario());
    const user = userEvent.setup();
    render(<Explainer />);
    act(() => st().setCursor(1));
    expect(await screen.findByLabelText('Note')).toHaveTextContent('qemu goes to user space.');
    await user.click(screen.getByRole('button', { name: 'Edit note' }));
    const box = screen.getByRole('textbox', { name: /Note for step 1/ });
    await user.clear(box);
    await user.type(box, '<b>bold?</b>');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(st().scenario.events[0].note).toBe('<b>bold?</b>');
    expect(screen.getByLabelText('Note').textContent).toBe('<b>bold?</b>');
    expect(document.querySelector('.note b')).toBeNull();
  });

  it('deletes the step it explains', async () => {
    const user = userEvent.setup();
    render(<Explainer />);
    act(() => st().setCursor(12));
    await user.click(await screen.findByRole('button', { name: 'Delete this event' }));
    expect(st().scenario.events).toHaveLength(11);
    expect(st().cursor).toBe(11);
  });
});
