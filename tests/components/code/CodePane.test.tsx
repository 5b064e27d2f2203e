import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import CodePane from '../../../src/components/code/CodePane';
import { CodeSection, CodeToggle } from '../../../src/components/code/CodeToggle';
import { galleryVariants } from '../../../src/engine';
import { useCodeStore } from '../../../src/state/stores/codeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { isView } from '../../../src/state/stores/views';
import { resetStores } from '../../state/fixtures';

const st = () => useScenarioStore.getState();
const fn = (name: string) => document.querySelector<HTMLElement>(`.code-block[data-function="${name}"]`);

describe('CodePane', () => {
  beforeEach(() => {
    resetStores();
    useCodeStore.setState({ open: false });
  });

  it('says that nothing has run at the initial state', () => {
    render(<CodePane />);
    expect(screen.getByRole('heading', { name: 'Kernel code of step 0' })).toBeInTheDocument();
    expect(screen.getByText(/no kernel function has run yet/)).toBeInTheDocument();
  });

  it('lists __hyp_switch_fpsimd for the trapping guest FP access with its executed statements', () => {
    act(() => st().setCursor(5));
    render(<CodePane />);
    expect(screen.getByRole('heading', { name: 'Kernel code of step 5: CPU0 guest_fp' })).toBeInTheDocument();
    const names = [...document.querySelectorAll('.code-block')].map((b) => b.getAttribute('data-function'));
    expect(names).toEqual(['__hyp_switch_fpsimd', '__fpsimd_save_state', '__fpsimd_restore_state']);
    const hyp = fn('__hyp_switch_fpsimd')!;
    expect(within(hyp).getByText('arch/arm64/kvm/hyp/switch.c')).toBeInTheDocument();
    expect(hyp.querySelector('.code-meta')?.textContent).toMatch(/src\/engine\/eras\/v4_18_hyp\.ts:\d+/);
    const ran = [...hyp.querySelectorAll('.code-line.executed .code-text')].map((c) => c.textContent?.trim());
    expect(ran).toContain("stmt(k, 'save-host');");
    expect(ran).toContain("stmt(k, 'load-guest');");
    expect(ran).not.toContain('set_fp_trap(k, false);');
    expect(hyp.querySelectorAll('.code-line[data-marker] .code-mark')[0].textContent).toBe('ran');
    // No ablation on this path: no re-run controls.
    expect(screen.queryByRole('button', { name: /Re-run without/ })).toBeNull();
  });

  it('re-runs without put-flush and jumps to where it first goes wrong', async () => {
    const user = userEvent.setup();
    act(() => st().setCursor(10)); // vcpu_put
    render(<CodePane />);
    await user.click(screen.getByRole('button', { name: /Re-run without this statement \(put-flush/ }));
    const box = document.querySelector('.code-ablation[data-ablation="put-flush"]')!;
    expect(box.textContent).toMatch(/first goes wrong at step 12: vcpu0's data leaked to qemu on CPU0/);
    await user.click(
      within(box as HTMLElement).getByRole('button', { name: 'Go to step 12 in v4.18/no-put-flush' }),
    );
    expect(st().variantId).toBe('v4.18/no-put-flush');
    expect(st().cursor).toBe(12);
    // Back on the vcpu_put step, the statement is shown as removed, with a way back.
    act(() => st().setCursor(10));
    const removed = document.querySelector('.code-ablation[data-ablation="put-flush"]') as HTMLElement;
    expect(removed.textContent).toMatch(/removed in the variant on screen/);
    await user.click(within(removed).getByRole('button', { name: 'Put it back (v4.18)' }));
    expect(st().variantId).toBe('v4.18');
  });

  it('says when the scenario does not go wrong, with the explorer to look further', async () => {
    const user = userEvent.setup();
    act(() => st().setCursor(6)); // guest_exit: kvm_arch_vcpu_ctxsync_fp()
    render(<CodePane />);
    await user.click(
      screen.getByRole('button', { name: /Re-run without this statement \(ctxsync-clear-foreign/ }),
    );
    const box = document.querySelector(
      '.code-ablation[data-ablation="ctxsync-clear-foreign"]',
    ) as HTMLElement;
    expect(box.textContent).toMatch(/does not go wrong \(all 12 steps replayed\)/);
    const link = within(box).getByRole('link', { name: /Look further in the explorer/ });
    if (isView('explore')) {
      await user.click(link);
      expect(useViewStore.getState().view).toBe('explore');
      expect(st().variantId).toBe('v4.18/no-ctxsync-clear-foreign');
    } else {
      expect(link).toHaveAttribute('aria-disabled', 'true');
      expect(link).not.toHaveAttribute('href');
      expect(link.textContent).toMatch(/not available/);
    }
  });

  it('forgets re-run results when the scenario is edited', async () => {
    const user = userEvent.setup();
    act(() => st().setCursor(10));
    render(<CodePane />);
    await user.click(screen.getByRole('button', { name: /Re-run without this statement \(put-save/ }));
    expect(document.querySelector('[data-ablation="put-save"]')?.textContent).toMatch(/step 11/);
    act(() => st().setNote(9, 'edited'));
    expect(document.querySelector('[data-ablation="put-save"]')?.textContent).not.toMatch(/step 11/);
  });

  it('opens lazily from the toggle', async () => {
    const user = userEvent.setup();
    act(() => st().setCursor(5));
    render(
      <>
        <CodeToggle />
        <CodeSection />
      </>,
    );
    expect(document.querySelector('.code-pane')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show kernel code (reviewer mode)' }));
    expect(await screen.findByRole('heading', { name: /Kernel code of step 5/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hide kernel code' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Hide kernel code' }));
    expect(document.querySelector('.code-pane')).toBeNull();
  });
});

describe('CodePane historic fixes', () => {
  beforeEach(() => {
    resetStores();
    useCodeStore.setState({ open: false });
  });

  it('names the fix beside its fixed() test and says when the code runs as before it', async () => {
    const user = userEvent.setup();
    act(() => st().setCursor(10)); // vcpu_put: kvm_arch_vcpu_put_fp
    render(<CodePane />);
    const put = fn('kvm_arch_vcpu_put_fp')!;
    const notes = put.querySelectorAll('.code-historic[data-historic="b045e4d0f392"]');
    expect(notes.length).toBe(2);
    // Two fixed(k, B045) tests, and the SVE fixes' three (2955bcc8c309 twice, b3eb56b629d1 once).
    expect(put.querySelectorAll('.code-line.historic').length).toBe(5);
    expect(notes[0].textContent).toMatch(/b045e4d0f392 “KVM: arm64: Don't mask softirq/);
    expect(notes[0].textContent).toMatch(/Here it runs as fixed/);
    await user.click(
      within(notes[0] as HTMLElement).getByRole('button', { name: /Run it as before the fix/ }),
    );
    expect(st().variantId).toBe('v4.18/pre-b045e4d0f392');
    const now = document.querySelector('.code-historic[data-historic="b045e4d0f392"]')!;
    expect(now.textContent).toMatch(/\(v4\.18\/pre-b045e4d0f392\) runs this code as it stood before the fix/);
    await user.click(within(now as HTMLElement).getByRole('button', { name: 'Run it as fixed (v4.18)' }));
    expect(st().variantId).toBe('v4.18');
  });
});

describe('CodePane kernel side', () => {
  beforeEach(() => {
    resetStores();
    useCodeStore.setState({ open: false });
  });

  it('shows beside engine lines the kernel statement they model, once', () => {
    act(() => st().setCursor(10)); // vcpu_put: kvm_arch_vcpu_put_fp
    render(<CodePane />);
    const put = fn('kvm_arch_vcpu_put_fp')!;
    const side = [...put.querySelectorAll('.code-kernel')].map((e) => e.textContent);
    expect(side).toContain('kernel: fpsimd_save()');
    expect(side).toContain('kernel: kvm_arch_vcpu_put_fp() begins');
    // A line whose comment already names the kernel statement does not repeat it.
    const irq = [...put.querySelectorAll('.code-line')].find((l) =>
      l.textContent?.includes('// local_irq_save()'),
    )!;
    expect(irq.querySelector('.code-kernel')).toBeNull();
    // The kernel source links stay.
    expect(put.querySelector('a.kernel-link')?.getAttribute('href')).toMatch(/elixir/);
  });

  it('links a historic variant’s kernel files as they were before its fix (the fix’s parent)', () => {
    const v = galleryVariants().find((x) => x.era.id === 'v4.18')!;
    resetStores(undefined, v.id);
    act(() => st().setCursor(5));
    render(<CodePane />);
    const hyp = fn('__hyp_switch_fpsimd')!;
    const commit = v.historic!.commit;
    const link = hyp.querySelector('a.kernel-link')!;
    expect(link.getAttribute('href')).toBe(
      `https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/arch/arm64/kvm/hyp/switch.c?id=${commit}%5E`,
    );
    expect(link).toHaveTextContent(`before ${commit} (at ${commit}^)`);
  });
});
