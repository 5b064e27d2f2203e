// The Explore view's state: the form (variant, depth, reductions), the running search's progress and
// what it found, and opening a counterexample as a scenario. The search runs behind an ExploreRunner
// (a Web Worker in the app), and keeps running while another view is shown.
import { create } from 'zustand';
import { resolveVariantId, variantOrError } from '../../engine';
import type { Counterexample, ExploreProgress, ExploreResult } from '../../engine/explore';
import type { ExploreConfig, FromExplorer } from '../../workers/protocol';
import { workerRunner, type ExploreRun, type ExploreRunner } from './exploreRunner';
import {
  counterexampleScenario,
  DEFAULT_DEPTH,
  MAX_STATES,
  resultHeadline,
} from '../viewmodels/exploreModel';
import { useNoticeStore } from './noticeStore';
import { resolveVariant, useScenarioStore } from './scenarioStore';
import { guardReplace } from './unsavedGuard';
import { useViewStore } from './viewStore';
import { DEFAULT_VIEW } from './views';
import { defaultReductions } from '../../engine/explore/defaults';

export type ExploreStatus = 'idle' | 'running' | 'cancelling' | 'finished' | 'failed';

/** The form's search settings besides the variant, which a run keeps as it started. */
export interface ExploreSettings {
  depth: number;
  symmetry: boolean;
  /** Dead-variable reduction: fields no later step can read are stored at one value. */
  dead: boolean;
  /** Stop at the first depth that has a violation (every violation of that length reported). */
  first: boolean;
  /** Seconds after which the search stops, marked incomplete; null: no limit. */
  timeLimit: number | null;
}

/** What a search was asked, fixed when it starts (the scenario on screen may change meanwhile). */
export interface ExploreRunInfo extends ExploreSettings {
  id: number;
  config: ExploreConfig;
  /** The title of the scenario whose initial state was explored. */
  title: string;
  variant: string;
  /** Every renaming of CPUs (exact: the same answer per context). */
  cpus: boolean;
}

export interface ExploreState extends ExploreSettings {
  /** The chosen variant; null follows the scenario on screen. */
  variant: string | null;
  /**
   * Every renaming of CPUs (exact: the same answer per context); null until ticked or unticked (or set
   * by a link): the default for the scenario's machine, on up to 4 CPUs (cpusOn).
   */
  cpus: boolean | null;
  status: ExploreStatus;
  run: ExploreRunInfo | null;
  progress: ExploreProgress | null;
  /** Found so far while running; the result's list once finished. */
  found: Counterexample[];
  result: ExploreResult | null;
  error: string | null;
  /** The results on screen were recomputed when a link to them was opened (they are not the link's own). */
  fromLink: boolean;
  /** A link asked for a search too large to start by itself (exploreCost.ts): it waits for Run. */
  held: boolean;
  setVariant(id: string | null): void;
  setDepth(depth: number): void;
  setSymmetry(on: boolean): void;
  setDead(on: boolean): void;
  setFirst(on: boolean): void;
  setTimeLimit(seconds: number | null): void;
  setCpus(on: boolean): void;
  /** Explores the initial state of the scenario on screen. Ignored while a search runs. */
  start(): void;
  /** Stops the search; what it found is kept and the result says incomplete. */
  cancel(): void;
  /** Opens found[index] as a new scenario, at its violating step, in the step-through view. */
  openCounterexample(index: number): void;
}

export const ANNOUNCE_VIEW = 'explore';

let runner: ExploreRunner | null = null;
let active: ExploreRun | null = null;
let nextId = 1;

/** Nothing found, nothing on screen from a link: a new store, or a search starting. */
const noResults = () => ({
  progress: null,
  found: [] as Counterexample[],
  result: null,
  error: null,
  fromLink: false,
  held: false,
});

/** Replaces where searches run (tests use the in-process runner). */
export function setExploreRunner(r: ExploreRunner | null): void {
  active = null;
  runner?.dispose();
  runner = r;
}

