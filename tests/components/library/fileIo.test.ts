// Export never writes a file the importer would refuse.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario, printScenario } from '../../../src/engine';
import { exportScenario } from '../../../src/components/library/fileIo';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { fullNotes, longNotes } from '../../state/links/linkLimitScenarios';
import { guestScenario } from '../../state/fixtures';

describe('exporting a scenario', () => {
  let clicks: string[];
  beforeEach(() => {
    useNoticeStore.getState().clear();
    clicks = [];
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('offers a file the importer reads back', () => {
    expect(exportScenario(guestScenario())).toBe(true);
    expect(clicks).toEqual(['guest-first-fp.json']);
    expect(useNoticeStore.getState().notices).toEqual([]);
  });

  it('offers the largest file the importer takes', { timeout: 30_000 }, () => {
    expect(parseScenario(printScenario(fullNotes(2448))).ok).toBe(true);
    expect(exportScenario(fullNotes(2448))).toBe(true);
    expect(clicks).toEqual(['full-notes.json']);
  });

  it(
    'refuses, saying why, a scenario whose file the importer would refuse (20,000 events, 250-char notes)',
    { timeout: 30_000 },
    () => {
      expect(exportScenario(longNotes())).toBe(false);
      expect(clicks).toEqual([]);
      const [notice] = useNoticeStore.getState().notices;
      expect(notice.tone).toBe('error');
      expect(notice.title).toBe('The scenario was not exported');
      expect(notice.detail).toMatch(/^file is 5\.8 MB; scenarios are limited to 5 MB\nNo file was written/);
    },
  );
});
