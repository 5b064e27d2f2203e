// How the diagram is presented, apart from its data: presenter mode (full screen, large note) and the
// legend (drawn in the diagram, so an exported image carries it too).
import { create } from 'zustand';

export interface DisplayState {
  presenting: boolean;
  legend: boolean;
  /** Zoom of the step view's diagram: 1 follows the fit/readable setting, else a share of its size. */
  scale: number;
  setPresenting(on: boolean): void;
  /** Zooms by `factor` from `from` (the scale drawn, when the diagram was fitted), else from `scale`. */
  zoomBy(factor: number, from?: number): void;
  setLegend(on: boolean): void;
}

export const useDisplayStore = create<DisplayState>()((set) => ({
  presenting: false,
  legend: true,
  scale: 1,
  setPresenting: (presenting) => set({ presenting }),
  zoomBy: (factor, from) =>
    set((s) => {
      const next = Math.round((s.scale === 1 && from !== undefined ? from : s.scale) * factor * 100) / 100;
      return { scale: Math.abs(next - 1) < 0.05 ? 1 : Math.min(3, Math.max(0.4, next)) };
    }),
  setLegend: (legend) => set({ legend }),
}));
