// What an owner of link parameters provides (linkRegistry.ts lists the owners; linkParams.ts runs them).
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
