// View and preferences: which view, embed mode, the palette's CPU, playback. Nothing here is a scenario edit.
import { create } from 'zustand';
import { DEFAULT_VIEW, type ViewId } from './views';

/** Playback speeds, in steps per second. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

export interface ViewState {
  view: ViewId;
  embed: boolean;
  paletteCpu: number;
  playing: boolean;
  speed: number;
  libraryOpen: boolean;
  /** The keyboard shortcut list ("?"). */
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
  /** Diagram scale: fit the panel's width, or keep text readable and scroll. */
  zoom: 'fit' | 'readable';
  setZoom(zoom: 'fit' | 'readable'): void;
  setView(view: ViewId): void;
  setEmbed(embed: boolean): void;
  setPaletteCpu(cpu: number): void;
  setPlaying(playing: boolean): void;
  togglePlaying(): void;
  setSpeed(speed: number): void;
  setLibraryOpen(open: boolean): void;
}

export const useViewStore = create<ViewState>()((set) => ({
  view: DEFAULT_VIEW,
  embed: false,
  paletteCpu: 0,
  playing: false,
  speed: 2,
  libraryOpen: false,
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  zoom: 'readable',
  setZoom: (zoom) => set({ zoom }),
  setView: (view) => set({ view }),
  setEmbed: (embed) => set({ embed }),
  setPaletteCpu: (cpu) => set({ paletteCpu: Math.max(0, Math.trunc(cpu)) }),
  setPlaying: (playing) => set({ playing }),
  togglePlaying: () => set((s) => ({ playing: !s.playing })),
  setSpeed: (speed) => set({ speed: SPEEDS.includes(speed as (typeof SPEEDS)[number]) ? speed : 2 }),
  setLibraryOpen: (libraryOpen) => set({ libraryOpen }),
}));
