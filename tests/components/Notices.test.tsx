// A notice that carries data the browser could not keep offers it as a file.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notices } from '../../src/components/Notices';
import { useLibraryStore } from '../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../src/state/stores/noticeStore';
import { LIBRARY_KEY } from '../../src/state/persist/storage';
import { quotaStorage, resetStores } from '../state/fixtures';

describe('Notices', () => {
  beforeEach(() => resetStores());
  afterEach(() => vi.restoreAllMocks());

  it('offers unreadable saved data that could not be copied as a download, byte for byte', async () => {
    const raw = JSON.stringify({ format: 'fpsimd-library/7', items: ['é'.repeat(500)] });
    useLibraryStore.getState().load(quotaStorage(raw.length + 100, { [LIBRARY_KEY]: raw }));
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:saved';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    render(<Notices />);
    expect(screen.getByRole('alert')).toHaveTextContent(/No copy of it could be kept/);
    await user.click(screen.getByRole('button', { name: 'Download the unreadable saved data' }));
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(await blobs[0].text()).toBe(raw);
  });

  it('shows a repeated notice once', () => {
    const push = useNoticeStore.getState().push;
    const a = push('error', 'Not saved', 'full');
    expect(push('error', 'Not saved', 'full')).toBe(a);
    render(<Notices />);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
