// View parameters in links beyond the scenario, variant, step and view (share.ts): reviewer mode, the
// explorer's form and results... Their owners are listed in linkRegistry.ts and registered here when a
// screen needs them; a provider loaded later (a lazy view's store) gets the parameters of the link that
// opened the page when it registers. A parameter no owner knows, or one its owner refuses, is named in a
// notice: a link never silently shows something else.
import { useNoticeStore } from '../stores/noticeStore';
import {
  KNOWN_LINK_PARAMS,
  LINK_PARAM_OWNERS,
  type LinkParamOwner,
  type LinkParamProvider,
  type LinkParams,
} from './linkRegistry';

export type { LinkParamProvider, LinkParams } from './linkRegistry';

/** The same title as the link's own notice (urlSync.ts), so a late owner's problems read alike. */
const NOTICE_TITLE = 'The link was opened with changes';

const providers: LinkParamProvider[] = [];
const watchers = new Set<(p: LinkParamProvider) => void>();
let lastOpened: { params: LinkParams; view: string } | null = null;

const connected = new Map<LinkParamOwner, Promise<void>>();

/**
 * Registers the owners a screen needs (linkRegistry.ts): those always loaded at once, those of `view` and
 * those whose parameters `params` carries once their store has loaded. Each owner registers once.
 */
export function connectLinkOwners(view: string, params: LinkParams = {}): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const [owner, o] of Object.entries(LINK_PARAM_OWNERS) as [
    LinkParamOwner,
    (typeof LINK_PARAM_OWNERS)[LinkParamOwner],
  ][]) {
    let done = connected.get(owner);
    if (!done && (o.view === null || o.view === view || o.params.some((k) => Object.hasOwn(params, k)))) {
      if (typeof o.provider === 'function') done = o.provider().then(registerLinkParams);
      else {
        registerLinkParams(o.provider);
        done = Promise.resolve();
      }
      connected.set(owner, done);
    }
    if (done) waits.push(done);
  }
  return Promise.all(waits).then(() => undefined);
}

function registerLinkParams(p: LinkParamProvider): void {
  providers.push(p);
  const problems = (lastOpened && p.apply(lastOpened.params, lastOpened.view)) || [];
  if (problems.length) useNoticeStore.getState().push('warning', NOTICE_TITLE, problems.join('.\n') + '.');
  watchers.forEach((w) => w(p));
}

export function readLinkParams(view: string): LinkParams {
  void connectLinkOwners(view);
  return Object.assign({}, ...providers.map((p) => p.read(view))) as LinkParams;
}

/** Applies an opened link's parameters; returns the problems, in words (unknown ones named). */
export function applyLinkParams(params: LinkParams, view: string): string[] {
  lastOpened = { params, view };
  void connectLinkOwners(view, params);
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
  void connectLinkOwners('');
  const unsubs: (() => void)[] = providers.map((p) => p.subscribe(listener));
  const w = (p: LinkParamProvider): void => void unsubs.push(p.subscribe(listener));
  watchers.add(w);
  return () => {
    watchers.delete(w);
    unsubs.forEach((u) => u());
  };
}
