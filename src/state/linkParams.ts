// View parameters in links beyond the scenario, variant, step and view (share.ts): reviewer mode, the
// explorer's form and results... Each owner registers a provider here; a provider loaded later (a lazy
// view's store) gets the parameters of the link that opened the page when it registers.

export type LinkParams = Record<string, string>;

export interface LinkParamProvider {
  /** The parameters this owner writes for the screen on show in `view` (none: `{}`). */
  read(view: string): LinkParams;
  /** Applies an opened link's parameters (all of them; the owner picks its own). */
  apply(params: LinkParams, view: string): void;
  /** Calls `listener` when what read() returns may have changed. */
  subscribe(listener: () => void): () => void;
}

const providers: LinkParamProvider[] = [];
const watchers = new Set<(p: LinkParamProvider) => void>();
let lastOpened: { params: LinkParams; view: string } | null = null;

export function registerLinkParams(p: LinkParamProvider): void {
  providers.push(p);
  if (lastOpened) p.apply(lastOpened.params, lastOpened.view);
  watchers.forEach((w) => w(p));
}

export function readLinkParams(view: string): LinkParams {
  return Object.assign({}, ...providers.map((p) => p.read(view))) as LinkParams;
}

export function applyLinkParams(params: LinkParams, view: string): void {
  lastOpened = { params, view };
  for (const p of providers) p.apply(params, view);
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
