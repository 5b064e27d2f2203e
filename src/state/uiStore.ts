import { create } from 'zustand';

/** UI-only state (selection, playback). Engine state lives in src/engine and is never mutated here. */
export interface UiState {
  /** Index of the trace step being shown. */
  step: number;
  setStep: (step: number) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  step: 0,
  setStep: (step) => set({ step: Math.max(0, Math.trunc(step)) }),
}));
