// What an exported diagram says it shows, and the file's name: the scenario, the step and the variant
// (a picture of a leak under an ablation must not pass for the era's).
import { slug } from '../library/fileIo';

export interface ExportSubject {
  title: string;
  cursor: number;
  steps: number;
  variant: string;
}

/** "Guest first FP · step 5 of 12 · v4.18/no-put-flush". */
export function exportCaption(s: ExportSubject): string {
  return `${s.title} · step ${s.cursor} of ${s.steps} · ${s.variant}`;
}

/** "guest-first-fp-v4-18-no-put-flush-step-5" (without extension). */
export function exportName(s: ExportSubject): string {
  return `${slug(s.title)}-${slug(s.variant)}-step-${s.cursor}`;
}
