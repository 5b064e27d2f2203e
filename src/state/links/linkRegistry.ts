// Every view parameter a link carries beyond its own fields (share.ts), with its owner: the one place
// parameters are registered (no store registers itself when imported). An owner whose store comes with
// a lazy view is loaded when that view shows or an opened link carries one of its parameters
// (linkParams.ts: connectLinkOwners); a test checks each owner writes only the parameters listed here.
import { codeLinkParams } from '../stores/codeStore';
import type { LinkParamProvider } from './linkTypes';

export type { LinkParamProvider, LinkParams } from './linkTypes';

export type LinkParamOwner = 'code' | 'explore' | 'gallery';

export interface LinkOwnerEntry {
  /** The parameters it reads and writes. */
  params: readonly string[];
  /** The view that loads its store, or null for an owner always loaded (`provider`). */
  view: string | null;
  /** Its provider: at hand, or loaded with its view's store. */
  provider: LinkParamProvider | (() => Promise<LinkParamProvider>);
}

export const LINK_PARAM_OWNERS: Readonly<Record<LinkParamOwner, LinkOwnerEntry>> = {
  // Reviewer mode: `code=1` when the step view's code pane is open (stores/codeStore.ts).
  code: { params: ['code'], view: null, provider: codeLinkParams },
  // The explorer's form and `xr=1` when results were on screen (stores/exploreLinks.ts).
  explore: {
    params: ['xv', 'xd', 'xs', 'xz', 'xc', 'xf', 'xt', 'xr'],
    view: 'explore',
    provider: () => import('../stores/exploreLinks').then((m) => m.exploreLinkParams),
  },
  // The gallery's entry on show (stores/galleryStore.ts).
  gallery: {
    params: ['entry'],
    view: 'gallery',
    provider: () => import('../stores/galleryStore').then((m) => m.galleryLinkParams),
  },
};

/** Every parameter some owner reads, known before the lazy ones load, so an unknown one is named at once. */
export const KNOWN_LINK_PARAMS: ReadonlySet<string> = new Set(
  Object.values(LINK_PARAM_OWNERS).flatMap((o) => o.params),
);
