// View parameters in links beyond the scenario, variant, step and view (share.ts): reviewer mode, the
// explorer's form and results... Each owner registers a provider here; a provider loaded later (a lazy
// view's store) gets the parameters of the link that opened the page when it registers. A parameter no
// owner knows, or one its owner refuses, is named in a notice: a link never silently shows something else.
import { useNoticeStore } from '../stores/noticeStore';

export type LinkParams = Record<string, string>;

export interface LinkParamProvider {
  /** The parameters this owner writes for the screen on show in `view` (none: `{}`). */
  read(view: string): LinkParams;
  /**
   * Applies an opened link's parameters (all of them; the owner picks its own). Returns what it refused
   * or changed, in words, each naming its parameter (`xv=...`).
   */
  apply(params: LinkParams, view: string): string[] | void;
  /** Calls `listener` when what read() returns may have changed. */
  subscribe(listener: () => void): () => void;
}

/**
 * Every parameter some owner reads, including owners loaded later with their view (the explorer's `x*`,
 * the gallery's `entry`): known before they load, so an unknown one is named at once. A test checks
 * that every owner's parameters are listed here.
 */
export const KNOWN_LINK_PARAMS: ReadonlySet<string> = new Set([
  'code',
  'xv',
  'xd',
  'xs',
  'xz',
  'xc',
  'xf',
  'xt',
  'xr',
  'entry',
]);

/** The same title as the link's own notice (urlSync.ts), so a late owner's problems read alike. */
const NOTICE_TITLE = 'The link was opened with changes';

const providers: LinkParamProvider[] = [];
const watchers = new Set<(p: LinkParamProvider) => void>();
let lastOpened: { params: LinkParams; view: string } | null = null;

export function registerLinkParams(p: LinkParamProvider): void {
  providers.push(p);
  const problems = (lastOpened && p.apply(lastOpened.params, lastOpened.view)) || [];
  if (problems.length) useNoticeStore.getState().push('warning', NOTICE_TITLE, problems.join('.\n') + '.');
  watchers.forEach((w) => w(p));
}

export function readLinkParams(view: string): LinkParams {
  return Object.assign({}, ...providers.map((p) => p.read(view))) as LinkParams;
}

/** Applies an opened link's parameters; returns the problems, in words (unknown ones named). */
export function applyLinkParams(params: LinkParams, view: string): string[] {
  lastOpened = { params, view };
  const unknown = Object.keys(params).filter((k) => !KNOWN_LINK_PARAMS.has(k));
  const problems = unknown.length
    ? [
        `the link has ${unknown.length === 1 ? 'a parameter' : 'parameters'} this version does not know (${unknown
          .map((k) => `${k}=${params[k].slice(0, 40)}`)
          .join(', ')}); ${unknown.length === 1 ? 'it is' : 'they are'} ignored`,
      ]
    : [];
  for (const p of providers) problems.push(...(p.apply(params, view) ?? []));
  return problems;
}

/** Calls `listener` on every change of any provider's parameters, present or registered later. */
export function watchLinkParams(listener: () => void): () => void {
  const unsubs: (() => void)[] = providers.map((p) => p.subscribe(listener));
  const w = (p: LinkParamProvider): void => void unsubs.push(p.subscribe(listener));
  watchers.add(w);
  return () => {
    watchers.delete(w);
    unsubs.forEach((u) => u());
  };
}
