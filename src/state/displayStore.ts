// How the diagram is presented, apart from its data: presenter mode (full screen, large note) and the
// legend (drawn in the diagram, so an exported image carries it too).
import { create } from 'zustand';

export interface DisplayState {
  presenting: boolean;
  legend: boolean;
  setPresenting(on: boolean): void;
  setLegend(on: boolean): void;
}

export const useDisplayStore = create<DisplayState>()((set) => ({
  presenting: false,
  legend: true,
  setPresenting: (presenting) => set({ presenting }),
  setLegend: (legend) => set({ legend }),
}));
