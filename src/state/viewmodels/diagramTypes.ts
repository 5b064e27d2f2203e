// The diagram's view model as data: CPU panels and context cards as labelled rows, with what the current
// step changed and where a violation struck (built by diagramModel.ts, drawn by components/diagram/).
import type { ContextView, Violation } from '../../engine';
import type { ReplayOwner } from './cursorView';
import type { RegsHModel, RowBand } from './diagramSve';
import type { OwnerStyle } from './ownerStyle';

export interface FieldRow {
  /** Stable key: the StateView key, or the era field's kernel name. */
  key: string;
  label: string;
  value: string;
  changed: boolean;
  /** The "before" picture of a violating step: what is about to go wrong with this data. */
  mark?: string;
  /** SVE machines: the row is a context's H band (live, dead by the ABI, or gone). */
  band?: RowBand;
}

export type RegsState = 'newest' | 'stale' | 'scratch' | 'empty';

export interface CpuModel {
  id: number;
  label: string;
  current: string | null;
  mode: string;
  /** The register file: whose data, newest or stale. */
  regs: {
    owner: string | null;
    ownerIndex: number;
    /** The owner's colour and texture (null: nothing known). */
    style: OwnerStyle | null;
    state: RegsState;
    changed: boolean;
    /** The "before" picture of a violating step: what is about to go wrong with this data. */
    mark?: string;
  };
  lastState: string | null;
  pointerChanged: boolean;
  /** SVE machines only: the registers' upper state (Z above bit 128, P, FFR), drawn under V. */
  regsH?: RegsHModel;
  rows: FieldRow[];
  /** A change this panel shows no row for (e.g. a trap bit): the panel is highlighted as a whole. */
  changed: boolean;
  violation: boolean;
}

export interface ContextModel {
  id: string;
  kind: ContextView['kind'];
  /** Index in the replay's owners (DiagramModel.owners): picks the owner's colour and pattern. */
  index: number;
  /** Colour and texture, stable for this id and kind across scenarios. */
  style: OwnerStyle;
  memLatest: boolean;
  rows: FieldRow[];
  changed: boolean;
  violation: boolean;
}

/** Sizes that hold for every step of the replay, so the diagram keeps its geometry while stepping. */
export interface DiagramFrame {
  /** Rows of the tallest CPU panel and context card, and the most cards at one step. */
  cpuRows: number;
  ctxRows: number;
  contexts: number;
  /** An SVE machine: each CPU's register file is drawn as a V band and an H band. */
  sve: boolean;
}

export interface DiagramModel {
  step: number;
  /** One object per replay (CursorView.frame). */
  frame: DiagramFrame;
  /** Every owner the replay lists at some step (CursorView.owners): one array per replay. */
  owners: readonly ReplayOwner[];
  /** Their colours and textures, in the same order. */
  styles: readonly OwnerStyle[];
  cpus: CpuModel[];
  contexts: ContextModel[];
  violations: Violation[];
}

/** Owner index for data that is kernel-mode NEON scratch. */
export const SCRATCH_INDEX = -2;
