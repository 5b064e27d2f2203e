// The scenario being shown, its replay under the chosen variant, the step cursor, and undo/redo.
// This is the one place that turns user actions into scenario edits and cursor moves.
import { create } from 'zustand';
import {
  DEFAULT_VARIANT,
  VARIANTS,
  createMachine,
  findVariant,
  replay,
  stateAt,
  variantOrError,
  whyIllegal,
  type Replay,
  type Scenario,
  type ScenarioEvent,
  type Variant,
} from '../../engine';
import { DEFAULT_EXAMPLE_ID, EXAMPLES } from '../../scenarios';
import { useNoticeStore } from './noticeStore';

/**
 * A scenario (or the link or action opening it) named a variant the engine does not know, or a fixed
 * base it cannot make: say what and where, and which variant is shown; the scenario is kept as it is.
 */
function unknownVariantNotice(asked: string, sc: Scenario, shown: string): void {
  const why = variantOrError(asked);
  useNoticeStore
    .getState()
    .push(
      'error',
      'Unknown variant',
      `The scenario “${sc.title.slice(0, 80)}” is opened under ${shown}: its variant "${asked.slice(0, 100)}" cannot be run (${typeof why === 'string' ? why.slice(0, 300) : 'unknown'}). The scenario is unchanged.`,
    );
}

/** Where the scenario on screen came from; decides what "save" means. */
export type Origin =
  | { kind: 'example'; id: string }
  | { kind: 'user'; id: string }
  | { kind: 'shared' }
  | { kind: 'imported'; name: string }
  | { kind: 'generated' }
  /** A counterexample opened from the Explore view. */
  | { kind: 'explored' };

interface Snapshot {
  scenario: Scenario;
  cursor: number;
}

/** A scenario with its edits and undo history, as kept when its edits are discarded (restorable). */
export interface Discarded {
  scenario: Scenario;
  origin: Origin;
  /** The scenario as last opened or saved (the edits are relative to it). */
  saved: Scenario;
  variantId: string;
  cursor: number;
  past: Snapshot[];
  future: Snapshot[];
}

export interface ScenarioState {
  scenario: Scenario;
  origin: Origin;
  /** Differs from the scenario as opened or last saved (undoing every edit clears it). */
  dirty: boolean;
  /** The scenario as opened or last saved. */
  saved: Scenario;
  variantId: string;
  replay: Replay;
  /** Events applied on screen: 0 (initial state) to replay.length. */
  cursor: number;
  /**
   * The cursor's last move came soon after the one before (a held key, fast playback, a scrubber
   * drag): the diagram then skips its brief change animations, which nobody could follow.
   */
  rapid: boolean;
  movedAt: number;
  past: Snapshot[];
  future: Snapshot[];
  open(scenario: Scenario, origin: Origin, opts?: { variant?: string; step?: number }): void;
  setVariant(id: string): void;
  setCursor(n: number): void;
  stepBy(delta: number): void;
  toStart(): void;
  toEnd(): void;
  /**
   * Inserts ev after the cursor's step and moves onto it; later events stay, legal or not. An event
   * that is not legal at the cursor is refused: the reason is returned (null when applied).
   */
  applyEvent(ev: ScenarioEvent): string | null;
  deleteEvent(index: number): void;
  setNote(index: number, note: string): void;
  /** Any other edit (title, description), with undo. */
  edit(next: Scenario): void;
  undo(): void;
  redo(): void;
  markSaved(origin: Origin): void;
  /** The scenario with its edits and history, to be restored later (see unsavedGuard.ts). */
  snapshotForRestore(): Discarded;
  restore(d: Discarded): void;
}

const UNDO_LIMIT = 200;
/** Moves closer together than this are "rapid" (see ScenarioState.rapid). */
const RAPID_MS = 150;

export function resolveVariant(id: string | undefined): Variant {
  return (id && findVariant(id)) || findVariant(DEFAULT_VARIANT) || VARIANTS[0];
}

function replayOf(sc: Scenario, variantId: string): Replay {
  return replay(createMachine(sc, resolveVariant(variantId)), sc.events);
}

const clampCursor = (n: number, r: Replay): number =>
  Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), r.length)) : 0;

/** The scenario shown on first visit: the default example (or an empty one if there are none). */
export function defaultScenario(): { scenario: Scenario; origin: Origin } {
  const ex = EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE_ID) ?? EXAMPLES[0];
  if (ex) return { scenario: ex.scenario, origin: { kind: 'example', id: ex.id } };
  return {
    scenario: {
      format: 'fpsimd-scenario/1',
      title: 'Empty scenario',
      cpus: 1,
      tasks: [{ id: 'task' }],
      start: { '0': 'task' },
      events: [],
    },
    origin: { kind: 'generated' },
  };
}

