// Messages shown at the top of the page: a bad link, unreadable storage, a failed import.
import { create } from 'zustand';

export type NoticeTone = 'error' | 'warning' | 'info';

export interface Notice {
  id: number;
  tone: NoticeTone;
  title: string;
  /** Plain text, shown as text; may span several lines. */
  detail?: string;
}

interface NoticeState {
  notices: Notice[];
  push(tone: NoticeTone, title: string, detail?: string): number;
  dismiss(id: number): void;
  clear(): void;
}

let nextId = 1;

export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  push(tone, title, detail) {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices, { id, tone, title, detail }] }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  clear: () => set({ notices: [] }),
}));
