// The Explore view's state: the form (variant, depth, reductions), the running search's progress and
// what it found, and opening a counterexample as a scenario. The search runs behind an ExploreRunner
// (a Web Worker in the app), and keeps running while another view is shown.
import { create } from 'zustand';
import type { Counterexample, ExploreProgress, ExploreResult } from '../engine/explore';
import type { ExploreConfig, FromExplorer } from '../workers/protocol';
import { workerRunner, type ExploreRun, type ExploreRunner } from './exploreRunner';
import { counterexampleScenario, DEFAULT_DEPTH, MAX_DEPTH, MAX_STATES, resultHeadline } from './exploreModel';
import { registerLinkParams, type LinkParams } from './linkParams';
import { useNoticeStore } from './noticeStore';
import { resolveVariant, useScenarioStore } from './scenarioStore';
import { guardReplace } from './unsavedGuard';
import { useViewStore } from './viewStore';
import { DEFAULT_VIEW } from './views';

export type ExploreStatus = 'idle' | 'running' | 'cancelling' | 'finished' | 'failed';

/** What a search was asked, fixed when it starts (the scenario on screen may change meanwhile). */
export interface ExploreRunInfo {
  id: number;
  config: ExploreConfig;
  /** The title of the scenario whose initial state was explored. */
  title: string;
  variant: string;
  depth: number;
  symmetry: boolean;
  dead: boolean;
  cpus: boolean;
}

export interface ExploreState {
  /** The chosen variant; null follows the scenario on screen. */
  variant: string | null;
  depth: number;
  symmetry: boolean;
  /** Dead-variable reduction: fields no later step can read are stored at one value. */
  dead: boolean;
  /** Every renaming of CPUs (exact: the same answer per context). */
  cpus: boolean;
  status: ExploreStatus;
  run: ExploreRunInfo | null;
  progress: ExploreProgress | null;
  /** Found so far while running; the result's list once finished. */
  found: Counterexample[];
  result: ExploreResult | null;
  error: string | null;
  /** The results on screen were recomputed when a link to them was opened (they are not the link's own). */
  fromLink: boolean;
  setVariant(id: string | null): void;
  setDepth(depth: number): void;
  setSymmetry(on: boolean): void;
  setDead(on: boolean): void;
  setCpus(on: boolean): void;
  /** Explores the initial state of the scenario on screen. Ignored while a search runs. */
  start(): void;
  /** Stops the search; what it found is kept and the result says incomplete. */
  cancel(): void;
  /** Opens found[index] as a new scenario, at its violating step, in the step-through view. */
  openCounterexample(index: number): void;
}

const ANNOUNCE_VIEW = 'explore';

let runner: ExploreRunner | null = null;
let active: ExploreRun | null = null;
let nextId = 1;

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
    // The exact reductions are on for a new search (a link without them keeps them off: see below).
    dead: true,
    cpus: true,
    status: 'idle',
    run: null,
    progress: null,
    found: [],
    result: null,
    error: null,
    fromLink: false,
    setVariant: (variant) => set({ variant }),
    setDepth: (depth) => set({ depth }),
    setSymmetry: (symmetry) => set({ symmetry }),
    setDead: (dead) => set({ dead }),
    setCpus: (cpus) => set({ cpus }),

    start() {
      const s = get();
      if (s.status === 'running' || s.status === 'cancelling') return;
      const sc = useScenarioStore.getState();
      const { cpus, tasks, start } = sc.scenario;
      const run: ExploreRunInfo = {
        id: nextId++,
        config: { cpus, tasks, start },
        title: sc.scenario.title,
        variant: resolveVariant(s.variant ?? sc.variantId).id,
        depth: s.depth,
        symmetry: s.symmetry,
        dead: s.dead,
        cpus: s.cpus,
      };
      set({ status: 'running', run, progress: null, found: [], result: null, error: null, fromLink: false });
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

/**
 * In links to the explore view: the form (`xv` variant, `xd` depth, `xs=1` symmetry, `xz=1` dead
 * variables, `xc=1` CPU renamings) and `xr=1` when
 * results were on screen. A link carries no results: opening one with `xr=1` runs the search again
 * (and says so).
 */
function exploreParams(view: string): LinkParams {
  if (view !== ANNOUNCE_VIEW) return {};
  const s = useExploreStore.getState();
  const out: LinkParams = { xd: String(s.depth) };
  if (s.variant !== null) out.xv = s.variant;
  if (s.symmetry) out.xs = '1';
  if (s.dead) out.xz = '1';
  if (s.cpus) out.xc = '1';
  if (s.run) out.xr = '1';
  return out;
}

function applyExploreParams(p: LinkParams, view: string): void {
  if (view !== ANNOUNCE_VIEW) return;
  const s = useExploreStore.getState();
  const depth = /^\d{1,3}$/.test(p.xd ?? '') ? Math.min(MAX_DEPTH, Math.max(1, Number(p.xd))) : s.depth;
  const variant = p.xv ?? null;
  const symmetry = p.xs === '1';
  // A link without xz or xc was made when those reductions were off by default, or unticked: off.
  const dead = p.xz === '1';
  const cpus = p.xc === '1';
  // Back/Forward to the search already on screen: nothing to redo.
  const same =
    s.run &&
    s.run.depth === depth &&
    s.run.symmetry === symmetry &&
    s.run.dead === dead &&
    s.run.cpus === cpus &&
    s.variant === variant;
  useExploreStore.setState({ depth, variant, symmetry, dead, cpus });
  if (p.xr === '1' && !same) {
    useExploreStore.getState().start();
    useExploreStore.setState({ fromLink: true });
  }
}

registerLinkParams({
  read: exploreParams,
  apply: applyExploreParams,
  subscribe: (listener) =>
    useExploreStore.subscribe((s, prev) => {
      if (
        s.depth !== prev.depth ||
        s.variant !== prev.variant ||
        s.symmetry !== prev.symmetry ||
        s.dead !== prev.dead ||
        s.cpus !== prev.cpus ||
        s.run !== prev.run
      )
        listener();
    }),
});