function initial(): Pick<ScenarioState, 'scenario' | 'saved' | 'origin' | 'variantId' | 'replay' | 'cursor'> {
  const { scenario, origin } = defaultScenario();
  const variantId = resolveVariant(scenario.variant).id;
  return { scenario, saved: scenario, origin, variantId, replay: replayOf(scenario, variantId), cursor: 0 };
}

export const useScenarioStore = create<ScenarioState>()((set, get) => {
  /** Undo and redo: shows snapshot `to`, with the history lists it leaves. */
  const travel = (to: Snapshot, past: Snapshot[], future: Snapshot[]): void => {
    const s = get();
    const r = replayOf(to.scenario, s.variantId);
    set({
      scenario: to.scenario,
      replay: r,
      cursor: clampCursor(to.cursor, r),
      dirty: to.scenario !== s.saved,
      past,
      future,
    });
  };
  /** Replaces the scenario as an undoable edit and keeps the cursor where asked. */
  const commit = (scenario: Scenario, cursor: number): void => {
    const s = get();
    const r = replayOf(scenario, s.variantId);
    set({
      scenario,
      replay: r,
      cursor: clampCursor(cursor, r),
      dirty: true,
      past: [...s.past, { scenario: s.scenario, cursor: s.cursor }].slice(-UNDO_LIMIT),
      future: [],
    });
  };

  return {
    ...initial(),
    rapid: false,
    movedAt: -Infinity,
    dirty: false,
    past: [],
    future: [],

    open(scenario, origin, opts = {}) {
      const asked = opts.variant ?? scenario.variant;
      const variantId = resolveVariant(asked).id;
      if (asked && !findVariant(asked)) unknownVariantNotice(asked, scenario, variantId);
      const r = replayOf(scenario, variantId);
      set({
        scenario,
        saved: scenario,
        origin,
        variantId,
        replay: r,
        cursor: clampCursor(opts.step ?? 0, r),
        dirty: false,
        past: [],
        future: [],
      });
    },

    setVariant(id) {
      const s = get();
      const variantId = resolveVariant(id).id;
      if (variantId === s.variantId) return;
      const r = replayOf(s.scenario, variantId);
      set({ variantId, replay: r, cursor: clampCursor(s.cursor, r) });
    },

    setCursor(n) {
      const s = get();
      const cursor = clampCursor(n, s.replay);
      if (cursor === s.cursor) return;
      const movedAt = performance.now();
      set({ cursor, movedAt, rapid: movedAt - s.movedAt < RAPID_MS });
    },
    stepBy: (delta) => get().setCursor(get().cursor + delta),
    toStart: () => get().setCursor(0),
    toEnd: () => get().setCursor(get().replay.length),

    applyEvent(ev) {
      const s = get();
      const why = whyIllegal(s.replay.machine.cfg, stateAt(s.replay, s.cursor), ev);
      if (why !== null) return why;
      const events = s.scenario.events.slice();
      events.splice(s.cursor, 0, ev);
      commit({ ...s.scenario, events }, s.cursor + 1);
      return null;
    },

    deleteEvent(index) {
      const s = get();
      if (index < 0 || index >= s.scenario.events.length) return;
      const events = s.scenario.events.slice();
      events.splice(index, 1);
      commit({ ...s.scenario, events }, Math.min(s.cursor, index));
    },

    setNote(index, note) {
      const s = get();
      const old = s.scenario.events[index];
      if (!old) return;
      const trimmed = note.trim();
      if ((old.note ?? '') === trimmed) return;
      const ev: ScenarioEvent = { ...old };
      if (trimmed) ev.note = trimmed.slice(0, 2000);
      else delete ev.note;
      const events = s.scenario.events.slice();
      events[index] = ev;
      commit({ ...s.scenario, events }, s.cursor);
    },

    edit: (next) => commit(next, get().cursor),

    undo() {
      const s = get();
      const prev = s.past[s.past.length - 1];
      if (prev) travel(prev, s.past.slice(0, -1), [{ scenario: s.scenario, cursor: s.cursor }, ...s.future]);
    },

    redo() {
      const s = get();
      const next = s.future[0];
      if (next) travel(next, [...s.past, { scenario: s.scenario, cursor: s.cursor }], s.future.slice(1));
    },

    markSaved: (origin) => set((s) => ({ origin, dirty: false, saved: s.scenario })),

    snapshotForRestore() {
      const s = get();
      const { scenario, origin, saved, variantId, cursor, past, future } = s;
      return { scenario, origin, saved, variantId, cursor, past, future };
    },

    restore(d) {
      const r = replayOf(d.scenario, d.variantId);
      set({
        ...d,
        replay: r,
        cursor: clampCursor(d.cursor, r),
        dirty: d.scenario !== d.saved,
      });
    },
  };
});
