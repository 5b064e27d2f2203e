// The explorer's link parameters (its form, and whether results were on screen): what the explore view
// writes into links and how an opened link sets the form and reruns the search. Registered by
// linkRegistry.ts.
import { findVariant, resolveVariantId, variantOrError } from '../../engine';
import type { LinkParamProvider, LinkParams } from '../links/linkTypes';
import { autoStartAllowed } from '../links/exploreCost';
import { linkVariantId } from '../links/linkFields';
import { MAX_DEPTH, parseTimeLimit } from '../viewmodels/exploreModel';
import { ANNOUNCE_VIEW, cpusOn, useExploreStore } from './exploreStore';
import { useScenarioStore } from './scenarioStore';

/**
 * In links to the explore view: the form (`xv` variant, `xd` depth, `xs=1` symmetry, `xz=1` dead
 * variables, `xc=1` CPU renamings, `xf=1` stop at the first violating depth, `xt=SECONDS` time limit)
 * and `xr=1` when
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
  if (cpusOn(s.cpus, useScenarioStore.getState().scenario.cpus)) out.xc = '1';
  if (s.first) out.xf = '1';
  if (s.timeLimit !== null) out.xt = String(s.timeLimit);
  if (s.run || s.held) out.xr = '1';
  return out;
}

/** A flag parameter (`xs`, `xz`, `xr`): on when `1`; any other value is named and taken as off. */
function flag(p: LinkParams, key: string, what: string, problems: string[]): boolean {
  const v = p[key];
  if (v !== undefined && v !== '1')
    problems.push(`${key}=${v.slice(0, 20)} is not 1 (${what}); taken as off`);
  return v === '1';
}

function applyExploreParams(p: LinkParams, view: string): string[] {
  if (view !== ANNOUNCE_VIEW) return [];
  const s = useExploreStore.getState();
  const problems: string[] = [];
  let depth = s.depth;
  if (p.xd !== undefined) {
    if (/^\d{1,3}$/.test(p.xd)) depth = Math.min(MAX_DEPTH, Math.max(1, Number(p.xd)));
    if (String(depth) !== p.xd)
      problems.push(`xd=${p.xd.slice(0, 20)} is not a depth from 1 to ${MAX_DEPTH}; the depth is ${depth}`);
  }
  // A variant this version does not know is never replaced by another: the search is not run.
  const xv = p.xv === undefined ? undefined : linkVariantId(p.xv);
  const unknown = xv !== undefined && !findVariant(xv);
  if (unknown) problems.push(`xv=${xv}: ${String(variantOrError(xv))}`);
  // An alias (`mainline`) is kept as the concrete id it names, so the links written name that.
  const variant = unknown ? s.variant : xv !== undefined ? resolveVariantId(xv) : null;
  const symmetry = flag(p, 'xs', 'symmetry reduction', problems);
  // A link without xz or xc was made when those reductions were off by default, or unticked: off.
  const dead = flag(p, 'xz', 'dead-variable reduction', problems);
  const cpus = flag(p, 'xc', 'CPU renaming', problems);
  const rerun = flag(p, 'xr', 'results on screen', problems);
  // Absent in links made before these options: no stop, no limit, as those links always meant.
  const first = flag(p, 'xf', 'stop at the first violating depth', problems);
  let timeLimit: number | null = null;
  if (p.xt !== undefined) {
    const limit = parseTimeLimit(p.xt);
    if (limit.ok) timeLimit = limit.seconds;
    else problems.push(`xt=${p.xt.slice(0, 20)} is not a time limit in seconds; no limit`);
  }
  // Back/Forward to the search already on screen: nothing to redo.
  const same =
    s.run &&
    s.run.depth === depth &&
    s.run.symmetry === symmetry &&
    s.run.dead === dead &&
    s.run.cpus === cpus &&
    s.run.first === first &&
    s.run.timeLimit === timeLimit &&
    s.variant === variant;
  useExploreStore.setState({ depth, variant, symmetry, dead, cpus, first, timeLimit, held: false });
  if (rerun && unknown)
    problems.push('the search the link asked for was not run: choose a variant and start it');
  else if (rerun && !same) {
    // A large search waits for the user's Run: the link shows its settings only.
    if (!autoStartAllowed(useScenarioStore.getState().scenario, depth))
      useExploreStore.setState({ held: true });
    else {
      useExploreStore.getState().start();
      useExploreStore.setState({ fromLink: true });
    }
  }
  return problems;
}

/** The explorer's link parameters (linkRegistry.ts). */
export const exploreLinkParams: LinkParamProvider = {
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
        s.first !== prev.first ||
        s.timeLimit !== prev.timeLimit ||
        s.run !== prev.run ||
        s.held !== prev.held
      )
        listener();
    }),
};
