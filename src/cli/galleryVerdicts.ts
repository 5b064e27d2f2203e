// What makes `fpsimd-viz gallery` fail: every entry (FPSIMD and SVE alike) must be found as its own bug
// within its depth, and every era the gallery claims clean must be clean. One line per failure, naming
// the entry or era and what was found instead, for standard error.
import type { EntryVerdict } from '../engine';

export interface VerdictRow {
  /** The entry's id as printed (the variant searched; a release bug as `ERA:COMMIT12`). */
  id: string;
  verdict: EntryVerdict;
  depth: number;
  sve: boolean;
  /** The variant whose own violation hid the entry's (for era-bug-only). */
  base: string | null;
}

export interface EraRow {
  id: string;
  violations: number;
  depth: number;
  sve: boolean;
}

/** Why the gallery fails, one line each; empty when it passes. */
export function galleryFailures(bugs: readonly VerdictRow[], eras: readonly EraRow[]): string[] {
  const out: string[] = [];
  for (const b of bugs) {
    const where = `${b.sve ? 'SVE entry' : 'entry'} ${b.id}`;
    switch (b.verdict) {
      case 'found':
        break;
      case 'not-found':
        out.push(`${where}: no violation within its depth of ${b.depth} events`);
        break;
      case 'era-bug-only':
        out.push(
          `${where}: found only violations ${b.base ?? 'its era'} reports too (not this fix's bug) within ${b.depth} events`,
        );
        break;
      default: {
        const never: never = b.verdict;
        throw new Error(`unknown verdict ${String(never)}`);
      }
    }
  }
  for (const e of eras)
    if (e.violations > 0)
      out.push(
        `${e.sve ? 'SVE ' : ''}era ${e.id}: ${e.violations} violation(s) within ${e.depth} events, claimed clean`,
      );
  return out;
}
