// Messages shown at the top of the page: a bad link, unreadable storage, a failed import.
import { create } from 'zustand';

export type NoticeTone = 'error' | 'warning' | 'info';

export interface Notice {
  id: number;
  tone: NoticeTone;
  title: string;
  /** Plain text, shown as text; may span several lines. */
  detail?: string;
  /** Data the user can save as a file from the notice (what could not be kept in the browser). */
  downloads?: NoticeDownload[];
}

export interface NoticeDownload {
  label: string;
  fileName: string;
  text: string;
}

interface NoticeState {
  notices: Notice[];
  /** Shows a notice, unless the same one is already shown (repeated failures say it once). */
  push(tone: NoticeTone, title: string, detail?: string, downloads?: NoticeDownload[]): number;
  dismiss(id: number): void;
  clear(): void;
}

let nextId = 1;

export const useNoticeStore = create<NoticeState>()((set, get) => ({
  notices: [],
  push(tone, title, detail, downloads) {
    const texts = (d?: NoticeDownload[]): string => JSON.stringify(d?.map((x) => x.text) ?? []);
    const same = get().notices.find(
      (n) =>
        n.tone === tone &&
        n.title === title &&
        n.detail === detail &&
        texts(n.downloads) === texts(downloads),
    );
    if (same) return same.id;
    const id = nextId++;
    set((s) => ({ notices: [...s.notices, { id, tone, title, detail, downloads }] }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  clear: () => set({ notices: [] }),
}));
