// Whether a violating step shows the state before the step beside the state after it. Off in the
// step-through view until the violation banner's toggle turns it on; on in tours and for a gallery
// example opened at its violating step.
import { create } from 'zustand';

export interface BeforeState {
  shown: boolean;
  setShown(on: boolean): void;
}

export const useBeforeStore = create<BeforeState>()((set) => ({
  shown: false,
  setShown: (shown) => set({ shown }),
}));
