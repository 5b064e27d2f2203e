import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ScenarioHeader } from '../../src/components/header/ScenarioHeader';
import { VariantSelect } from '../../src/components/header/VariantSelect';
import { Notices } from '../../src/components/Notices';
import { ShareControls } from '../../src/components/share/ShareControls';
import { fixedBaseVariants, VARIANTS } from '../../src/engine';
import { useLibraryStore } from '../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../src/state/stores/scenarioStore';
import { decodeShare } from '../../src/state/links/share';
import { guestScenario, memoryStorage, resetStores } from '../state/fixtures';

const st = () => useScenarioStore.getState();

describe('VariantSelect', () => {
  beforeEach(() => resetStores());

  it('lists every engine variant and shows the chosen one’s description', async () => {
    const user = userEvent.setup();
    render(<VariantSelect />);
    const select = screen.getByRole('combobox', { name: 'Kernel variant' });
    // Every variant, then the gallery's fixed bases (their own group: tests/components/fixedBaseChoices.test.tsx).
    expect([...select.querySelectorAll('option')].map((o) => o.value)).toEqual([
      ...VARIANTS.map((v) => v.id),
      ...fixedBaseVariants().map((v) => v.id),
    ]);
    const other = VARIANTS[VARIANTS.length - 1];
    await user.selectOptions(select, other.id);
    expect(st().variantId).toBe(other.id);
    expect(select).toHaveAccessibleDescription(other.description);
  });
});

describe('ScenarioHeader', () => {
  beforeEach(() => {
    resetStores();
    useLibraryStore.getState().load(memoryStorage());
  });

  it('renders a title with markup as text', () => {
    resetStores({ ...guestScenario(), title: '<img src=x onerror="window.__pwned=1"><script>1</script>' });
    render(<ScenarioHeader />);
    expect(screen.getByRole('heading').textContent).toBe(
      '<img src=x onerror="window.__pwned=1"><script>1</script>',
    );
    expect(document.querySelector('img')).toBeNull();
  });

  it('saves the scenario on screen to My scenarios', async () => {
    const user = userEvent.setup();
    render(<ScenarioHeader />);
    await user.click(screen.getByRole('button', { name: 'Save to My scenarios' }));
    expect(useLibraryStore.getState().items).toHaveLength(1);
    expect(st().origin.kind).toBe('user');
    expect(screen.getByText('My scenario, saved in this browser')).toBeInTheDocument();
  });
});

describe('ShareControls', () => {
  beforeEach(() => resetStores());

  it('copies a link that reopens the screen', async () => {
    const user = userEvent.setup();
    st().setCursor(4);
    render(<ShareControls />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const copied = await navigator.clipboard.readText();
    expect(screen.getByRole('textbox', { name: 'Link to this screen' })).toHaveValue(copied);
    const res = decodeShare(copied.split('#')[1]);
    expect(res.ok && res.screen.step).toBe(4);
    expect(res.ok && res.screen.embed).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Copy embed link' }));
    expect(await navigator.clipboard.readText()).toContain('&embed=1');
  });
});

describe('Notices', () => {
  it('shows messages as text and dismisses them', async () => {
    const user = userEvent.setup();
    useNoticeStore.getState().clear();
    useNoticeStore.getState().push('error', 'Bad link', 'line one\n<b>two</b>');
    render(<Notices />);
    expect(screen.getByRole('alert')).toHaveTextContent('<b>two</b>');
    await user.click(screen.getByRole('button', { name: 'Dismiss: Bad link' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
