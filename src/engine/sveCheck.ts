// Whether a scenario's SVE parts can run under a variant: KVM gives guests SVE only since v5.2
// (Era.guestSve), so an SVE vcpu under an older era is refused, by the CLI and the app alike.
import type { Scenario } from './types';
import { ERAS, type Variant } from './variants';

/** Why `variant` cannot run the scenario's SVE parts, in one line naming the task; null when it can. */
export function sveProblem(sc: Pick<Scenario, 'tasks' | 'sve'>, variant: Variant): string | null {
  if (sc.sve !== true || variant.era.guestSve === true) return null;
  const i = sc.tasks.findIndex((t) => t.vcpuSve === true);
  if (i < 0) return null;
  const t = sc.tasks[i];
  const with_ = ERAS.filter((e) => e.guestSve === true).map((e) => e.id);
  return (
    `tasks[${i}] ("${t.id}"): an SVE vcpu ("vcpuSve": true) needs KVM's guest SVE (since v5.2), which ` +
    `${variant.era.id}${variant.id !== variant.era.id ? ` (variant ${variant.id})` : ''} does not have: ` +
    (with_.length ? `choose ${with_.join(', ')}, or ` : '') +
    `remove "vcpuSve"`
  );
}
