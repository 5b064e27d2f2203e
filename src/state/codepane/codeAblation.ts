// "Re-run without this statement": the scenario on screen replayed under one ablation of its era, and
// where it first goes wrong, if it does.
import { createMachine, findVariant, replay, type Era, type Scenario, type Violation } from '../../engine';

export type AblationRun =
  | { ok: true; variant: string; first: Violation | null; steps: number; stoppedAt: number | null }
  | { ok: false; message: string };

/** The variant id of an era without one statement (variants.ts: `<era>/no-<name>`). */
export const ablationVariantId = (era: Era, name: string): string => `${era.id}/no-${name}`;

export function rerunWithout(scenario: Scenario, era: Era, name: string): AblationRun {
  if (!era.ablatable.some((a) => a.name === name))
    return { ok: false, message: `${era.id} has no ablation named "${name}".` };
  const id = ablationVariantId(era, name);
  const variant = findVariant(id);
  if (!variant) return { ok: false, message: `The variant ${id} is not known.` };
  const r = replay(createMachine(scenario, variant), scenario.events);
  return {
    ok: true,
    variant: id,
    first: r.violations[0] ?? null,
    steps: r.length,
    stoppedAt: r.illegal ? r.illegal.index : null,
  };
}
