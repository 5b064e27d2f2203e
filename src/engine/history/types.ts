// Historic variants: an era with the code as it stood before a real kernel fix. Each fix is a
// `fixed(k, COMMIT12)` test where the era's code differs (see kctx.ts), so the buggy and the fixed
// statements stand side by side in the era's module, as ablations do.

export interface HistoricFix {
  /** The fix's commit id, first 12 hex digits (the variant is `ERA/pre-COMMIT12`). */
  commit: string;
  /** The commit's subject line. */
  subject: string;
  /** Author date of the commit, YYYY-MM-DD. */
  date: string;
  /** The kernels that had the bug, in words (e.g. "v4.18-rc1 only; fixed before v4.18"). */
  affected: string;
  /** True when the variant reproduces an analogue of the bug (same mechanism, FPSIMD-only state). */
  analogue?: boolean;
  /** What went wrong, in plain words, for the gallery. */
  story: string;
  /** What the code did before the fix, naming the statements that differ. */
  before: string;
  /** What the fix changed. */
  fix: string;
  /** Labels of the statements (stmt/on names) of the era that differ. */
  statements: readonly string[];
  /** Where the claim was checked: the kernel copies read (see docs/kernel-notes.md). */
  source: string;
  /**
   * True when the pre-fix code writes the CPU number 0 (v4.17's exec memset of `cpu`): CPU 0 is then
   * not interchangeable with the others, and the explorer's symmetry keeps it in place.
   */
  pinsCpu0?: boolean;
  /** An SVE bug: searched on the SVE gallery machine (gallery.ts), shown with the SVE state. */
  sve?: true;
}

/** The ablation name a historic variant carries: `pre-` and the commit. */
export const preFix = (commit: string): string => `pre-${commit}`;
