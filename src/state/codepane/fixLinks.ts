// Links to the kernel as it was just before a historic fix (the fix's parent) and just after it, in
// Linus's tree on git.kernel.org: a historic variant models the code before the fix, so a link to its
// era's release (which may already have the fix) would show other code than the one that runs.
const TORVALDS = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git';

/** The tree (a file or directory) at a revision, e.g. `e92bee9f861b^`. */
export function kernelTreeUrl(path: string, rev: string): string {
  return `${TORVALDS}/tree/${path}?id=${encodeURIComponent(rev)}`;
}

/** `path` as it was before the fix: the tree at the fix's parent. */
export const beforeFixUrl = (commit: string, path = 'arch/arm64'): string =>
  kernelTreeUrl(path, `${commit}^`);

/** `path` as the fix left it: the tree at the fix itself. */
export const afterFixUrl = (commit: string, path = 'arch/arm64'): string => kernelTreeUrl(path, commit);
