// Reviewer mode: whether the step view shows the code pane. A preference, not part of the scenario.
import { create } from 'zustand';

interface CodeState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useCodeStore = create<CodeState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