export const useExploreStore = create<ExploreState>()((set, get) => {
  const onMessage = (m: FromExplorer): void => {
    if (get().run?.id !== m.id) return;
    switch (m.type) {
      case 'progress':
        set(m.found ? { progress: m.progress, found: m.found } : { progress: m.progress });
        return;
      case 'done': {
        active = null;
        const r = m.result;
        set({
          status: 'finished',
          result: r,
          found: r.violations,
          progress: {
            depth: r.exploredDepth,
            states: r.states,
            transitions: r.transitions,
            seconds: r.seconds,
            statesPerSecond: r.seconds > 0 ? r.states / r.seconds : 0,
          },
        });
        // Said in the view's live region when it is shown; otherwise as a notice.
        if (useViewStore.getState().view !== ANNOUNCE_VIEW)
          useNoticeStore.getState().push('info', 'The explorer has finished', resultHeadline(r));
        return;
      }
      case 'error':
        active = null;
        set({ status: 'failed', error: m.message });
        return;
      default: {
        const never: never = m;
        throw new Error(`explore: unknown message ${JSON.stringify(never)}`);
      }
    }
  };

  return {
    variant: null,
    depth: DEFAULT_DEPTH,
    symmetry: false,
    // The exact reductions are on for a new search, CPU renaming by the machine's size, as in the CLI
    // (a link without them keeps them off: see below).
    dead: true,
    cpus: null,
    first: false,
    timeLimit: null,
    status: 'idle',
    run: null,
    ...noResults(),
    setVariant: (variant) => set({ variant: variant === null ? null : resolveVariantId(variant) }),
    setDepth: (depth) => set({ depth }),
    setSymmetry: (symmetry) => set({ symmetry }),
    setDead: (dead) => set({ dead }),
    setFirst: (first) => set({ first }),
    setTimeLimit: (timeLimit) => set({ timeLimit }),
    setCpus: (cpus) => set({ cpus }),

    start() {
      const s = get();
      if (s.status === 'running' || s.status === 'cancelling') return;
      const sc = useScenarioStore.getState();
      // The chosen variant is not known (set from elsewhere than the form): no search under another one.
      const chosen = s.variant === null ? null : variantOrError(s.variant);
      if (typeof chosen === 'string') {
        set({ status: 'failed', error: `The search was not started: ${chosen}.` });
        return;
      }
      const { cpus, tasks, start, sve, vhe } = sc.scenario;
      const run: ExploreRunInfo = {
        id: nextId++,
        // An FPSIMD-only machine's config as before; an SVE one's with its SVE fields.
        config: {
          cpus,
          tasks,
          start,
          ...(sve !== undefined ? { sve } : {}),
          ...(vhe !== undefined ? { vhe } : {}),
        },
        title: sc.scenario.title,
        variant: resolveVariant(s.variant ?? sc.variantId).id,
        depth: s.depth,
        symmetry: s.symmetry,
        dead: s.dead,
        first: s.first,
        timeLimit: s.timeLimit,
        cpus: cpusOn(s.cpus, cpus),
      };
      set({ status: 'running', run, ...noResults() });
      runner ??= workerRunner();
      try {
        active = runner.start(
          {
            type: 'start',
            id: run.id,
            config: run.config,
            variant: run.variant,
            depth: run.depth,
            symmetry: run.symmetry,
            dead: run.dead,
            cpus: run.cpus,
            maxStates: MAX_STATES,
            ...(run.first ? { first: true } : {}),
            ...(run.timeLimit !== null ? { timeLimitSeconds: run.timeLimit } : {}),
          },
          onMessage,
        );
      } catch (e) {
        set({ status: 'failed', error: `The search could not start: ${e instanceof Error ? e.message : e}` });
      }
    },

    cancel() {
      if (get().status !== 'running' || !active) return;
      set({ status: 'cancelling' });
      active.cancel();
    },

    openCounterexample(index) {
      const { run, found } = get();
      const cx = found[index];
      if (!run || !cx) return;
      const scenario = counterexampleScenario(cx, run);
      // A new scenario of its own: the user's saved ones are not touched until they choose to save it.
      void guardReplace('open the counterexample', () => {
        useScenarioStore
          .getState()
          .open(scenario, { kind: 'explored' }, { variant: run.variant, step: cx.events.length });
        useViewStore.getState().setView(DEFAULT_VIEW);
      });
    },
  };
});

/** CPU renaming as ticked, or by default (null) as `check` does: on machines of at most 4 CPUs. */
export const cpusOn = (cpus: boolean | null, machineCpus: number): boolean =>
  cpus ?? defaultReductions(machineCpus).cpus;
