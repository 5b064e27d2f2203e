// Reviewer mode: whether the step view shows the code pane. Carried by links (`code=1`), so a copied
// link reopens with the pane open.
import { create } from 'zustand';
import type { LinkParamProvider } from '../links/linkTypes';

interface CodeState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useCodeStore = create<CodeState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

/** `code=1` in links (linkRegistry.ts). */
export const codeLinkParams: LinkParamProvider = {
  read: (): Record<string, string> => (useCodeStore.getState().open ? { code: '1' } : {}),
  apply: (params) => {
    useCodeStore.getState().setOpen(params.code === '1');
    return params.code === undefined || params.code === '1'
      ? []
      : [`code=${params.code.slice(0, 20)} is not 1 (the code pane); the pane stays closed`];
  },
  subscribe: (listener) => useCodeStore.subscribe((s, prev) => s.open !== prev.open && listener()),
};
